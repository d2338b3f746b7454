/**
 * @module Field-level validation for values read from the shared document. A peer running an
 * older or broken version may have written anything; these functions never throw at the caller,
 * they fall back and record what they did.
 */
import * as Y from 'yjs';
import { isCalendarDate, isIsoTimestamp } from '../util/dates';
import { cutText } from '../util/text';
import { describeValue, type ReadIssueKind, type ReadReport } from './report';

/** Thrown inside a record reader to drop that record; caught by `readRecord`. */
class SkipRecord extends Error {}

export interface FieldReader {
  /** Raw stored value of a field. */
  raw(field: string): unknown;
  /** A required non-empty string; the record is skipped without one. */
  requiredText(field: string, max: number): string;
  text(field: string, max: number, fallback?: string): string;
  optionalText(field: string, max: number): string | null;
  oneOf<T extends string>(field: string, values: readonly T[], fallback: T): T;
  optionalOneOf<T extends string>(field: string, values: readonly T[]): T | null;
  optionalInt(field: string, min: number, max: number): number | null;
  /** A required ISO timestamp; the record is skipped without one. */
  requiredTimestamp(field: string): string;
  timestamp(field: string, fallback: string): string;
  optionalTimestamp(field: string): string | null;
  optionalCalendarDate(field: string): string | null;
  /** Keys of a nested Y.Map used as a set (concurrent adds are all kept). */
  idSet(field: string, accept: (key: string) => boolean): string[];
  /** Items of a nested Y.Array. */
  list(field: string): unknown[];
  /** A plain JSON object field; an issue is recorded and null returned for anything else. */
  optionalObject(field: string): Record<string, unknown> | null;
  /** Records a defaulted field found by a nested reader. */
  note(field: string, problem: string): void;
}

/** Runs `read` over one stored record; returns null (and reports) when the record is unusable. */
export function readRecord<T>(
  kind: ReadIssueKind,
  id: string,
  stored: unknown,
  report: ReadReport,
  read: (fields: FieldReader) => T,
): T | null {
  if (!(stored instanceof Y.Map)) {
    report.issues.push({ kind, id, field: null, problem: `expected a record map, got ${describeValue(stored)}`, outcome: 'skipped' });
    return null;
  }
  try {
    return read(fieldReader(kind, id, (field) => stored.get(field), report));
  } catch (error) {
    if (!(error instanceof SkipRecord)) throw error;
    report.issues.push({ kind, id, field: null, problem: error.message, outcome: 'skipped' });
    return null;
  }
}

/** A reader over any field source (a Y.Map's get, or a plain object). */
export function fieldReader(kind: ReadIssueKind, id: string, get: (field: string) => unknown, report: ReadReport): FieldReader {
  const note = (field: string, problem: string) =>
    report.issues.push({ kind, id, field, problem, outcome: 'defaulted' });
  const wrong = (field: string, expected: string, value: unknown) =>
    note(field, `expected ${expected}, got ${describeValue(value)}`);

  const text = (field: string, max: number, fallback = ''): string => {
    const value = get(field);
    if (value === undefined) return fallback;
    if (typeof value !== 'string') {
      wrong(field, 'text', value);
      return fallback;
    }
    if (value.length > max) {
      note(field, `longer than ${max} characters; cut`);
      return cutText(value, max);
    }
    return value;
  };

  return {
    raw: get,
    note,
    requiredText(field, max) {
      const value = get(field);
      if (typeof value !== 'string' || value.trim() === '') {
        throw new SkipRecord(`required field "${field}" is ${describeValue(value)}`);
      }
      return cutText(value, max);
    },
    text,
    optionalText(field, max) {
      const value = get(field);
      if (value === undefined || value === null || value === '') return null;
      return text(field, max) || null;
    },
    oneOf(field, values, fallback) {
      const value = get(field);
      if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as never;
      if (value !== undefined) wrong(field, `one of ${values.join('|')}`, value);
      else note(field, `missing; using "${fallback}"`);
      return fallback;
    },
    optionalOneOf(field, values) {
      const value = get(field);
      if (value === undefined || value === null) return null;
      if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as never;
      wrong(field, `one of ${values.join('|')}`, value);
      return null;
    },
    optionalInt(field, min, max) {
      const value = get(field);
      if (value === undefined || value === null) return null;
      if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
      wrong(field, `a whole number ${min}-${max}`, value);
      return null;
    },
    requiredTimestamp(field) {
      const value = get(field);
      if (!isIsoTimestamp(value)) throw new SkipRecord(`required timestamp "${field}" is ${describeValue(value)}`);
      return value;
    },
    timestamp(field, fallback) {
      const value = get(field);
      if (isIsoTimestamp(value)) return value;
      wrong(field, 'an ISO 8601 timestamp', value);
      return fallback;
    },
    optionalTimestamp(field) {
      const value = get(field);
      if (value === undefined || value === null) return null;
      if (isIsoTimestamp(value)) return value;
      wrong(field, 'an ISO 8601 timestamp', value);
      return null;
    },
    optionalCalendarDate(field) {
      const value = get(field);
      if (value === undefined || value === null) return null;
      if (isCalendarDate(value)) return value;
      wrong(field, 'a date YYYY-MM-DD', value);
      return null;
    },
    idSet(field, accept) {
      const value = get(field);
      if (value === undefined) return [];
      if (!(value instanceof Y.Map)) {
        wrong(field, 'a set', value);
        return [];
      }
      const keys: string[] = [];
      for (const key of value.keys()) {
        if (accept(key)) keys.push(key);
        else note(field, `dropped invalid member ${describeValue(key)}`);
      }
      return keys.sort();
    },
    list(field) {
      const value = get(field);
      if (value === undefined) return [];
      if (!(value instanceof Y.Array)) {
        wrong(field, 'a list', value);
        return [];
      }
      return value.toArray();
    },
    optionalObject(field) {
      const value = get(field);
      if (value === undefined || value === null) return null;
      if (typeof value === 'object' && !Array.isArray(value) && !(value instanceof Y.AbstractType)) {
        return value as Record<string, unknown>;
      }
      wrong(field, 'an object', value);
      return null;
    },
  };
}
