/** @module Amazon customer reviews: data-hook attributes and the "4.0 out of 5 stars" icon text. */
import { attr, closest, own, ownFirst, resolveUrl, textOf } from '../dom';
import { parseDate, parseRatingText } from '../parse';
import type { SiteAdapter } from './types';

const ITEM = '[data-hook="review"], [id^="customer_review-"]';

export const amazon: SiteAdapter = {
  name: 'amazon',
  channel: 'review',
  hosts: /(^|\.)amazon\.[a-z.]{2,6}$/,
  findItem: (start) => closest(start, ITEM),
  read(item, base) {
    const stars = ownFirst(item, ['[data-hook="review-star-rating"]', '[data-hook="cmps-review-star-rating"]', '.review-rating']);
    const rating = parseRatingText(textOf(stars?.querySelector('.a-icon-alt') ?? stars, 100));
    const profile = ownFirst(item, ['a.a-profile', 'a[href*="/gp/profile/"]']);
    // "Reviewed in the United States on January 10, 2024": the country varies, the date is English prose.
    const date = textOf(own(item, '[data-hook="review-date"]'), 200);
    const title = ownFirst(item, ['a[data-hook="review-title"]', 'a[href*="/customer-reviews/"]']);
    const reviewId = /^(?:customer_review-)?(R[A-Z0-9]{6,})$/.exec(item.id)?.[1] ?? null;
    return {
      author: textOf(own(item, '.a-profile-name'), 120),
      authorUrl: resolveUrl(attr(profile, 'href'), base),
      rating: rating?.rating ?? null,
      ratingMax: rating?.ratingMax ?? null,
      postedAt: parseDate(date),
      permalink: resolveUrl(attr(title, 'href') ?? (reviewId && `/gp/customer-reviews/${reviewId}`), base),
    };
  },
};
