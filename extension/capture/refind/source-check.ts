/**
 * @module Did the review change? Once a page with captures has settled, each capture is judged:
 * `found` (the quote is there and its rating is the same), `changed` (found only approximately,
 * found with another rating, or the same review — by its permalink, or its author and date —
 * reads differently now), `missing` (gone, on a page that shows it would be there), or nothing
 * at all. Crying wolf is worse than silence: a page still loading or changing, a login wall, a
 * list that loads more or continues on another page is never called `missing`.
 */
import { redactText } from '../../../shared/redact/detect';
import type { PageCapture } from '../../messaging/protocol';
import { pageKey } from '../../../shared/util/page-keys';
import type { Anchored } from '../anchor';
import { boundedText, collapse } from '../extract/dom';
import { extractContext, itemElementOf } from '../extract';
import { isLocalHost } from '../extract/adapters/registry';
import { LIMITS } from '../../../shared/schema/constants';

export type SourceVerdict =
  | { state: 'found' }
  | { state: 'changed'; text?: string; rating?: number }
  | { state: 'missing' };

export interface CheckInput {
  capture: PageCapture;
  anchored: Anchored | null;
  /** The page stopped changing before the refind window closed. */
  quiet: boolean;
  doc: Document;
  /** Where the page was loaded from (extraction resolves local stand-ins from it). */
  pageUrl: string;
  /** The page's text as the anchors read it. */
  pageText: string;
}

const LOGIN = /\b(?:log|sign)\s?in\b.{0,40}\b(?:to\s+(?:see|read|continue|view)|required)|\bplease\s+(?:log|sign)\s?in\b/i;
const MORE = /^\s*(?:(?:load|show|see|view)\s+(?:more|older)(?:\s+(?:reviews|comments|posts|replies))?|next(?:\s+page)?|older\s+(?:posts|reviews)|more\s+(?:reviews|comments))\s*[›»>→]?\s*$/i;

/** The verdict for one capture, or null when the page says nothing conclusive about it. */
export function classifySource(input: CheckInput): SourceVerdict | null {
  const { capture, anchored, doc } = input;
  if (!input.quiet || doc.readyState !== 'complete') return null;
  if (anchored) return verdict(capture, anchored.method === 'fuzzy' ? anchored.text : null, ratingAt(capture, doc, anchored.range, input.pageUrl));
  const same = sameReview(input);
  if (same) {
    const range = doc.createRange();
    range.selectNodeContents(same);
    return verdict(capture, reviewTextOf(same), ratingAt(capture, doc, range, input.pageUrl));
  }
  if (loginWall(doc) || doc.body === null || input.pageText.length < 200) return null;
  const onPermalink = capture.source.permalink !== null && pageKeysOf(doc, input.pageUrl).includes(pageKey(capture.source.permalink));
  if (onPermalink || contextStillThere(capture, input.pageText)) return { state: 'missing' };
  if (continues(doc)) return null; // the review may have moved on to the next page, or be further down the list
  return itemsOnPage(doc, input.pageUrl) > 0 ? { state: 'missing' } : null;
}

function verdict(capture: PageCapture, newText: string | null, rating: number | null): SourceVerdict {
  const ratingChanged = capture.source.rating !== null && rating !== null && rating !== capture.source.rating;
  const textChanged = newText !== null && collapse(newText) !== collapse(capture.text);
  if (!ratingChanged && !textChanged) return { state: 'found' };
  return {
    state: 'changed',
    // What it reads now leaves the page only redacted, like any capture.
    ...(textChanged ? { text: redactText(newText!).slice(0, LIMITS.captureText) } : {}),
    ...(ratingChanged ? { rating: rating! } : {}),
  };
}

/** The review's rating now, read only when the capture has one to compare it with (extraction reads the whole page's markup). */
function ratingAt(capture: PageCapture, doc: Document, range: Range, pageUrl: string): number | null {
  if (capture.source.rating === null) return null;
  try {
    return extractContext(doc, range, pageUrl).source.rating;
  } catch {
    return null;
  }
}

