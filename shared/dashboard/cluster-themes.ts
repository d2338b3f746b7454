/**
 * @module Themes that are not tags: clusters of captures that read alike (the huddle's TF-IDF
 * clustering), counted in the current window and the one before, so the dashboard can show what
 * is rising and falling. The clusters are grown from the newest captures of each window (at most
 * CLUSTER_SAMPLE each, so a busy window cannot crowd out the quieter one), then every capture of
 * both windows is counted under the cluster it reads most like.
 */
import { buildIdf, termVector, topTerms } from '../queries/similarity';
import { closestCluster, growClusters, oldestFirst, type Cluster } from '../queries/themes';
import type { Capture } from '../schema/records';
import { dayOf } from './calendar';
import { risingAndFalling, type ThemeChange } from './dashboard-data';
import { inRange, type DayRange } from './periods';

/** Newest captures of each window the clusters are grown from. */
export const CLUSTER_SAMPLE = 1_000;
/** A cluster is a theme from this many captures (both windows together). */
export const CLUSTER_MIN = 3;

export function clusterThemes(captures: readonly Capture[], windows: { current: DayRange; previous: DayRange }): { rising: ThemeChange[]; falling: ThemeChange[] } {
  const current: Capture[] = [];
  const previous: Capture[] = [];
  for (const c of captures) {
    const day = dayOf(c.capturedAt);
    if (inRange(day, windows.current)) current.push(c);
    else if (inRange(day, windows.previous)) previous.push(c);
  }
  current.sort(oldestFirst);
  previous.sort(oldestFirst);
  const sample = [...previous.slice(-CLUSTER_SAMPLE), ...current.slice(-CLUSTER_SAMPLE)];
  const idf = buildIdf(sample.map((c) => c.text));
  const clusters = growClusters(sample, idf);
  const byTerm = new Map<string, Cluster[]>();
  for (const cluster of clusters) {
    for (const term of cluster.centroid.keys()) {
      const list = byTerm.get(term);
      if (list) list.push(cluster);
      else byTerm.set(term, [cluster]);
    }
  }
  const counts = new Map<Cluster, { current: number; previous: number }>();
  const count = (list: Capture[], field: 'current' | 'previous') => {
    for (const capture of list) {
      const cluster = closestCluster(termVector(`${capture.text} ${capture.note}`, idf), byTerm);
      if (!cluster) continue;
      const n = counts.get(cluster) ?? { current: 0, previous: 0 };
      n[field]++;
      counts.set(cluster, n);
    }
  };
  count(current, 'current');
  count(previous, 'previous');
  const themes: ThemeChange[] = [];
  for (const [cluster, n] of counts) {
    if (n.current + n.previous < CLUSTER_MIN) continue;
    themes.push({
      kind: 'cluster', key: `cluster:${cluster.members[0]!.id}`, label: topTerms(cluster.centroid, 3).join(' · '),
      current: n.current, previous: n.previous, change: n.current - n.previous,
    });
  }
  return risingAndFalling(themes);
}
