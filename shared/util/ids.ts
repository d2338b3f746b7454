/** @module Record ids: short, random, URL-safe, prefixed by kind so a stray id explains itself. */

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const ID_LENGTH = 16; // 36^16 ≈ 8e24: collisions are not a practical concern for one workspace.

export type IdKind = 'cap' | 'act' | 'mem' | 'com' | 'evt' | 'hud' | 'brd' | 'ini' | 'not';
export type NewId = (kind: IdKind) => string;

/** Ids from the platform's cryptographic random source (Node 20 and every browser have it). */
export const randomId: NewId = (kind) => {
  const bytes = new Uint8Array(ID_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let out = '';
  for (const byte of bytes) out += ALPHABET[byte % ALPHABET.length];
  return `${kind}_${out}`;
};

/** Deterministic ids for tests and simulations, driven by any `() => number in [0,1)`. */
export function seededIds(random: () => number): NewId {
  return (kind) => {
    let out = '';
    for (let i = 0; i < ID_LENGTH; i++) out += ALPHABET[Math.floor(random() * ALPHABET.length)];
    return `${kind}_${out}`;
  };
}

/** What an id of any kind must look like when read back from another peer. */
export const RECORD_ID_PATTERN = /^[a-z]{3}_[0-9a-z]{1,64}$/;
