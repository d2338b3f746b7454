/** @module Finds a text quote in a root's text: exact search, then ignoring whitespace, prefix/suffix breaking ties. */
import type { TextQuoteSelector } from '../../../shared/schema/records';
import { isSpace } from './text-map';

/**
 * Candidates examined per search. Pathological text ("aaaa…" and a long quote of "a"s) would make
 * a search over every overlapping occurrence quadratic; a page with more repeats than this is not
 * one where a context of 32 characters could tell them apart anyway.
 */
const MAX_CANDIDATES = 1000;

/**
 * Where `quote.exact` best fits in `text`, as [start, end), or null when it does not occur.
 * `hint` (the stored position) breaks ties between equally good contexts: nearest wins.
 */
export function findQuote(text: string, quote: TextQuoteSelector, hint?: number): [number, number] | null {
  const exact = findIn(text, quote.exact, quote.prefix, quote.suffix, hint);
  if (exact !== null) return [exact, exact + quote.exact.length];
  return findIgnoringSpace(text, quote, hint);
}

/**
 * The same search with every whitespace character removed on both sides, so a quote still
 * matches after a page re-wraps it, splits it across blocks or adds a space; the match is
 * mapped back to offsets in the real text.
 */
function findIgnoringSpace(text: string, quote: TextQuoteSelector, hint?: number): [number, number] | null {
  const needle = strip(quote.exact);
  if (needle === '') return null;
  const kept: number[] = []; // kept[i] = offset in `text` of the i-th non-space character
  const parts: string[] = [];
  let runStart = -1;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && !isSpace(text.charCodeAt(i))) {
      if (runStart < 0) runStart = i;
      kept.push(i);
    } else if (runStart >= 0) {
      parts.push(text.slice(runStart, i));
      runStart = -1;
    }
  }
  const haystack = parts.join('');
  const strippedHint = hint === undefined ? undefined : lowerBound(kept, hint);
  const at = findIn(haystack, needle, strip(quote.prefix), strip(quote.suffix), strippedHint);
  if (at === null) return null;
  return [kept[at]!, kept[at + needle.length - 1]! + 1];
}

/** Best-scoring occurrence: longest agreement of the text before it with `prefix` plus after it with `suffix`. */
function findIn(text: string, exact: string, prefix: string, suffix: string, hint?: number): number | null {
  if (exact === '') return null;
  let best: number | null = null;
  let bestScore = -1;
  let seen = 0;
  for (let at = text.indexOf(exact); at !== -1 && seen < MAX_CANDIDATES; at = text.indexOf(exact, at + 1), seen++) {
    const score = commonTail(text, at, prefix) + commonHead(text, at + exact.length, suffix);
    const closer = best !== null && hint !== undefined && Math.abs(at - hint) < Math.abs(best - hint);
    if (score > bestScore || (score === bestScore && closer)) {
      best = at;
      bestScore = score;
    }
  }
  return best;
}

/** Characters that `text` just before `end` shares with the end of `prefix`. */
function commonTail(text: string, end: number, prefix: string): number {
  let n = 0;
  while (n < prefix.length && n < end && text.charCodeAt(end - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)) n++;
  return n;
}

/** Characters that `text` from `start` shares with the start of `suffix`. */
function commonHead(text: string, start: number, suffix: string): number {
  let n = 0;
  while (n < suffix.length && start + n < text.length && text.charCodeAt(start + n) === suffix.charCodeAt(n)) n++;
  return n;
}

function strip(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) if (!isSpace(value.charCodeAt(i))) out += value[i];
  return out;
}

/** Index of the first entry of sorted `values` that is >= `target`. */
function lowerBound(values: number[], target: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (values[mid]! >= target) hi = mid; else lo = mid + 1; }
  return lo;
}
