/** @module YouTube comments: ytd-comment-view-model (and the older ytd-comment-renderer), #author-text, lc= links. */
import { attr, closest, own, resolveUrl, textOf } from '../dom';
import type { SiteAdapter } from './types';

const ITEM = 'ytd-comment-view-model, ytd-comment-renderer';

export const youtube: SiteAdapter = {
  name: 'youtube',
  channel: 'social',
  hosts: /(^|\.)youtube\.com$/,
  findItem: (start) => closest(start, ITEM),
  read(item, base) {
    const author = own(item, '#author-text, a[href^="/@"]', ITEM);
    // The published-time link is the comment's permalink (watch?v=...&lc=<comment id>).
    const link = own(item, '#published-time-text a, a[href*="lc="]', ITEM);
    return {
      author: textOf(author, 120),
      authorUrl: resolveUrl(attr(author, 'href'), base),
      // YouTube shows only "2 weeks ago"; a guessed date would be wrong, so none is given.
      postedAt: null,
      permalink: resolveUrl(attr(link, 'href'), base),
    };
  },
};
