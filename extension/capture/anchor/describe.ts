/** @module Turns a selected Range into its capture text and its anchor (quote, position and range selectors). */
import { LIMITS } from '../../../shared/schema/constants';
import type { CaptureAnchor, RangeSelector } from '../../../shared/schema/records';
import { elementPath } from './element-path';
import { buildTextMap, elementTextStart, isSkipped, offsetAt, trimSpan, type TextMap } from './text-map';

/**
 * The selected text as the capture stores it: the walker's text between the Range's boundaries,
 * trimmed. It walks the Range's common ancestor rather than the whole page, and gives exactly
 * the characters `describeRange` quotes, because both read the same walker (separators between
 * two characters depend only on what lies between them, and the edges are trimmed).
 */
export function selectionText(range: Range): string {
  const scope = scopeOf(range.commonAncestorContainer);
  if (!scope) return '';
  const map = buildTextMap(scope);
  const [start, end] = trimSpan(map.text, offsetAt(map, range.startContainer, range.startOffset), offsetAt(map, range.endContainer, range.endOffset));
  return map.text.slice(start, end);
}

/**
 * All three selectors for `range`, in the coordinates of `root`'s text (see text-map.ts).
 * Cost is one walk of the root plus O(log n) lookups, so linear in the page's text.
 *
 * `exact` is capped at LIMITS.captureText characters, like the capture text the caller stores,
 * so a 1 MB selection does not put 1 MB into the shared document. The position selector still
 * spans the whole selection; re-anchoring accepts a capped quote as a prefix of that span.
 */
export function describeRange(range: Range, root?: Element): CaptureAnchor {
  const scope = root ?? defaultRoot(range);
  if (!scope) return { quote: { exact: '', prefix: '', suffix: '' }, position: null, range: null };
  const map = buildTextMap(scope);
  const { text } = map;
  const [start, end] = trimSpan(text, offsetAt(map, range.startContainer, range.startOffset), offsetAt(map, range.endContainer, range.endOffset));
  const context = LIMITS.anchorContext;
  return {
    quote: {
      exact: text.slice(start, Math.min(end, start + LIMITS.captureText)),
      prefix: text.slice(Math.max(0, start - context), start),
      suffix: text.slice(end, end + context),
    },
    position: { start, end },
    range: start < end ? rangeSelector(map, start, end, scope) : null,
  };
}

/**
 * Range selector for characters [start, end). The containers are the elements holding the first
 * and last quoted characters, not the Range's own containers: a triple-click ends at
 * (next paragraph, 0), which holds none of the quote. Offsets count from that element's first
 * character in the walker's text, so a page script splitting or merging text nodes leaves them valid.
 */
function rangeSelector(map: TextMap, start: number, end: number, root: Element): RangeSelector | null {
  const startEl = map.nodes[map.nodeOf[start]!]!.parentElement;
  const endEl = map.nodes[map.nodeOf[end - 1]!]!.parentElement;
  if (!startEl || !endEl || !root.contains(startEl) || !root.contains(endEl)) return null;
  return {
    startContainer: elementPath(startEl),
    startOffset: start - elementTextStart(map, startEl),
    endContainer: elementPath(endEl),
    endOffset: end - elementTextStart(map, endEl),
  };
}

/**
 * The document's body, or for a Range it does not contain (one inside a shadow root or a
 * detached tree) the topmost element above the Range, so describing it still works.
 */
function defaultRoot(range: Range): Element | null {
  const node = range.commonAncestorContainer;
  const body = node.ownerDocument?.body ?? null;
  if (body && body.contains(node)) return body;
  let top: Element | null = node.nodeType === 1 ? (node as Element) : node.parentElement;
  while (top?.parentElement) top = top.parentElement;
  return top;
}

/** The element to walk for a selection, or null when the selection sits inside skipped content. */
function scopeOf(node: Node): Node | null {
  if (node.nodeType === 9) return (node as Document).body ?? (node as Document).documentElement;
  const scope: Node | null = node.nodeType === 1 || node.nodeType === 11 ? node : node.parentNode;
  for (let el = node.nodeType === 1 ? (node as Element) : node.parentElement; el; el = el.parentElement) {
    if (isSkipped(el)) return null;
  }
  return scope;
}
