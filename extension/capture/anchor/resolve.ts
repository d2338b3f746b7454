/** @module Finds a stored anchor again in a page that may have changed since the capture. */
import { LIMITS } from '../../../shared/schema/constants';
import type { CaptureAnchor, RangeSelector } from '../../../shared/schema/records';
import { resolveElementPath } from './element-path';
import { findQuote } from './quote-search';
import { buildTextMap, elementTextStart, rangeFromOffsets, type TextMap } from './text-map';

/**
 * The Range the anchor points at in `root`, or null when its quote is gone. Selectors are tried
 * from most to least precise, and the two structural ones only count when the text they point
 * at still reads `quote.exact`: a page that changed above the quote shifts them silently.
 * One walk of the root serves every step.
 */
export function anchorToRange(anchor: CaptureAnchor, root: Element): Range | null {
  const quote = anchor?.quote;
  if (!quote || typeof quote.exact !== 'string' || quote.exact === '') return null;
  const map = buildTextMap(root);

  const fromRange = anchor.range ? rangeOffsets(map, anchor.range, root) : null;
  if (fromRange && quotedAt(map.text, fromRange[0], fromRange[1], quote.exact)) return rangeFromOffsets(map, ...fromRange);

  const position = anchor.position;
  if (position && quotedAt(map.text, position.start, position.end, quote.exact)) {
    return rangeFromOffsets(map, position.start, position.end);
  }

  const hint = position && Number.isInteger(position.start) ? position.start : undefined;
  const found = findQuote(map.text, { exact: quote.exact, prefix: text(quote.prefix), suffix: text(quote.suffix) }, hint);
  return found ? rangeFromOffsets(map, ...found) : null;
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
 */
function quotedAt(text: string, start: number, end: number, exact: string): boolean {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || start >= end) return false;
  if (end - start === exact.length) return text.startsWith(exact, start);
  return exact.length === LIMITS.captureText && end - start > exact.length && text.startsWith(exact, start);
}

/** Stored anchors come from other peers: anything but a string counts as no context. */
function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
