/**
 * @module Records what a visit of a capture's page found (schema 3): the quote still there, the
 * review changed (its text or its rating), or gone. Written by the browser of whoever visited;
 * each change of what was found is logged, a repeat of the same finding only refreshes its date,
 * and not more than once a week, so visits do not grow the document.
 */
import { LIMITS, SOURCE_CHECK_STATES, type SourceCheckState } from '../schema/constants';
import { cutText } from '../util/text';
import { mutate, requireRecord, MutationError, type MutationContext } from './context';
import { cleanText, oneOf } from './input';

/** A check repeating the stored one refreshes `checkedAt` only when that is older than this. */
export const RECHECK_AFTER_MS = 7 * 24 * 60 * 60 * 1000;

export interface SourceCheckInput {
  state: SourceCheckState;
  /** What the review reads now (only for `changed`). */
  text?: string | null;
  /** Its rating now (only for `changed`). */
  rating?: number | null;
}

/** Returns whether anything was written. */
export function recordSourceCheck(ctx: MutationContext, id: string, input: SourceCheckInput): boolean {
  const state = oneOf(input?.state, SOURCE_CHECK_STATES, 'The source check');
  const changed = state === 'changed';
  const text = changed && input.text != null ? cutText(cleanText(input.text, 'The changed text', Number.MAX_SAFE_INTEGER), LIMITS.captureText) || null : null;
  const rating = changed && input.rating != null ? ratingOf(input.rating) : null;
  if (changed && text === null && rating === null) throw new MutationError('invalid', 'A changed review needs its new text or rating.');
  return mutate(ctx, (tx) => {
    const record = requireRecord(tx.roots.captures, id, 'capture');
    const before = record.get('sourceCheck') as { state?: unknown; text?: unknown; rating?: unknown; checkedAt?: unknown } | undefined;
    const same = before?.state === state && (before.text ?? null) === text && (before.rating ?? null) === rating;
    const age = typeof before?.checkedAt === 'string' ? Date.parse(tx.at) - Date.parse(before.checkedAt) : Infinity;
    if (same && age < RECHECK_AFTER_MS) return false;
    record.set('sourceCheck', { state, checkedAt: tx.at, checkedBy: tx.actor, text, rating });
    if (!same) {
      record.set('updatedAt', tx.at);
      tx.log('capture.source', 'capture', id, { field: 'sourceCheck', from: before?.state ?? null, to: state });
    }
    return true;
  });
}

function ratingOf(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) return value;
  throw new MutationError('invalid', 'A rating must be a number from 0 to 100.');
}
