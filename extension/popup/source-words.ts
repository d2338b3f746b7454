/** @module Words for what revisiting a capture's page found, and for a rating that rose after the fix. */
import type { RatingRise } from '../../shared/queries/outer-loop';
import type { Capture } from '../../shared/schema/records';
// Not Intl: this also runs in every page's content script (the highlight card), where building a
// formatter would load ICU data on each page load (format.ts says why).
import { dayAndMonth as dayOf } from './format';

const n = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** "Review edited on 3 Dec: rating 2 -> 4", "Review no longer on its page (checked 3 Dec)", … or null when never checked. */
export function sourceCheckWords(capture: { source: Pick<Capture['source'], 'rating'>; sourceCheck: Capture['sourceCheck'] }): string | null {
  const check = capture.sourceCheck;
  if (!check) return null;
  const on = dayOf(check.checkedAt);
  if (check.state === 'found') return `Review still on its page as captured (checked ${on})`;
  if (check.state === 'missing') return `Review no longer on its page (checked ${on})`;
  const parts: string[] = [];
  if (check.rating !== null) parts.push(`rating ${capture.source.rating === null ? '?' : n(capture.source.rating)} -> ${n(check.rating)}`);
  if (check.text !== null) parts.push('text changed');
  return `Review edited on ${on}: ${parts.join(', ')}`;
}

/** "Priya Raman raised their rating 2 -> 4 after this was done (noticed 3 Dec)". */
export function riseWords(rise: RatingRise): string {
  const who = rise.author ?? 'The reviewer';
  const scale = rise.ratingMax ? ` of ${n(rise.ratingMax)}` : '';
  return `${who} raised their rating ${n(rise.from)} -> ${n(rise.to)}${scale} after this was done (noticed ${dayOf(rise.noticedAt)})`;
}
