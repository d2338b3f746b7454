/** @module What a read found wrong in the document: records skipped and fields defaulted. */
import type { RecordKind } from '../schema/records';

export type ReadIssueKind = RecordKind | 'activity';

export interface ReadIssue {
  kind: ReadIssueKind;
  id: string;
  /** The offending field, or null when the whole record was unusable. */
  field: string | null;
  /** What was wrong, for logs and diagnostics, e.g. `expected one of new|triaged|archived, got "lost"`. */
  problem: string;
  /** `skipped`: the record is left out of results; `defaulted`: the field was replaced by a safe value. */
  outcome: 'skipped' | 'defaulted';
}

export interface ReadReport {
  issues: ReadIssue[];
}

export function emptyReport(): ReadReport {
  return { issues: [] };
}

/** Short human description of a stored value for an issue line (never the whole value). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  const name = (value as object).constructor?.name;
  return name && name !== 'Object' ? `a ${name}` : 'an object';
}
