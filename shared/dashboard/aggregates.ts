/**
 * @module The dashboard's aggregates, kept up to date from the workspace view's changes: only the
 * records a transaction touched (and those whose facts depend on them) are read again, their old
 * contribution is taken out of every filter's counters and the new one put in. Nothing is rescanned.
 */
import type { WorkspaceChange, WorkspaceView } from '../read/workspace-view';
import { ActivityIndex } from './activity-index';
import { addAction, addCapture, cubeJson, emptyCube, isEmptyCube, type Cube } from './cube';
import { actionFact, captureFact, type ActionFact, type CaptureFact } from './facts';
import { filterKey, type DashboardFilter } from './keys';

export interface DashboardAggregates {
  /** The counters of one filter; undefined when nothing matches it. */
  cube(filter: DashboardFilter): Cube | undefined;
  captureFact(id: string): CaptureFact | undefined;
  actionFact(id: string): ActionFact | undefined;
  /** Applies one transaction's change (called by the view's onChange when `live`). */
  apply(change: WorkspaceChange): void;
  /** Bumped on every change that touched a fact: lets callers cache what they derive. */
  version(): number;
  /** Every counter as plain sorted JSON, for comparing with a recount. */
  toJSON(): unknown;
  destroy(): void;
}

export function createDashboardAggregates(view: WorkspaceView, options: { live?: boolean } = {}): DashboardAggregates {
  const log = new ActivityIndex();
  const captures = new Map<string, CaptureFact>();
  const actions = new Map<string, ActionFact>();
  const cubes = new Map<string, Cube>();
  let version = 0;

  const cubeOf = (key: string) => {
    let cube = cubes.get(key);
    if (!cube) cubes.set(key, (cube = emptyCube()));
    return cube;
  };
  // A cube with nothing in it is dropped, whether it emptied or an addition put nothing there (an
  // action that counts nowhere under its evidence's keys), so live and rebuilt aggregates agree.
  const release = (key: string) => {
    const cube = cubes.get(key);
    if (cube && isEmptyCube(cube)) cubes.delete(key);
  };
  const setCapture = (id: string, next: CaptureFact | undefined) => {
    const old = captures.get(id);
    if (old) for (const key of old.keys) { addCapture(cubeOf(key), old, -1); release(key); }
    if (next) {
      captures.set(id, next);
      for (const key of next.keys) { addCapture(cubeOf(key), next, 1); release(key); }
    } else captures.delete(id);
    return old;
  };
  const setAction = (id: string, next: ActionFact | undefined) => {
    const old = actions.get(id);
    if (old) for (const key of old.keys) { addAction(cubeOf(key), old, -1); release(key); }
    if (next) {
      actions.set(id, next);
      for (const key of next.keys) { addAction(cubeOf(key), next, 1); release(key); }
    } else actions.delete(id);
  };
  const readCapture = (id: string) => {
    const capture = view.capture(id);
    return capture ? captureFact(capture, (a) => view.action(a), log) : undefined;
  };
  const readAction = (id: string) => {
    const action = view.action(id);
    return action ? actionFact(action, (c) => captures.get(c)?.keys, log) : undefined;
  };

  // From scratch: the log first (facts read it), then captures (actions read their keys).
  for (const entry of view.activity()) log.add(entry);
  for (const capture of view.captures()) setCapture(capture.id, captureFact(capture, (a) => view.action(a), log));
  for (const action of view.actions()) setAction(action.id, actionFact(action, (c) => captures.get(c)?.keys, log));

  function apply(change: WorkspaceChange): void {
    const dirtyCaptures = new Set(change.captures);
    const dirtyActions = new Set(change.actions);
    for (const id of change.activityIds) {
      const entry = view.activityEntry(id);
      if (!entry) continue;
      const touched = log.add(entry);
      if (touched.capture) dirtyCaptures.add(touched.capture);
      if (touched.action) dirtyActions.add(touched.action);
    }
    // A capture's facts read its actions (link times): an action's change re-reads its evidence, old and new.
    for (const id of change.actions) {
      for (const c of actions.get(id)?.captureIds ?? []) dirtyCaptures.add(c);
      for (const c of view.action(id)?.captureIds ?? []) dirtyCaptures.add(c);
    }
    for (const id of dirtyCaptures) {
      const next = readCapture(id);
      const old = setCapture(id, next);
      // An action counts under its evidence's keys: when those moved, its actions are re-read.
      if (old?.keys.join() !== next?.keys.join()) {
        for (const a of old?.actionIds ?? []) dirtyActions.add(a);
        for (const a of next?.actionIds ?? []) dirtyActions.add(a);
      }
    }
    for (const id of dirtyActions) setAction(id, readAction(id));
    if (dirtyCaptures.size || dirtyActions.size) version++;
  }

  const off = options.live ? view.onChange(apply) : () => {};
  return {
    cube: (filter) => cubes.get(filterKey(filter)),
    captureFact: (id) => captures.get(id),
    actionFact: (id) => actions.get(id),
    apply,
    version: () => version,
    toJSON() {
      const keys = [...cubes.keys()].sort();
      return {
        cubes: keys.map((key) => [key, cubeJson(cubes.get(key)!)]),
        captures: [...captures.keys()].sort().map((id) => captures.get(id)),
        actions: [...actions.keys()].sort().map((id) => actions.get(id)),
      };
    },
    destroy: off,
  };
}
