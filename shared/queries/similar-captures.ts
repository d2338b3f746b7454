/**
 * @module Captures like this one: for the capture dialog (the team already has captures like it,
 * and the actions they feed) and for the inbox's "+3 similar" (near duplicates listed once). Built
 * on the similarity clustering the huddle uses (themes.ts), at a stricter threshold.
 */
import type { Capture } from '../schema/records';
import { cosine, termVector, type Idf } from './similarity';
import { CLUSTER_SIMILARITY, similarityClusters } from './themes';

/** Cosine similarity at which two captures count as near duplicates in the inbox (the huddle's themes use 0.3). */
export const NEAR_DUPLICATE_SIMILARITY = 0.5;

/** Capture id → the ids of its near-duplicate group (itself included, newest first); archived captures left out. */
export function nearDuplicateGroups(captures: readonly Capture[], idf: Idf): Map<string, readonly string[]> {
  const live = captures.filter((c) => c.status !== 'archived');
  const groups = new Map<string, readonly string[]>();
  for (const cluster of similarityClusters(live, idf, 2, NEAR_DUPLICATE_SIMILARITY)) {
    for (const id of cluster.captureIds) groups.set(id, cluster.captureIds);
  }
  return groups;
}

export type Grouped<T> = T & { similarIds?: string[] };

/**
 * A sorted list with each near-duplicate group shown once, at its first (newest) member, which
 * carries the ids of the others in the list.
 */
export function groupSimilar<T extends { id: string }>(sorted: readonly T[], groups: ReadonlyMap<string, readonly string[]>): Grouped<T>[] {
  const inList = new Set(sorted.map((c) => c.id));
  const shown = new Set<readonly string[]>();
  const out: Grouped<T>[] = [];
  for (const item of sorted) {
    const group = groups.get(item.id);
    if (!group) { out.push(item); continue; }
    if (shown.has(group)) continue;
    shown.add(group);
    const others = group.filter((id) => id !== item.id && inList.has(id));
    out.push(others.length > 0 ? { ...item, similarIds: others } : item);
  }
  return out;
}

/** The captures reading most like `text` (score ≥ the huddle's clustering threshold), best first. */
export function similarCaptures(
  text: string, captures: readonly Capture[], idf: Idf, options: { limit?: number; minScore?: number; exclude?: string } = {},
): { capture: Capture; score: number }[] {
  const target = termVector(text, idf);
  if (target.size === 0) return [];
  const scored: { capture: Capture; score: number }[] = [];
  for (const capture of captures) {
    if (capture.status === 'archived' || capture.id === options.exclude) continue;
    const score = cosine(target, termVector(`${capture.text} ${capture.note}`, idf));
    if (score >= (options.minScore ?? CLUSTER_SIMILARITY)) scored.push({ capture, score: Math.round(score * 1000) / 1000 });
  }
  return scored.sort((a, b) => b.score - a.score || a.capture.id.localeCompare(b.capture.id)).slice(0, options.limit ?? 3);
}
