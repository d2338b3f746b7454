/**
 * @module The captures of one page, for re-finding them when someone visits it again, and the
 * index of page keys that tells a content script whether its page has any (see page-keys.ts).
 */
import type { Capture } from '../schema/records';
import { captureKeys, pageKey } from '../util/page-keys';

/** At most this many captures are re-found on one page: more would slow its load for little. */
export const MAX_CAPTURES_PER_PAGE = 200;

/** Page key → number of captures (archived ones excluded: the team set them aside). */
export function pageIndexOf(captures: readonly Capture[]): Map<string, number> {
  const index = new Map<string, number>();
  for (const capture of captures) {
    if (capture.status === 'archived' || !capture.anchor) continue;
    for (const key of captureKeys(capture.source)) index.set(key, (index.get(key) ?? 0) + 1);
  }
  return index;
}

/** The captures whose page or permalink is one of `urls`, oldest first, at most MAX_CAPTURES_PER_PAGE. */
export function capturesOnPage(captures: readonly Capture[], urls: readonly string[]): Capture[] {
  const keys = new Set(urls.filter((u) => typeof u === 'string' && u !== '').slice(0, 10).map(pageKey));
  if (keys.size === 0) return [];
  return captures
    .filter((c) => c.status !== 'archived' && c.anchor !== null && captureKeys(c.source).some((k) => keys.has(k)))
    .sort((a, b) => (a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, MAX_CAPTURES_PER_PAGE);
}
