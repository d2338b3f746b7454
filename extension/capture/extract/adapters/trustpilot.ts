/** @module Trustpilot review cards: data-service-review-* and data-consumer-* attributes, stable across redesigns. */
import { attr, closest, own, ownFirst, resolveUrl, textOf } from '../dom';
import { parseDate, parseRatingText, ratingPair } from '../parse';
import type { SiteAdapter } from './types';

const ITEM = 'article[data-service-review-card-paper], [data-testid="service-review-card-v2"], article[class*="reviewCard"]';

export const trustpilot: SiteAdapter = {
  name: 'trustpilot',
  channel: 'review',
  hosts: /(^|\.)trustpilot\.[a-z.]{2,6}$/,
  findItem: (start) => closest(start, ITEM),
  read(item, base) {
    const stars = own(item, '[data-service-review-rating]');
    const starImage = own(item, 'img[alt*="Rated"], img[alt*="rated"]');
    const rating = ratingPair(attr(stars, 'data-service-review-rating'), 5) ?? parseRatingText(attr(starImage, 'alt'));
    // The company's reply sits inside the card with its own <time>; the review's carries this attribute.
    const time = ownFirst(item, ['time[data-service-review-date-time-ago]', 'time[datetime]']);
    const profile = ownFirst(item, ['a[data-consumer-profile-link]', 'a[href*="/users/"]']);
    return {
      author: textOf(own(item, '[data-consumer-name-typography]') ?? profile, 120),
      authorUrl: resolveUrl(attr(profile, 'href'), base),
      rating: rating?.rating ?? null,
      ratingMax: rating?.ratingMax ?? null,
      postedAt: parseDate(attr(time, 'datetime')),
      permalink: resolveUrl(attr(ownFirst(item, ['a[data-review-title-typography]', 'a[href*="/reviews/"]']), 'href'), base),
    };
  },
};
