/** @module X (Twitter) posts: article[data-testid="tweet"], the User-Name block, time inside the /status/ link. */
import { attr, closest, own, resolveUrl, textOf } from '../dom';
import { parseDate } from '../parse';
import type { SiteAdapter } from './types';

const ITEM = 'article[data-testid="tweet"], article[role="article"][tabindex]';

export const x: SiteAdapter = {
  name: 'x',
  channel: 'social',
  hosts: /(^|\.)(twitter|x)\.com$/,
  findItem: (start) => closest(start, ITEM),
  read(item, base) {
    // The User-Name block holds three links: display name, @handle, and the time. A quoted post comes
    // later in document order with its own block, so the first match is this post's.
    const names = own(item, '[data-testid="User-Name"]');
    const links = names ? Array.from(names.querySelectorAll('a[href]')).slice(0, 4) : [];
    const profile = links.find((a) => /^\/?[A-Za-z0-9_]{1,15}\/?$/.test(attr(a, 'href') ?? '')) ?? null;
    const time = own(item, 'time[datetime]');
    const statusLink = time?.closest('a[href*="/status/"]') ?? own(item, 'a[href*="/status/"]');
    return {
      author: textOf(profile, 120) ?? textOf(names?.querySelector('span'), 120),
      authorUrl: resolveUrl(attr(profile, 'href'), base),
      postedAt: parseDate(attr(time, 'datetime')),
      permalink: resolveUrl(attr(statusLink, 'href')?.replace(/\/(analytics|photo\/\d+)$/, ''), base),
    };
  },
};
