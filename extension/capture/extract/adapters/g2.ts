/** @module G2 review cards: survey-response ids, schema.org microdata inside, star classes counted in half stars. */
import { attr, closest, own, ownFirst, resolveUrl, textOf } from '../dom';
import { parseDate, ratingPair } from '../parse';
import type { SiteAdapter } from './types';

const ITEM = '[id^="survey-response-"], [itemprop="review"][itemscope], [data-testid="review-card"]';

export const g2: SiteAdapter = {
  name: 'g2',
  channel: 'review',
  hosts: /(^|\.)g2\.com$/,
  findItem: (start) => closest(start, ITEM),
  read(item, base) {
    // "stars-8" is eight half stars: 4 of 5. The microdata ratingValue says the same where present.
    const starClass = /(?:^|\s)stars-(\d{1,2})(?:\s|$)/.exec(own(item, '.stars[class*="stars-"]')?.getAttribute('class') ?? '');
    const meta = ratingPair(attr(own(item, '[itemprop="ratingValue"]'), 'content'), attr(own(item, '[itemprop="bestRating"]'), 'content') ?? 5);
    const rating = starClass ? ratingPair(Number(starClass[1]) / 2, 5) : meta;
    const author = own(item, '[itemprop="author"]');
    const authorName = attr(author?.querySelector('meta[itemprop="name"]'), 'content') ?? attr(author, 'content') ?? textOf(author, 120);
    const profile = own(item, 'a[href*="/users/"]');
    const time = ownFirst(item, ['.x-current-review-date time[datetime]', 'time[datetime]']);
    const published = attr(own(item, 'meta[itemprop="datePublished"]'), 'content');
    return {
      author: authorName ?? textOf(profile, 120),
      authorUrl: resolveUrl(attr(profile, 'href'), base),
      rating: rating?.rating ?? null,
      ratingMax: rating?.ratingMax ?? null,
      postedAt: parseDate(attr(time, 'datetime') ?? published),
      permalink: resolveUrl(attr(own(item, 'a[href*="/survey_responses/"]'), 'href'), base),
    };
  },
};
