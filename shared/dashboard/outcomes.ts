/**
 * @module Did the fix work? For a done action, captures on its theme (the tags and the words of its
 * evidence) in a window before its done date and one after: how many, and their mean rating.
 * A capture is on the theme when it shares a tag with the evidence, or reads like it (TF-IDF
 * cosine of at least OUTCOME_SIMILARITY to the evidence, among captures sharing one of its
 * strongest words). The evidence itself counts in the window it falls in.
 */
import type { Idf } from '../queries/similarity';
import type { Action, Capture } from '../schema/records';
import { DAY_MS } from './calendar';
import { termCounts, type CaptureIndex } from './capture-index';
import { fiveStar } from './facts';

/** Days in each window, before and after the done date. */
export const OUTCOME_WINDOW_DAYS = 30;
/** Fewer matching captures than this in both windows together is too little to tell. */
export const OUTCOME_MIN_CAPTURES = 4;
export const OUTCOME_SIMILARITY = 0.3;
/** Candidates are captures sharing one of the evidence's this many strongest words. */
const THEME_TERMS = 8;

export interface OutcomeWindow {
  /** ISO timestamps: [from, to). */
  from: string;
  to: string;
  count: number;
  rated: number;
  meanRating: number | null;
}

export type OutcomeVerdict = 'no_theme' | 'too_early' | 'too_little' | 'fewer' | 'same' | 'more';

export interface Outcome {
  actionId: string;
  title: string;
  doneAt: string;
  windowDays: number;
  before: OutcomeWindow;
  after: OutcomeWindow;
  /** Days of the after window that have passed (at most windowDays). */
  elapsedDays: number;
  verdict: OutcomeVerdict;
  /** Matching captures before minus after: what the table sorts by. */
  drop: number;
  /** The outcome in one sentence, for people. */
  words: string;
}

export interface OutcomeOptions {
  now: number;
  idf: Idf;
  windowDays?: number;
}

/** The outcome of a done action, or null when it is not done. */
export function outcomeOf(action: Action, evidence: readonly Capture[], index: CaptureIndex, options: OutcomeOptions): Outcome | null {
  if (action.status !== 'done') return null;
  const doneAt = action.doneAt ?? action.statusChangedAt;
  const windowDays = options.windowDays ?? OUTCOME_WINDOW_DAYS;
  const done = Date.parse(doneAt);
  const from = done - windowDays * DAY_MS;
  const to = done + windowDays * DAY_MS;
  const matches = matchingCaptures(evidence, index, from, to, options.idf);
  const window = (start: number, end: number): OutcomeWindow => {
    let count = 0;
    let rated = 0;
    let sum = 0;
    for (const c of matches) {
      const at = Date.parse(c.capturedAt);
      if (at < start || at >= end) continue;
      count++;
      const stars = fiveStar(c.source.rating, c.source.ratingMax);
      if (stars !== null) { rated++; sum += stars; }
    }
    return { from: new Date(start).toISOString(), to: new Date(end).toISOString(), count, rated, meanRating: rated ? Math.round((sum / rated) * 10) / 10 : null };
  };
  const before = window(from, done);
  const after = window(done, to);
  const elapsedDays = Math.max(0, Math.min(windowDays, Math.floor((options.now - done) / DAY_MS)));
  const themed = evidence.length > 0;
  const verdict: OutcomeVerdict = !themed ? 'no_theme'
    : elapsedDays < windowDays ? 'too_early'
      : before.count + after.count < OUTCOME_MIN_CAPTURES ? 'too_little'
        : after.count < before.count ? 'fewer' : after.count === before.count ? 'same' : 'more';
  const outcome: Outcome = {
    actionId: action.id, title: action.title, doneAt, windowDays, before, after, elapsedDays, verdict,
    drop: before.count - after.count, words: '',
  };
  outcome.words = outcomeWords(outcome);
  return outcome;
}

/** Captures on the evidence's theme with a time in [from, to). */
function matchingCaptures(evidence: readonly Capture[], index: CaptureIndex, from: number, to: number, idf: Idf): Capture[] {
  if (evidence.length === 0) return [];
  const tags = new Set(evidence.flatMap((c) => c.tags));
  const centroid = new Map<string, number>();
  for (const c of evidence) {
    const tf = termCounts(c);
    let norm = 0;
    for (const [term, n] of tf) norm += (n * idf.weight(term)) ** 2;
    const scale = norm ? 1 / Math.sqrt(norm) : 0;
    for (const [term, n] of tf) centroid.set(term, (centroid.get(term) ?? 0) + n * idf.weight(term) * scale);
  }
  let centroidNorm = 0;
  for (const w of centroid.values()) centroidNorm += w * w;
  const strongest = [...centroid].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, THEME_TERMS).map(([t]) => t);
  const candidates = new Set<number>();
  for (const tag of tags) for (const p of index.between(index.byTag.get(tag) ?? [], from, to)) candidates.add(p);
  for (const term of strongest) for (const p of index.between(index.byTerm.get(term) ?? [], from, to)) candidates.add(p);
  const evidenceIds = new Set(evidence.map((c) => c.id));
  const found: Capture[] = [];
  for (const position of candidates) {
    const { capture, tf } = index.entries[position]!;
    if (evidenceIds.has(capture.id) || capture.tags.some((t) => tags.has(t))) {
      found.push(capture);
      continue;
    }
    let dot = 0;
    let norm = 0;
    for (const [term, n] of tf) {
      const w = n * idf.weight(term);
      norm += w * w;
      dot += w * (centroid.get(term) ?? 0);
    }
    if (norm && centroidNorm && dot / Math.sqrt(norm * centroidNorm) >= OUTCOME_SIMILARITY) found.push(capture);
  }
  // Archived evidence is not in the index: it still shapes the theme but is not counted.
  return found;
}

const captures = (n: number) => (n === 0 ? 'no similar captures' : n === 1 ? '1 similar capture' : `${n} similar captures`);

/** "Since done: 2 similar captures in 30 days, 11 in the 30 days before; mean rating 2.1 → 3.8." */
export function outcomeWords(o: Outcome): string {
  if (o.verdict === 'no_theme') return 'No evidence linked, so there is nothing to compare.';
  const rating = o.before.meanRating !== null && o.after.meanRating !== null
    ? `; mean rating ${o.before.meanRating.toFixed(1)} → ${o.after.meanRating.toFixed(1)}` : '';
  const before = `${o.before.count === 0 ? 'none' : o.before.count} in the ${o.windowDays} days before`;
  if (o.verdict === 'too_early') {
    const checkOn = new Date(Date.parse(o.doneAt) + o.windowDays * DAY_MS).toISOString().slice(0, 10);
    const since = o.elapsedDays === 1 ? '1 day' : `${o.elapsedDays} days`;
    return `Too early to tell: done ${since} ago, check back on ${checkOn}. So far ${captures(o.after.count)} since done, ${before}${rating}.`;
  }
  const line = `Since done: ${captures(o.after.count)} in ${o.windowDays} days, ${before}${rating}.`;
  return o.verdict === 'too_little' ? `Too little data to tell. ${line}` : line;
}