/** The same review located another way: a link to its permalink, or its author and date through the site's markup. */
function sameReview({ capture, doc, pageUrl }: CheckInput): Element | null {
  const { permalink, author, postedAt } = capture.source;
  if (permalink) {
    const wanted = pageKey(permalink);
    for (const a of Array.from(doc.querySelectorAll('a[href]')).slice(0, 3_000)) {
      let key: string;
      try {
        key = pageKey(new URL(a.getAttribute('href') ?? '', doc.baseURI).href);
      } catch {
        continue;
      }
      if (key === wanted) return itemElementOf(a, pageUrlFor(doc, pageUrl));
    }
  }
  if (!author || !postedAt || !doc.body) return null;
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  const seen = new Set<Element>();
  for (let node = walker.nextNode(), steps = 0; node && steps < 50_000; node = walker.nextNode(), steps++) {
    if (!(node.nodeValue ?? '').includes(author)) continue;
    const item = itemElementOf(node.parentElement, pageUrlFor(doc, pageUrl));
    if (!item || seen.has(item)) continue;
    seen.add(item);
    const range = doc.createRange();
    range.selectNodeContents(item);
    const source = extractContext(doc, range, pageUrl).source;
    if (source.author === author && source.postedAt?.slice(0, 10) === postedAt.slice(0, 10)) return item;
  }
  return null;
}

/** A local page stands in for its canonical address when choosing the site adapter, as extraction does. */
function pageUrlFor(doc: Document, pageUrl: string): string {
  const canonical = doc.querySelector('link[rel~="canonical"]')?.getAttribute('href');
  if (!canonical) return pageUrl;
  try {
    if (isLocalHost(new URL(pageUrl).hostname)) return new URL(canonical, pageUrl).href;
  } catch {
    // fall back to the page's own address
  }
  return pageUrl;
}

function pageKeysOf(doc: Document, pageUrl: string): string[] {
  return [pageUrl, pageUrlFor(doc, pageUrl)].map(pageKey);
}

const REPLY_MARK = /reply|response|answer|comment/i;

/**
 * The review's own text: its longest paragraph (the body, not the byline or the date), leaving
 * out the business's reply and nested comments that sit inside the same card.
 */
export function reviewTextOf(item: Element): string {
  let best = '';
  for (const el of Array.from(item.querySelectorAll('p, blockquote, [itemprop="reviewBody"], [data-review-text]')).slice(0, 50)) {
    if (insideReply(el, item)) continue;
    const text = boundedText(el, LIMITS.captureText);
    if (text.length > best.length) best = text;
  }
  return best || boundedText(item, LIMITS.captureText);
}

function insideReply(el: Element, item: Element): boolean {
  for (let cur: Element | null = el; cur && cur !== item; cur = cur.parentElement) {
    const marks = [cur.getAttribute('class') ?? '', ...cur.getAttributeNames().filter((n) => n.startsWith('data-'))].join(' ');
    if (REPLY_MARK.test(marks)) return true;
  }
  return false;
}

/** The text right before or after the quote is still on the page: the quote went, its surroundings did not. */
function contextStillThere(capture: PageCapture, pageText: string): boolean {
  const near = (value: string, take: 'end' | 'start') => {
    const trimmed = value.trim();
    return take === 'end' ? trimmed.slice(-24) : trimmed.slice(0, 24);
  };
  const before = near(capture.anchor.quote.prefix, 'end');
  const after = near(capture.anchor.quote.suffix, 'start');
  return (before.length >= 12 && pageText.includes(before)) || (after.length >= 12 && pageText.includes(after));
}

/** A sign-in form or prompt in place of the content. */
function loginWall(doc: Document): boolean {
  if (doc.querySelector('input[type="password"]')) return true;
  return LOGIN.test(boundedText(doc.body, 5_000));
}

/** The list goes on elsewhere: a next page, a "load more" control, a busy region still filling. */
function continues(doc: Document): boolean {
  if (doc.querySelector('link[rel~="next"], a[rel~="next"], [aria-busy="true"]')) return true;
  return Array.from(doc.querySelectorAll('a, button, [role="button"]')).slice(0, 500)
    .some((el) => MORE.test((el.textContent ?? '').slice(0, 60)) || MORE.test(el.getAttribute('aria-label') ?? ''));
}

/** How many reviews or posts the page shows (up to 3): an empty or blocked view shows none. */
function itemsOnPage(doc: Document, pageUrl: string): number {
  const items = new Set<Element>();
  const url = pageUrlFor(doc, pageUrl);
  const walker = doc.createTreeWalker(doc.body!, 4);
  for (let node = walker.nextNode(), steps = 0; node && steps < 5_000 && items.size < 3; node = walker.nextNode(), steps++) {
    if (!/\S/.test(node.nodeValue ?? '')) continue;
    const item = itemElementOf(node.parentElement, url);
    if (item) items.add(item);
  }
  return items.size;
}
