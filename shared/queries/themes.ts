/**
 * @module Themes in recent feedback: a tag many captures share, or a cluster of captures that
 * read alike (local TF-IDF similarity, no network). The huddle escalates the big ones nobody
 * is working on yet; the dashboard can chart them rising and falling.
 */
import type { Capture } from '../schema/records';
import { termVector, topTerms, type Idf, type Vector } from './similarity';

export interface Theme {
  kind: 'tag' | 'cluster';
  /** Stable for the same captures: `tag:<tag>` or `cluster:<id of its oldest capture>`. */
  key: string;
  /** The tag, or the cluster's three strongest words. */
  label: string;
  /** Newest first. */
  captureIds: string[];
}

/** Captures of each tag, tags with at least `min` captures, biggest first. */
export function tagThemes(captures: readonly Capture[], min: number): Theme[] {
  const byTag = new Map<string, Capture[]>();
  for (const capture of captures) for (const tag of capture.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), capture]);
  return [...byTag]
    .filter(([, list]) => list.length >= min)
    .map(([tag, list]) => ({ kind: 'tag' as const, key: `tag:${tag}`, label: tag, captureIds: newestFirst(list) }))
    .sort((a, b) => b.captureIds.length - a.captureIds.length || a.label.localeCompare(b.label));
}

/** Cosine similarity to a cluster's centroid at which a capture joins it. */
export const CLUSTER_SIMILARITY = 0.3;
/** Clustering compares each capture with every cluster so far: the newest this many are clustered. */
export const CLUSTER_MAX_CAPTURES = 2_000;

/**
 * Groups captures that read alike: oldest first, each joins the cluster whose centroid it is most
 * similar to (at least CLUSTER_SIMILARITY), or starts its own. Deterministic for the same
 * captures. Returns clusters of at least `min` captures, biggest first.
 */
export function similarityClusters(captures: readonly Capture[], idf: Idf, min: number, similarity = CLUSTER_SIMILARITY): Theme[] {
  const ordered = [...captures].sort(oldestFirst).slice(-CLUSTER_MAX_CAPTURES);
  return growClusters(ordered, idf, similarity)
    .filter((c) => c.members.length >= min)
    .map((c) => ({
      kind: 'cluster' as const,
      key: `cluster:${c.members[0]!.id}`,
      label: topTerms(c.centroid, 3).join(' · '),
      captureIds: newestFirst(c.members),
    }))
    .sort((a, b) => b.captureIds.length - a.captureIds.length || a.key.localeCompare(b.key));
}

/**
 * The clustering itself, over captures in the order given (oldest first): each joins the cluster
 * whose centroid it is most similar to (at least `similarity`), or starts its own.
 */
export function growClusters(ordered: readonly Capture[], idf: Idf, similarity = CLUSTER_SIMILARITY): Cluster[] {
  const clusters: Cluster[] = [];
  // term -> clusters whose centroid has it: a capture is compared only with clusters it shares a word with.
  const byTerm = new Map<string, Set<Cluster>>();
  for (const capture of ordered) {
    const vector = termVector(`${capture.text} ${capture.note}`, idf);
    if (vector.size === 0) continue;
    const best = closestCluster(vector, byTerm, similarity);
    const cluster: Cluster = best ?? { order: clusters.length, members: [], centroid: new Map(), norm: 0 };
    if (!best) clusters.push(cluster);
    cluster.members.push(capture);
    for (const [term, w] of vector) {
      const before = cluster.centroid.get(term) ?? 0;
      cluster.centroid.set(term, before + w);
      cluster.norm += (before + w) ** 2 - before ** 2;
      let set = byTerm.get(term);
      if (!set) byTerm.set(term, (set = new Set()));
      set.add(cluster);
    }
  }
  return clusters;
}

/**
 * The cluster whose centroid `vector` is most similar to (cosine, at least `similarity`; ties go to
 * the older cluster), among those sharing a word with it (`byTerm`: term -> clusters with it).
 */
export function closestCluster(vector: Vector, byTerm: ReadonlyMap<string, Iterable<Cluster>>, similarity = CLUSTER_SIMILARITY): Cluster | null {
  let norm = 0;
  for (const w of vector.values()) norm += w * w;
  if (!norm) return null;
  const candidates = new Set<Cluster>();
  for (const term of vector.keys()) for (const cluster of byTerm.get(term) ?? []) candidates.add(cluster);
  let best: { cluster: Cluster; score: number } | null = null;
  for (const cluster of candidates) {
    let dot = 0;
    for (const [term, w] of vector) dot += w * (cluster.centroid.get(term) ?? 0);
    const score = dot / Math.sqrt(norm * cluster.norm);
    if (score >= similarity && (!best || score > best.score || (score === best.score && cluster.order < best.cluster.order))) {
      best = { cluster, score };
    }
  }
  return best?.cluster ?? null;
}

export interface Cluster {
  order: number;
  members: Capture[];
  /** Sum of the members' vectors. */
  centroid: Vector;
  /** Squared length of the centroid, kept as it grows. */
  norm: number;
}

export function oldestFirst(a: Capture, b: Capture): number {
  return a.capturedAt < b.capturedAt ? -1 : a.capturedAt > b.capturedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function newestFirst(list: Capture[]): string[] {
  return [...list].sort((a, b) => oldestFirst(b, a)).map((c) => c.id);
}
