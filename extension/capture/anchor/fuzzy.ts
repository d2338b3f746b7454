/**
 * @module The last resort of re-anchoring: a quote the page no longer holds word for word (the
 * reviewer fixed a typo, the site changed a character) found by approximate matching. Candidates
 * come from short exact seeds of the quote and from its context; each is scored by edit distance
 * (short quotes) or by how many of its chunks reappear in order (long ones). Below FUZZY_FLOOR a
 * match is no match: a page that merely shares some words with the quote gives nothing.
 */
import type { TextQuoteSelector } from '../../../shared/schema/records';

/** Share of the quote that must survive: at 0.75, "nine days" → "ten days" in a sentence matches, another review does not. */
export const FUZZY_FLOOR = 0.75;
/** Shorter quotes are not matched approximately: a few characters match too many places. */
const MIN_LENGTH = 16;
/** Quotes up to this length are scored by edit distance; longer ones by their chunks. */
const EDIT_DISTANCE_MAX = 400;
const CHUNK = 40;
const MAX_CANDIDATES = 8;
const MAX_SEED_HITS = 40;

export interface FuzzyMatch {
  start: number;
  end: number;
  /** 1 = the same text; FUZZY_FLOOR at worst. */
  score: number;
}

export function fuzzyFind(text: string, quote: TextQuoteSelector, hint?: number): FuzzyMatch | null {
  const exact = quote.exact;
  const m = exact.length;
  if (m < MIN_LENGTH || text.length === 0) return null;
  const lower = text.toLowerCase();
  const needle = exact.toLowerCase();
  let best: FuzzyMatch | null = null;
  for (const start of candidates(lower, needle, quote, hint)) {
    const match = m <= EDIT_DISTANCE_MAX ? byEditDistance(lower, needle, start) : byChunks(lower, needle, start);
    if (match && (!best || match.score > best.score)) best = match;
  }
  return best && best.score >= FUZZY_FLOOR ? best : null;
}

/** Likely start offsets, most voted first: seeds of the quote found exactly, its context, the stored position. */
function candidates(text: string, needle: string, quote: TextQuoteSelector, hint?: number): number[] {
  const m = needle.length;
  const votes = new Map<number, number>();
  const vote = (start: number, weight: number) => {
    const bucket = Math.round(start / 8) * 8; // nearby starts are one candidate: the window has slack
    votes.set(bucket, (votes.get(bucket) ?? 0) + weight);
  };
  const seedLength = Math.max(6, Math.min(16, Math.floor(m / 6)));
  const seeds = Math.min(8, Math.floor(m / seedLength));
  for (let i = 0; i < seeds; i++) {
    const offset = Math.floor((i * (m - seedLength)) / Math.max(1, seeds - 1));
    const seed = needle.slice(offset, offset + seedLength);
    let hits = 0;
    for (let at = text.indexOf(seed); at !== -1 && hits < MAX_SEED_HITS; at = text.indexOf(seed, at + 1), hits++) vote(at - offset, 1);
  }
  const prefix = quote.prefix.toLowerCase().slice(-16);
  if (prefix.length >= 8) for (let at = text.indexOf(prefix), n = 0; at !== -1 && n < MAX_SEED_HITS; at = text.indexOf(prefix, at + 1), n++) vote(at + prefix.length, 2);
  const suffix = quote.suffix.toLowerCase().slice(0, 16);
  if (suffix.length >= 8) for (let at = text.indexOf(suffix), n = 0; at !== -1 && n < MAX_SEED_HITS; at = text.indexOf(suffix, at + 1), n++) vote(at - m, 2);
  if (hint !== undefined && Number.isInteger(hint)) vote(hint, 1);
  return [...votes]
    .sort((a, b) => b[1] - a[1] || (hint === undefined ? a[0] - b[0] : Math.abs(a[0] - hint) - Math.abs(b[0] - hint)))
    .slice(0, MAX_CANDIDATES)
    .map(([start]) => start);
}

/**
 * The substring of the window around `start` closest to `needle` by edit distance (semi-global:
 * the match may begin and end anywhere in the window), two rows at a time.
 */
function byEditDistance(text: string, needle: string, start: number): FuzzyMatch | null {
  const m = needle.length;
  const slack = Math.ceil(m * (1 - FUZZY_FLOOR)) + 8;
  const from = Math.max(0, start - slack);
  const to = Math.min(text.length, start + m + slack);
  const width = to - from;
  if (width <= 0) return null;
  let prev = new Int32Array(width + 1); // cost of needle[0, i) ending at window j
  let prevStart = new Int32Array(width + 1);
  let cur = new Int32Array(width + 1);
  let curStart = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) { prev[j] = 0; prevStart[j] = j; }
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    curStart[0] = 0;
    const c = needle.charCodeAt(i - 1);
    for (let j = 1; j <= width; j++) {
      const diagonal = prev[j - 1]! + (text.charCodeAt(from + j - 1) === c ? 0 : 1);
      const up = prev[j]! + 1;
      const left = cur[j - 1]! + 1;
      if (diagonal <= up && diagonal <= left) { cur[j] = diagonal; curStart[j] = prevStart[j - 1]!; }
      else if (up <= left) { cur[j] = up; curStart[j] = prevStart[j]!; }
      else { cur[j] = left; curStart[j] = curStart[j - 1]!; }
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  let bestJ = 1;
  // On equal cost the longer match wins: a changed last character is part of the quote, not cut from it.
  for (let j = 1; j <= width; j++) if (prev[j]! <= prev[bestJ]!) bestJ = j;
  const matchStart = from + prevStart[bestJ]!;
  const matchEnd = from + bestJ;
  if (matchEnd <= matchStart) return null;
  return { start: matchStart, end: matchEnd, score: Math.max(0, 1 - prev[bestJ]! / m) };
}

/** For long quotes: the share of its 40-character chunks found, in order, in the window around `start`. */
function byChunks(text: string, needle: string, start: number): FuzzyMatch | null {
  const m = needle.length;
  const slack = Math.ceil(m * (1 - FUZZY_FLOOR)) + 8;
  const from = Math.max(0, start - slack);
  const to = Math.min(text.length, start + m + slack);
  let at = from;
  let found = 0;
  let first = -1;
  let last = -1;
  for (let offset = 0; offset < m; offset += CHUNK) {
    const chunk = needle.slice(offset, offset + CHUNK);
    const hit = text.indexOf(chunk, at);
    if (hit === -1 || hit + chunk.length > to) continue;
    if (first < 0) first = hit - offset;
    last = hit + chunk.length + (m - offset - chunk.length);
    found += chunk.length;
    at = hit + chunk.length;
  }
  if (found === 0) return null;
  const s = Math.max(0, first);
  const e = Math.min(text.length, Math.max(s + 1, last));
  return { start: s, end: e, score: found / m };
}
