/** @module DOM helpers for the anchor tests: build a page, select a phrase the way a person would. */

/** Replaces the document body with `html` and returns it. */
export function page(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

/**
 * A Range over the `nth` (0-based) occurrence of `phrase` inside a single text node under `root`,
 * as a drag selection produces it: boundaries inside text nodes.
 */
export function select(phrase: string, nth = 0, root: Node = document.body): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    for (let at = node.data.indexOf(phrase); at !== -1; at = node.data.indexOf(phrase, at + 1)) {
      if (seen++ === nth) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + phrase.length);
        return range;
      }
    }
  }
  throw new Error(`"${phrase}" #${nth} is not in the page`);
}

/** A Range from the start of `from`'s text to the end of `to`'s text (their first/last text nodes). */
export function spanning(from: Element, to: Element): Range {
  const first = textNodes(from)[0]!;
  const last = textNodes(to).at(-1)!;
  const range = document.createRange();
  range.setStart(first, 0);
  range.setEnd(last, last.data.length);
  return range;
}

export function textNodes(root: Node): Text[] {
  const out: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) out.push(node as Text);
  return out;
}

/** The element that holds a range's start, for asserting which occurrence was found. */
export function startElement(range: Range): Element | null {
  const node = range.startContainer;
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}
