/**
 * @module Finds personal data in text: email addresses, phone numbers, payment card numbers (Luhn),
 * IBANs (mod 97) and national identity numbers (US SSN, UK National Insurance). Pure and linear:
 * a few regular-expression passes and a check per candidate. A reviewer's public handle or name
 * is not personal data in this sense (the page shows it to everyone); it is never looked for.
 */
import { isCardNumber, isIban } from './checks';
import { isPhoneNumber, PHONE_CANDIDATE } from './phone';

export const PERSONAL_KINDS = ['email', 'iban', 'card', 'national-id', 'phone'] as const;
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

/** What replaces each kind in stored text. Readers (and re-anchoring) treat these as "something was here". */
export const REDACTION_LABELS: Record<PersonalKind, string> = {
  'email': '[email]',
  'iban': '[iban]',
  'card': '[card]',
  'national-id': '[id number]',
  'phone': '[phone]',
};

/** The words people read for each kind. */
export const KIND_WORDS: Record<PersonalKind, string> = {
  'email': 'email address', 'iban': 'IBAN', 'card': 'card number', 'national-id': 'ID number', 'phone': 'phone number',
};

export interface Finding {
  kind: PersonalKind;
  /** [start, end) in the text searched. */
  start: number;
  end: number;
  /** The characters found, as they stand in the text. */
  value: string;
}

const EMAIL = /(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-']{1,64}@(?:[\p{L}\p{N}](?:[\p{L}\p{N}\-]{0,61}[\p{L}\p{N}])?\.)+\p{L}{2,24}(?![\p{L}\p{N}\-])/gu;
const IBAN_CANDIDATE = /(?<![\p{L}\p{N}])[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}(?![\p{L}\p{N}])/gu;
const CARD_CANDIDATE = /(?<![\p{N}\-])\d(?:[ \-]?\d){11,18}(?![\p{N}]|-\d)/gu;
const SSN = /(?<![\p{N}\-])(?!000|666|9\d\d)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\p{N}]|-\d)/gu;
const NINO = /(?<![\p{L}\p{N}])(?![DFIQUV])[A-CEGHJ-PR-TW-Z](?![DFIOQUV])[A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![\p{L}\p{N}])/gu;

/** Every finding in `text`, in order, never overlapping (on overlap the earlier kind in PERSONAL_KINDS wins). */
export function findPersonalData(text: string): Finding[] {
  if (typeof text !== 'string' || text === '') return [];
  const found: Finding[] = [];
  const scan = (kind: PersonalKind, pattern: RegExp, accept: (match: string) => boolean) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const value = m[0].replace(/[\s.\-\/(]+$/u, '');
      if (accept(value)) found.push({ kind, start: m.index, end: m.index + value.length, value });
    }
  };
  scan('email', EMAIL, () => true);
  scan('iban', IBAN_CANDIDATE, (v) => isIban(v.replace(/ /g, '')));
  scan('card', CARD_CANDIDATE, (v) => consistentGroups(v) && isCardNumber(v.replace(/\D/g, '')));
  scan('national-id', SSN, () => true);
  scan('national-id', NINO, () => true);
  scan('phone', PHONE_CANDIDATE, (v) => isPhoneNumber(v));
  return withoutOverlaps(found);
}

/** Cards are written in one style: all spaces, all hyphens, or no separators. */
function consistentGroups(value: string): boolean {
  return !(value.includes(' ') && value.includes('-'));
}

function withoutOverlaps(found: Finding[]): Finding[] {
  const rank = (kind: PersonalKind) => PERSONAL_KINDS.indexOf(kind);
  const byPriority = [...found].sort((a, b) => rank(a.kind) - rank(b.kind) || a.start - b.start);
  const kept: Finding[] = [];
  for (const f of byPriority) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start);
}

/** `text` with each finding replaced by its label, except those whose value the person chose to keep. */
export function applyRedaction(text: string, findings: readonly Finding[], kept: ReadonlySet<string> = new Set()): string {
  let out = '';
  let at = 0;
  for (const f of findings) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + (kept.has(f.value) ? f.value : REDACTION_LABELS[f.kind]);
    at = f.end;
  }
  return out + text.slice(at);
}

/** Detects and replaces in one go: for text nobody reviews (context around a quote, a page title). */
export function redactText(text: string, kept: ReadonlySet<string> = new Set()): string {
  return applyRedaction(text, findPersonalData(text), kept);
}
