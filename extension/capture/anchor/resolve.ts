/** @module Finds a stored anchor again in a page that may have changed since the capture. */
import { LIMITS } from '../../../shared/schema/constants';
import type { CaptureAnchor, RangeSelector } from '../../../shared/schema/records';
import { resolveElementPath } from './element-path';
import { fuzzyFind } from './fuzzy';
import { findQuote } from './quote-search';
import { hasLabels, projectPage, readsAs, toPage } from './redacted-text';
import { buildTextMap, elementTextStart, rangeFromOffsets, trimSpan, type TextMap } from './text-map';

/** How the quote was found: the two structural selectors, the exact quote with its context, or approximately. */
export type AnchorMethod = 'range' | 'position' | 'quote' | 'fuzzy';

export interface Anchored {
  range: Range;
  method: AnchorMethod;
  /** 1 for an exact find; the approximate match's score otherwise (never below FUZZY_FLOOR). */
  score: number;
  /** The page's text where the quote now stands (differs from the stored quote after a fuzzy find). */
  text: string;
}

/**
 * The Range the anchor points at in `root`, or null when its quote is gone. Selectors are tried
 * from most to least precise, and the two structural ones only count when the text they point
 * at still reads `quote.exact`: a page that changed above the quote shifts them silently.
 * One walk of the root serves every step.
 */
export function anchorToRange(anchor: CaptureAnchor, root: Element): Range | null {
  return resolveAnchor(anchor, buildTextMap(root), root)?.range ?? null;
}

/** Many anchors against one page, walking it once: what re-finding a page's captures does. */
export function anchorAll(anchors: readonly (CaptureAnchor | null)[], root: Element, options: { fuzzy?: boolean } = {}): (Anchored | null)[] {
  const map = buildTextMap(root);
  return anchors.map((anchor) => (anchor ? resolveAnchor(anchor, map, root, options) : null));
}

/** Range, then position, then the quote with its context, then (unless told not to) an approximate match. */
export function resolveAnchor(anchor: CaptureAnchor, map: TextMap, root: Element, options: { fuzzy?: boolean } = {}): Anchored | null {
  const quote = anchor?.quote;
  if (!quote || typeof quote.exact !== 'string' || quote.exact === '') return null;
  const exact = quote.exact;
  const found = (start: number, end: number, method: AnchorMethod, score = 1): Anchored | null => {
    const range = rangeFromOffsets(map, start, end);
    return range ? { range, method, score, text: map.text.slice(start, end) } : null;
  };

  const fromRange = anchor.range ? rangeOffsets(map, anchor.range, root) : null;
  if (fromRange && quotedAt(map.text, fromRange[0], fromRange[1], exact)) return found(...fromRange, 'range');

  const position = anchor.position;
  if (position && quotedAt(map.text, position.start, position.end, exact)) return found(position.start, position.end, 'position');

  const hint = position && Number.isInteger(position.start) ? position.start : undefined;
  const context = { exact, prefix: text(quote.prefix), suffix: text(quote.suffix) };
  // A redacted quote is looked for in the page's text redacted the same way, then mapped back.
  const labelled = hasLabels(exact);
  const projection = labelled ? projectPage(map, exact) : null;
  const haystack = projection?.text ?? map.text;
  const back = (s: number, e: number): [number, number] => (projection ? toPage(projection, s, e) : [s, e]);

  const hit = findQuote(haystack, context, hint);
  if (hit) return found(...back(...hit), 'quote');
  if (options.fuzzy === false) return null;
  const near = fuzzyFind(haystack, context, hint);
  if (!near) return null;
  const [start, end] = trimSpan(map.text, ...back(near.start, near.end));
  return start < end ? found(start, end, 'fuzzy', Math.round(near.score * 1000) / 1000) : null;
}

/** Character offsets a range selector names in today's page, or null when its elements are gone. */
function rangeOffsets(map: TextMap, selector: RangeSelector, root: Element): [number, number] | null {
  const startEl = resolveElementPath(selector.startContainer, root);
  const endEl = selector.endContainer === selector.startContainer ? startEl : resolveElementPath(selector.endContainer, root);
  if (!startEl || !endEl || !root.contains(startEl) || !root.contains(endEl)) return null;
  return [elementTextStart(map, startEl) + selector.startOffset, elementTextStart(map, endEl) + selector.endOffset];
}

/**
 * Does text[start, end) read `exact`? A quote cut at LIMITS.captureText (see describe.ts) matches
 * when the span is longer and starts with it; the whole span is then returned, not just the cut.
 * A redacted quote matches the span when the span, redacted the same way, reads it.
 */
function quotedAt(text: string, start: number, end: number, exact: string): boolean {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return false;
  if (end - start === exact.length && text.startsWith(exact, start)) return true;
  if (exact.length === LIMITS.captureText && end - start > exact.length && text.startsWith(exact, start)) return true;
  return hasLabels(exact) && end - start <= exact.length * 4 && readsAs(text.slice(start, end), exact);
}

/** Stored anchors come from other peers: anything but a string counts as no context. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
