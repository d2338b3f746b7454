/**
 * @module Captures in time order with their words and tags posted, for looking up "captures like
 * these in this window" without reading every capture: outcomes ask it once per done action.
 * Built once per captures list (the view hands out a new list on every change).
 */
import { terms } from '../queries/similarity';
import type { Capture } from '../schema/records';

export interface IndexedCapture {
  capture: Capture;
  at: number;
  /** Term -> count in the quote and note (weights are applied at comparison time). */
  tf: Map<string, number>;
}

export interface CaptureIndex {
  /** Oldest first, archived captures left out. */
  entries: IndexedCapture[];
  /** Term -> positions in `entries`, ascending. */
  byTerm: Map<string, number[]>;
  byTag: Map<string, number[]>;
  /** Positions of entries whose capture time is in [from, to). */
  between(positions: readonly number[], from: number, to: number): number[];
}

const tfCache = new WeakMap<Capture, Map<string, number>>();

/** The term counts of a capture's quote and note, cached per capture snapshot. */
export function termCounts(capture: Capture): Map<string, number> {
  let tf = tfCache.get(capture);
  if (!tf) {
    tf = new Map();
    for (const term of terms(`${capture.text} ${capture.note}`)) tf.set(term, (tf.get(term) ?? 0) + 1);
    tfCache.set(capture, tf);
  }
  return tf;
}

export function createCaptureIndex(captures: readonly Capture[]): CaptureIndex {
  const entries = captures.filter((c) => c.status !== 'archived')
    .map((capture) => ({ capture, at: Date.parse(capture.capturedAt), tf: termCounts(capture) }))
    .sort((a, b) => a.at - b.at || (a.capture.id < b.capture.id ? -1 : 1));
  const byTerm = new Map<string, number[]>();
  const byTag = new Map<string, number[]>();
  const post = (map: Map<string, number[]>, key: string, position: number) => {
    const list = map.get(key);
    if (list) list.push(position);
    else map.set(key, [position]);
  };
  entries.forEach((entry, position) => {
    for (const term of entry.tf.keys()) post(byTerm, term, position);
    for (const tag of entry.capture.tags) post(byTag, tag, position);
  });
  const firstAtOrAfter = (positions: readonly number[], time: number) => {
    let lo = 0;
    let hi = positions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (entries[positions[mid]!]!.at < time) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    entries, byTerm, byTag,
    between: (positions, from, to) => positions.slice(firstAtOrAfter(positions, from), firstAtOrAfter(positions, to)),
  };
}

const indexCache = new WeakMap<readonly Capture[], CaptureIndex>();

export function captureIndexFor(captures: readonly Capture[]): CaptureIndex {
  let index = indexCache.get(captures);
  if (!index) indexCache.set(captures, (index = createCaptureIndex(captures)));
  return index;
}
