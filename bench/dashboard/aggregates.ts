/**
 * @module The hub's side of `npm run bench:dashboard`, in Node on the same shared code: building the
 * aggregates of a 10,000-capture workspace, one new capture updating them (the change applied to
 * every filter's counters), and the dashboard query answered from them.
 */
import * as Y from 'yjs';
import { createDashboardAggregates } from '../../shared/dashboard/aggregates';
import { dashboardView } from '../../shared/dashboard/views';
import { initWorkspace } from '../../shared/doc/init';
import { addCapture } from '../../shared/mutations/captures';
import { buildIdf } from '../../shared/queries/similarity';
import { createWorkspaceView, type WorkspaceChange } from '../../shared/read/workspace-view';
import { seedDemoWorkspace } from '../../test/helpers/demo-workspace';

export interface AggregateTimings {
  buildMs: number;
  /** Time to apply one new capture's change to the aggregates, per capture. */
  updateMs: number[];
  /** The whole save: mutation, view, aggregates (what the hub spends on one capture). */
  saveMs: number[];
  queryMs: number[];
}

export function measureAggregates(size: { captures: number; actions: number }, runs: number): AggregateTimings {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Bench' });
  seedDemoWorkspace(doc, { ...size, spanDays: 365, me: 'mem_benchmember00001' });
  const view = createWorkspaceView(doc);
  view.captures();
  view.actions();
  let started = performance.now();
  const aggregates = createDashboardAggregates(view);
  const buildMs = performance.now() - started;
  const updateMs: number[] = [];
  view.onChange((change: WorkspaceChange) => {
    const t = performance.now();
    aggregates.apply(change);
    updateMs.push(performance.now() - t);
  });
  const env = { view, aggregates, now: Date.now(), today: new Date().toISOString().slice(0, 10), idf: buildIdf([]) };
  const saveMs: number[] = [];
  const queryMs: number[] = [];
  const ctx = { doc, actor: 'mem_benchmember00001' };
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    addCapture(ctx, {
      text: `Checkout failed again with coupon ${i}`, tags: ['checkout', 'bug'], channel: 'review',
      source: { url: `https://trustpilot.com/r/bench-${i}`, rating: 2, ratingMax: 5 },
    }, { findDuplicate: (f) => view.captureByFingerprint(f)?.id ?? null });
    saveMs.push(performance.now() - started);
    started = performance.now();
    dashboardView(env, '90', {});
    queryMs.push(performance.now() - started);
  }
  aggregates.destroy();
  view.destroy();
  return { buildMs, updateMs, saveMs, queryMs };
}
