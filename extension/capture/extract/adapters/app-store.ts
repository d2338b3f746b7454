/** @module Apple App Store reviews: the we-customer-review card (and data-test hooks), "4 out of 5" star labels. */
import { attr, closest, ownFirst, textOf } from '../dom';
import { parseDate, parseRatingText } from '../parse';
import type { SiteAdapter } from './types';

const ITEM = '.we-customer-review, [data-test-customer-review], article[aria-labelledby*="review"]';
const STARS = ['.we-customer-review__rating[aria-label]', 'figure[aria-label]', '[aria-label*="out of"]', '[aria-label*="Star"]'];

export const appStore: SiteAdapter = {
  name: 'app-store',
  channel: 'review',
  hosts: /^(apps|itunes)\.apple\.com$/,
  findItem: (start) => closest(start, ITEM),
  read(item) {
    const rating = parseRatingText(attr(ownFirst(item, STARS), 'aria-label'));
    // The developer response below the review carries a second <time>; the review's comes first.
    const time = ownFirst(item, ['time[data-test-customer-review-date]', 'time.we-customer-review__date', 'time[datetime]']);
    return {
      author: textOf(ownFirst(item, ['.we-customer-review__user', '[data-test-customer-review-name]', '.author']), 120),
      authorUrl: null, // App Store reviewers have no public profile pages
      rating: rating?.rating ?? null,
      ratingMax: rating?.ratingMax ?? null,
      postedAt: parseDate(attr(time, 'datetime')),
      permalink: null, // nor do single reviews have addresses
    };
  },
};
