/** @module The server's signing secret: 32 random bytes created once in the data directory (mode 0600). */
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, writeSync, closeSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';

export const SECRET_FILE = 'secret.key';

/** Reads the secret, creating it (and the data directory) on first use. */
export function loadOrCreateSecret(dataDir: string): Uint8Array {
  const path = join(dataDir, SECRET_FILE);
  try {
    return parseSecret(readFileSync(path, 'utf8'), path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32);
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600); // exclusive: two processes starting at once cannot both win
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return parseSecret(readFileSync(path, 'utf8'), path);
    throw error;
  }
  try {
    writeSync(fd, `${secret.toString('hex')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return secret;
}

function parseSecret(text: string, path: string): Uint8Array {
  const hex = text.trim();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw new Error(`${path} is not a Closeloop secret (expected 64 hex characters). Restore it from a backup, or delete it to invalidate every invite.`);
  }
  return Buffer.from(hex, 'hex');
}
