/** @module Page-wide context: canonical URL, title and site, and the page's own author/date meta tags. */
import { attr, collapse, resolveUrl } from './dom';
import { parseDate } from './parse';
import type { Contribution } from './types';

const META = 'meta[property^="og:"], meta[name^="og:"], meta[name^="twitter:"], meta[property^="twitter:"],'
  + ' meta[property^="article:"], meta[name="author"]';

/** The page's meta tags by key (first one wins), read once and bounded. */
export function readMeta(doc: Document): Map<string, string> {
  const meta = new Map<string, string>();
  for (const el of Array.from(doc.querySelectorAll(META)).slice(0, 300)) {
    const key = (attr(el, 'property') ?? attr(el, 'name'))?.toLowerCase();
    const content = attr(el, 'content');
    if (key && content && !meta.has(key)) meta.set(key, content.slice(0, 2_000));
  }
  return meta;
}

/** The page address without its fragment: the fallback URL, and the base for resolving relative links. */
export function withoutFragment(pageUrl: string): string {
  try {
    const url = new URL(pageUrl);
    url.hash = '';
    return url.href;
  } catch {
    return pageUrl.split('#')[0] ?? pageUrl;
  }
}

/** What relative links on the page resolve against: its <base href>, else its own address. */
export function documentBase(doc: Document, pageUrl: string): string {
  const declared = resolveUrl(attr(doc.querySelector('base[href]'), 'href'), withoutFragment(pageUrl));
  return declared ?? withoutFragment(pageUrl);
}

/** Page-level url and title, strongest first: canonical link, Open Graph, Twitter, then the document itself. */
export function pageContributions(doc: Document, pageUrl: string, meta: Map<string, string>, base: string): Contribution[] {
  const canonical = resolveUrl(attr(doc.querySelector('link[rel~="canonical"]'), 'href'), base);
  return [
    { by: 'link:canonical', fields: { url: canonical ? withoutFragment(canonical) : null } },
    { by: 'meta:og', fields: { url: resolveUrl(meta.get('og:url'), base), title: cleanTitle(meta.get('og:title')) } },
    { by: 'meta:twitter', fields: { title: cleanTitle(meta.get('twitter:title')) } },
    { by: 'page:title', fields: { title: cleanTitle(doc.title) } },
    { by: 'page:url', fields: { url: withoutFragment(pageUrl) } },
  ];
}

/**
 * The page's own author and date, for when the selection is not inside a particular review or comment
 * (a blog post's byline says nothing about who wrote comment 7).
 */
export function pageItemContributions(meta: Map<string, string>, base: string): Contribution[] {
  const articleAuthor = meta.get('article:author') ?? null;
  const authorUrl = resolveUrl(articleAuthor, base);
  return [
    {
      by: 'meta:article',
      fields: {
        postedAt: parseDate(meta.get('article:published_time')),
        author: authorUrl ? null : cleanTitle(articleAuthor, 200),
        authorUrl: articleAuthor && /^https?:/i.test(articleAuthor) ? authorUrl : null,
      },
    },
    { by: 'meta:author', fields: { author: cleanTitle(meta.get('author'), 200) } },
  ];
}

function cleanTitle(value: string | null | undefined, max = 500): string | null {
  const text = value ? collapse(value).slice(0, max) : '';
  return text ? text : null;
}
