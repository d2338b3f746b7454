/** @module Input checks for mutations: clean values or a MutationError that says what to fix. Free of Yjs. */
import { LIMITS, SCORE_MAX, SCORE_MIN } from '../schema/constants';
import { isCalendarDate } from '../util/dates';
import { MutationError } from './errors';

export function cleanText(value: unknown, what: string, max: number, { required = false } = {}): string {
  if (value === undefined || value === null) value = '';
  if (typeof value !== 'string') throw new MutationError('invalid', `${what} must be text.`);
  // Control characters other than tab and newline never belong in feedback text.
  const text = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').trim();
  if (required && text === '') throw new MutationError('invalid', `${what} cannot be empty.`);
  if (text.length > max) throw new MutationError('invalid', `${what} is longer than ${max} characters.`);
  return text;
}

export function oneOf<T extends string>(value: unknown, values: readonly T[], what: string): T {
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T;
  throw new MutationError('invalid', `${what} must be one of ${values.join(', ')}.`);
}

export function score(value: unknown, what: string): number | null {
  if (value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= SCORE_MIN && value <= SCORE_MAX) return value;
  throw new MutationError('invalid', `${what} must be a whole number from ${SCORE_MIN} to ${SCORE_MAX}.`);
}

export function dueDate(value: unknown): string | null {
  if (value === null || value === '') return null;
  if (isCalendarDate(value)) return value;
  throw new MutationError('invalid', 'Due date must be a real date written YYYY-MM-DD.');
}

/** Tags are compared case-insensitively, so they are stored lowercased with single spaces. */
export function normalizeTag(value: unknown): string {
  if (typeof value !== 'string') throw new MutationError('invalid', 'A tag must be text.');
  const tag = value.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ').replace(/^#/, '');
  if (tag === '') throw new MutationError('invalid', 'A tag cannot be empty.');
  if (tag.length > LIMITS.tag) throw new MutationError('invalid', `A tag is at most ${LIMITS.tag} characters.`);
  if (/[,\u0000-\u001F]/.test(tag)) throw new MutationError('invalid', 'A tag cannot contain commas or control characters.');
  return tag;
}

export function httpUrl(value: unknown, what: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || value.length > LIMITS.url) throw new MutationError('invalid', `${what} must be a web address.`);
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // fall through to the error below
  }
  throw new MutationError('invalid', `${what} must start with http:// or https://.`);
}

export function ids(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || value.some((id) => typeof id !== 'string' || id === '')) {
    throw new MutationError('invalid', `${what} must be a list of ids.`);
  }
  return [...new Set(value as string[])];
}
