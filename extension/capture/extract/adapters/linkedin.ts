/** @module LinkedIn feed posts and comments: urn:li:activity / urn:li:comment ids, actor and comment-meta blocks. */
import { attr, closest, own, ownFirst, resolveUrl, textOf } from '../dom';
import type { ItemFields } from '../types';
import type { SiteAdapter } from './types';

const POST = '[data-urn^="urn:li:activity:"], [data-id^="urn:li:activity:"], div.feed-shared-update-v2';
const COMMENT = 'article.comments-comment-entity, article.comments-comment-item, [data-id^="urn:li:comment:"]';
const ITEM = `${COMMENT}, ${POST}`;

export const linkedin: SiteAdapter = {
  name: 'linkedin',
  channel: 'social',
  hosts: /(^|\.)linkedin\.com$/,
  // Comments sit inside their post: the innermost item wins.
  findItem: (start) => closest(start, ITEM),
  read(item, base): ItemFields {
    const isComment = item.matches(COMMENT);
    // Tried in order: the aria-hidden copy of a name comes without the screen-reader duplicate and badges.
    const names = isComment
      ? ['.comments-comment-meta__description-title', '.comments-post-meta__name-text', '.comments-comment-meta__actor']
      : ['.update-components-actor__title span[aria-hidden="true"]', '.update-components-actor__name', '.update-components-actor__title'];
    const links = isComment
      ? ['a.comments-comment-meta__image-link', 'a.comments-comment-meta__description-container', 'a.comments-post-meta__actor-link']
      : ['a.update-components-actor__meta-link', 'a.update-components-actor__image'];
    const urn = attr(item, 'data-id') ?? attr(item, 'data-urn') ?? attr(own(item, '[data-urn]', ITEM), 'data-urn') ?? '';
    const activity = /urn:li:activity:(\d{15,22})/.exec(urn)?.[1] ?? null;
    const comment = /urn:li:comment:\(activity:(\d{15,22}),(\d{15,22})\)/.exec(urn);
    const profile = ownFirst(item, [...links, 'a[href*="/in/"], a[href*="/company/"]'], ITEM);
    const profileUrl = resolveUrl(attr(profile, 'href'), base);
    return {
      author: firstLine(textOf(ownFirst(item, names, ITEM), 200)),
      authorUrl: profileUrl ? profileUrl.split('?')[0] : null, // drop tracking (?miniProfileUrn=...)
      // LinkedIn shows "2d"; the id itself holds the creation time.
      postedAt: timeFromId(comment?.[2] ?? activity),
      permalink: comment
        ? `https://www.linkedin.com/feed/update/urn:li:activity:${comment[1]}/?commentUrn=${encodeURIComponent(urn)}`
        : activity ? `https://www.linkedin.com/feed/update/urn:li:activity:${activity}/` : null,
    };
  },
};

/** Names are followed by "• 3rd+" and duplicated for screen readers; keep the name. */
function firstLine(text: string | null): string | null {
  const name = text?.split(/\s*[•·]\s*|\s{2,}/)[0]?.trim();
  return name ? name : null;
}

/** LinkedIn ids start with 41 bits of milliseconds since 1970. */
export function timeFromId(id: string | null): string | null {
  if (!id) return null;
  const bits = BigInt(id).toString(2);
  const ms = parseInt(bits.slice(0, 41), 2);
  return ms > Date.UTC(2010, 0, 1) && ms < Date.UTC(2100, 0, 1) ? new Date(ms).toISOString() : null;
}
