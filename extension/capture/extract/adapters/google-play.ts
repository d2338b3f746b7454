/** @module Google Play reviews: header[data-review-id] and the "Rated 4 stars out of five stars" label. */
import { ancestors, attr, closest, own, ownFirst, textOf } from '../dom';
import { parseDate, parseRatingText } from '../parse';
import type { SiteAdapter } from './types';

/** Class names are build output (RHo1pe, EGFGHd) and rotate; the review's header with its id is the anchor. */
const HEADER = 'header[data-review-id]';

function findItem(start: Element): Element | null {
  for (const el of ancestors(start)) {
    if (el.matches(HEADER)) return el.parentElement;
    if (Array.from(el.children).slice(0, 20).some((child) => child.matches(HEADER))) return el;
  }
  return closest(start, '.RHo1pe, .EGFGHd');
}

export const googlePlay: SiteAdapter = {
  name: 'google-play',
  channel: 'review',
  hosts: /^play\.google\.com$/,
  findItem,
  read(item, base) {
    const header = own(item, HEADER);
    const rating = parseRatingText(attr(ownFirst(item, ['[role="img"][aria-label*="star"]', '[aria-label*="Rated"]', '[role="img"][aria-label]']), 'aria-label'));
    // The developer's reply has its own date (.I9Jtec); the review's is in the header.
    const date = textOf(header?.querySelector('.bp9Aid') ?? own(item, '.bp9Aid'), 100);
    const reviewId = attr(header, 'data-review-id');
    return {
      author: textOf(own(item, '.X5PpBb'), 120),
      authorUrl: null, // Play has no public reviewer profiles
      rating: rating?.rating ?? null,
      ratingMax: rating?.ratingMax ?? null,
      postedAt: parseDate(date),
      permalink: reviewId ? withReviewId(base, reviewId) : null,
    };
  },
};

/** Play links a single review as the app page plus `reviewId`. */
function withReviewId(base: string, reviewId: string): string | null {
  try {
    const url = new URL(base);
    url.searchParams.set('reviewId', reviewId);
    return url.href;
  } catch {
    return null;
  }
}
