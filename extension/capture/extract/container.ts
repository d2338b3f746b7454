/** @module The generic path: find the review/comment/post element around a selection by common markup, read it. */
import { ancestors, attr, resolveUrl, textOf } from './dom';
import { parseDate, parseRatingText, ratingPair } from './parse';
import type { ItemFields } from './types';

/** Class tokens that name one item ("review", "c-comment", "review-card"), not its parts ("comment-body") or lists ("comments"). */
const ITEM_CLASS = /(?:^|[-_])(review|comment|reply|post|answer|testimonial|message|tweet)(?:[-_](?:item|card|container|wrapper|entry|box|block|root|view))?$/;
const ITEM_ID = /^(?:review|comment|post|reply|answer)[-_]?\d/i;

/** True when the element's own markup says it is one review/comment/post. */
export function looksLikeItem(el: Element): boolean {
  const tag = el.tagName.toLowerCase();
  if (tag === 'article') return true;
  const role = el.getAttribute('role');
  if (role === 'article' || role === 'comment') return true;
  if (ITEM_ID.test(el.id)) return true;
  const classes = (el.getAttribute('class') ?? '').toLowerCase().split(/\s+/).slice(0, 30);
  return classes.some((token) => token !== '' && ITEM_CLASS.test(token.split('--')[0] ?? ''));
}

/** Nearest ancestor of the selection that looks like one item; the body and html never count. */
export function findGenericItem(start: Element | null): Element | null {
  for (const el of ancestors(start)) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'body' || tag === 'html') return null;
    if (looksLikeItem(el)) return el;
  }
  return null;
}

/** Elements under `item` matching `selector` that are not inside a nested item (a reply's byline is not the parent's). */
function ownAll(item: Element, selector: string, limit = 50): Element[] {
  let list: Element[];
  try {
    list = Array.from(item.querySelectorAll(selector)).slice(0, 300);
  } catch {
    return [];
  }
  return list.filter((el) => {
    for (let cur = el.parentElement, i = 0; cur && cur !== item && i < 200; cur = cur.parentElement, i++) {
      if (looksLikeItem(cur)) return false;
    }
    return true;
  }).slice(0, limit);
}

const AUTHOR = ['.fn', '[rel~="author"]', '[class*="author-name"]', '[class*="author_name"]', '.author', '.comment-author', '.byline', '.username'];

/** Byline, time, star label and permalink as common blog/forum markup writes them. */
export function readGenericItem(item: Element, base: string): ItemFields {
  let author: Element | null = null;
  for (const selector of AUTHOR) {
    author = ownAll(item, selector, 1)[0] ?? null;
    if (author) break;
  }
  const authorLink = author && author.tagName.toLowerCase() === 'a' ? author : (author?.querySelector('a[href]') ?? null);
  const time = ownAll(item, 'time[datetime]', 1)[0];
  const bookmark = ownAll(item, 'a[rel~="bookmark"]', 1)[0];
  const anchorIds = [item.id, item.parentElement?.id].filter((id): id is string => !!id);
  const selfLink = ownAll(item, 'a[href*="#"]').find((a) => anchorIds.some((id) => attr(a, 'href')?.endsWith(`#${id}`)));
  return {
    author: textOf(author, 120),
    authorUrl: resolveUrl(attr(authorLink, 'href'), base),
    ...ratingOf(item),
    postedAt: parseDate(attr(time, 'datetime')),
    permalink: resolveUrl(attr(bookmark ?? selfLink, 'href'), base),
  };
}

/** A star rating from a labelled element ("4 out of 5 stars") or a data-rating attribute. */
function ratingOf(item: Element): ItemFields {
  for (const el of ownAll(item, '[aria-label], [title], [data-rating]', 60)) {
    const pair = parseRatingText(attr(el, 'aria-label')) ?? parseRatingText(attr(el, 'title')) ?? ratingPair(attr(el, 'data-rating'));
    if (pair) return pair;
  }
  return {};
}
