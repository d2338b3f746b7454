/** @module Hacker News: comment rows (tr.athing.comtr), the story (table.fatitem), hnuser, span.age[title]. */
import { attr, closest, own, resolveUrl, textOf } from '../dom';
import { parseDate } from '../parse';
import type { SiteAdapter } from './types';

export const hackerNews: SiteAdapter = {
  name: 'hacker-news',
  channel: 'forum',
  hosts: /^news\.ycombinator\.com$/,
  findItem: (start) => closest(start, 'tr.athing.comtr') ?? closest(start, 'table.fatitem') ?? closest(start, 'tr.athing'),
  read(item, base) {
    // On a list page a story's byline is in the next row, not in the story's own row.
    const next = item.matches('tr.athing:not(.comtr)') ? item.nextElementSibling : null;
    const find = (selector: string) => own(item, selector) ?? (next && own(next, selector));
    const user = find('a.hnuser');
    // title="2024-01-15T10:30:00" (newer pages append " <unix seconds>"): UTC without a zone mark.
    const age = find('span.age[title]');
    const link = find('span.age a[href*="item?id="]');
    const id = /^\d+$/.test(item.id) ? item.id : null;
    return {
      author: textOf(user, 60),
      authorUrl: resolveUrl(attr(user, 'href'), base),
      postedAt: parseDate(attr(age, 'title')),
      permalink: resolveUrl(attr(link, 'href') ?? (id && `item?id=${id}`), base),
    };
  },
};
