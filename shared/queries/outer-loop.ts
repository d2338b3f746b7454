/**
 * @module The public outer loop closing: a reviewer who raised their rating after the action their
 * review fed was done. Noticed when someone revisits the review (the capture's `sourceCheck`).
 */
import type { Action, Capture } from '../schema/records';

export interface RatingRise {
  captureId: string;
  author: string | null;
  from: number;
  to: number;
  ratingMax: number | null;
  /** When the change was noticed (the rating may have risen a little earlier). */
  noticedAt: string;
}

/** Linked captures whose rating, as last seen on the page, is above the captured one, noticed after `action` was done. */
export function ratingRises(action: Action, captures: readonly Capture[]): RatingRise[] {
  if (action.status !== 'done' || !action.doneAt) return [];
  return captures.flatMap((c) => {
    const check = c.sourceCheck;
    const from = c.source.rating;
    if (!check || check.state !== 'changed' || check.rating === null || from === null) return [];
    if (check.rating <= from || check.checkedAt < action.doneAt!) return [];
    return [{ captureId: c.id, author: c.source.author, from, to: check.rating, ratingMax: c.source.ratingMax, noticedAt: check.checkedAt }];
  });
}
