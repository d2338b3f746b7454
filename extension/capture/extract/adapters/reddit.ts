/** @module Reddit: shreddit-post/shreddit-comment attributes (new Reddit) and .thing data-* attributes (old Reddit). */
import { attr, closest, own, resolveUrl } from '../dom';
import { parseDate } from '../parse';
import type { ItemFields } from '../types';
import type { SiteAdapter } from './types';

const ITEM = 'shreddit-comment, shreddit-post, .thing.comment, .thing.link';

export const reddit: SiteAdapter = {
  name: 'reddit',
  channel: 'social',
  hosts: /(^|\.)reddit\.com$/,
  findItem: (start) => closest(start, ITEM),
  read(item, base): ItemFields {
    const tag = item.tagName.toLowerCase();
    // Reddit's own components read these attributes, so they outlive every restyle.
    const author = tag.startsWith('shreddit-') ? attr(item, 'author') : attr(item, 'data-author');
    const permalink = attr(item, 'permalink') ?? attr(item, 'data-permalink');
    // Replies are nested inside their parent comment: only this item's own <time> counts.
    const time = own(item, 'faceplate-timeago[ts], time[datetime]', ITEM);
    const stamp = attr(item, 'created-timestamp') ?? attr(item, 'created') ?? attr(time, 'ts') ?? attr(time, 'datetime');
    const known = author && !/^\[deleted\]$|^\[removed\]$/.test(author) ? author : null;
    return {
      author: known,
      authorUrl: known ? resolveUrl(`/user/${encodeURIComponent(known)}/`, base) : null,
      postedAt: parseDate(stamp) ?? parseDate(attr(own(item, 'time[datetime]', ITEM), 'datetime')),
      permalink: resolveUrl(permalink, base),
    };
  },
};
