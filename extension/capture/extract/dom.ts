/** @module Bounded DOM helpers: every walk here has a hard limit, so a hostile page cannot make capture slow. */

/** Elements whose text is never page text: a `<script>` inside a review must not leak into matching. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'SVG']);
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** How far up from the selection any extractor looks for its item; deeper nesting is treated as "no item". */
export const MAX_ANCESTORS = 80;

/** Visible-ish text of `root`, whitespace collapsed, cut at `max` characters without reading the rest. */
export function boundedText(root: Node | null | undefined, max = 2_000): string {
  if (!root) return '';
  if (root.nodeType === TEXT_NODE) return collapse((root.nodeValue ?? '').slice(0, max * 2)).slice(0, max);
  let out = '';
  let node: Node | null = root.firstChild;
  for (let steps = 0; node && out.length < max * 2 && steps < 50_000; steps++) {
    // Only as much of a giant text node as could still be kept: the rest is never copied.
    if (node.nodeType === TEXT_NODE) out += (node.nodeValue ?? '').slice(0, max * 2);
    const skip = node.nodeType === ELEMENT_NODE && SKIPPED.has((node as Element).tagName.toUpperCase());
    node = skip ? after(node, root) : (node.firstChild ?? after(node, root));
  }
  return collapse(out).slice(0, max);
}

/** The next node in document order that is not inside `node`, or null once `root` is left. */
function after(node: Node, root: Node): Node | null {
  let cur: Node | null = node;
  while (cur && cur !== root && !cur.nextSibling) cur = cur.parentNode;
  return !cur || cur === root ? null : cur.nextSibling;
}

/** Whitespace runs to one space; invisible direction marks and zero-width characters (Apple titles carry them) dropped. */
export function collapse(text: string): string {
  return text.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

/** Element and its ancestors, nearest first, at most MAX_ANCESTORS of them. */
export function* ancestors(start: Element | null): Generator<Element> {
  let el = start;
  for (let i = 0; el && i < MAX_ANCESTORS; i++) {
    yield el;
    el = el.parentElement;
  }
}

/** Nearest ancestor (or self) matching `selector`, within the bounded walk. Bad selectors match nothing. */
export function closest(start: Element | null, selector: string): Element | null {
  for (const el of ancestors(start)) if (safeMatches(el, selector)) return el;
  return null;
}

export function safeMatches(el: Element, selector: string): boolean {
  try {
    return el.matches(selector);
  } catch {
    return false;
  }
}

/**
 * First element under `item` matching `selector` that belongs to `item` itself and not to a nested item
 * (a reply inside a comment has its own author and time, which must not be read as the parent's).
 */
export function own(item: Element, selector: string, itemSelector?: string): Element | null {
  let list: Element[];
  try {
    list = Array.from(item.querySelectorAll(selector)).slice(0, 200);
  } catch {
    return null;
  }
  if (!itemSelector) return list[0] ?? null;
  return list.find((el) => closestOuter(el, itemSelector, item) === item) ?? null;
}

/** `own` for each selector in turn: the first selector that finds anything wins, whatever the document order. */
export function ownFirst(item: Element, selectors: readonly string[], itemSelector?: string): Element | null {
  for (const selector of selectors) {
    const found = own(item, selector, itemSelector);
    if (found) return found;
  }
  return null;
}

/** Nearest ancestor of `el` (excluding `el`) matching `selector`, stopping once `limit` is reached. */
function closestOuter(el: Element, selector: string, limit: Element): Element | null {
  for (let cur = el.parentElement, i = 0; cur && i < 400; cur = cur.parentElement, i++) {
    if (cur === limit || safeMatches(cur, selector)) return cur;
  }
  return null;
}

export function attr(el: Element | null | undefined, name: string): string | null {
  const value = el?.getAttribute(name);
  return value && value.trim() ? value.trim() : null;
}

export function textOf(el: Element | null | undefined, max = 200): string | null {
  const text = el ? boundedText(el, max) : '';
  return text ? text : null;
}

/** Absolute http(s) URL for `href` against `base`, or null for javascript:, data:, garbage. */
export function resolveUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href.trim(), base);
  } catch {
    try {
      url = new URL(href.trim()); // an absolute link needs no base, even when the base is unusable
    } catch {
      return null;
    }
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/**
 * Where to look for the item holding a selection: the common ancestor of the selected TEXT. A
 * triple click on the last paragraph of a review ends the range at offset 0 of the next block,
 * outside the review; that end holds no text, so the range is read as ending at the text before
 * it. A selection that really spans two items still belongs to neither.
 */
export function selectionElement(range: Range | null): Element | null {
  if (!range) return null;
  let node: Node = range.commonAncestorContainer;
  if (range.endOffset === 0 && range.endContainer !== range.startContainer && !range.collapsed) {
    const doc = range.startContainer.ownerDocument;
    const walker = doc?.createTreeWalker(range.commonAncestorContainer, 4 /* NodeFilter.SHOW_TEXT */);
    if (walker) {
      walker.currentNode = range.endContainer;
      // Skip the blank text between blocks (bounded: a page could hold thousands of them).
      let lastText = walker.previousNode();
      for (let steps = 0; lastText && !/\S/.test(lastText.nodeValue ?? '') && steps < 1_000; steps++) lastText = walker.previousNode();
      if (lastText && range.isPointInRange(lastText, 0)) {
        const tight = range.cloneRange();
        tight.setEnd(lastText, lastText.nodeValue?.length ?? 0);
        node = tight.commonAncestorContainer;
      }
    }
  }
  return node.nodeType === ELEMENT_NODE ? (node as Element) : node.parentElement;
}

/** The selected text, read from the range's own text nodes (bounded), for matching against structured data. */
export function rangeText(range: Range | null, max = 500): string {
  if (!range) return '';
  const { startContainer: start, endContainer: end, startOffset, endOffset } = range;
  if (start === end && start.nodeType === TEXT_NODE) {
    return collapse((start.nodeValue ?? '').slice(startOffset, endOffset)).slice(0, max);
  }
  const root = range.commonAncestorContainer;
  // Where to stop: the end text node, or the first node past the end boundary of an element container.
  const stop = end.nodeType === TEXT_NODE ? end : (end.childNodes[endOffset] ?? after(end, root));
  let node: Node | null = start.nodeType === TEXT_NODE ? start : (start.childNodes[startOffset] ?? after(start, root));
  let out = '';
  for (let steps = 0; node && node !== stop && out.length < max * 2 && steps < 20_000; steps++) {
    if (node.nodeType === TEXT_NODE) out += (node.nodeValue ?? '').slice(node === start ? startOffset : 0, max * 2);
    const skip = node.nodeType === ELEMENT_NODE && SKIPPED.has((node as Element).tagName.toUpperCase());
    node = skip ? after(node, root) : (node.firstChild ?? after(node, root));
  }
  if (node === stop && stop?.nodeType === TEXT_NODE) out += (stop.nodeValue ?? '').slice(0, endOffset);
  return collapse(out).slice(0, max);
}
