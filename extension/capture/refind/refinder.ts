/**
 * @module Re-finds a page's captures and keeps them painted while the page renders. The first pass
 * runs at once; a page that renders late (a single-page app, an infinite list) is tried again as
 * its DOM changes, for a bounded time (REFIND_WINDOW_MS), with exact matching only. Once the page
 * is quiet (no change for SETTLE_MS after load) one last pass adds approximate matching, and the
 * outcome is handed to whoever checks the sources.
 */
import type { CaptureAnchor } from '../../../shared/schema/records';
import { anchorAll, type Anchored } from '../anchor';
import { markStart, measure } from '../marks';
import type { Painter } from './painter';

export const REFIND_WINDOW_MS = 20_000;
export const SETTLE_MS = 1_500;
const RETRY_DEBOUNCE_MS = 300;

export interface RefindTarget {
  id: string;
  anchor: CaptureAnchor;
}

export interface Settled {
  found: ReadonlyMap<string, Anchored>;
  /** False when the page was still changing when the window closed (a live feed): nothing is conclusive then. */
  quiet: boolean;
}

export interface Refinder {
  update(targets: readonly RefindTarget[], color: string): void;
  found(): ReadonlyMap<string, Anchored>;
  /** The capture whose highlight is under the point (viewport coordinates), if any. */
  at(x: number, y: number): string | null;
  /** Called after every pass that changed what is found. */
  onChange(listener: () => void): () => void;
  /** Called once per target list, when the page has settled (or the window closed). */
  onSettled(listener: (settled: Settled) => void): () => void;
  stop(): void;
}

export interface RefinderDeps {
  win: Window;
  painter: Painter | null;
  /** Our own UI on the page, whose changes are not the page rendering. */
  isOwn(node: Node): boolean;
  windowMs?: number;
  settleMs?: number;
  now?: () => number;
}

export function createRefinder(deps: RefinderDeps): Refinder {
  const { win, painter, isOwn } = deps;
  const windowMs = deps.windowMs ?? REFIND_WINDOW_MS;
  const settleMs = deps.settleMs ?? SETTLE_MS;
  const now = deps.now ?? (() => win.performance.now());
  const doc = win.document;
  let targets: readonly RefindTarget[] = [];
  let color = '#2454d6';
  let found = new Map<string, Anchored>();
  /** The range's raw text when it was found: a range whose nodes the page rewrote no longer reads it. */
  const rawOf = new WeakMap<Anchored, string>();
  let startedAt = now();
  let lastChange = now();
  let retry: ReturnType<typeof setTimeout> | null = null;
  let settleTimer: ReturnType<typeof setTimeout> | null = null;
  let settledOnce = false;
  let observer: MutationObserver | null = null;
  const changeListeners = new Set<() => void>();
  const settleListeners = new Set<(settled: Settled) => void>();

  const pass = (fuzzy: boolean) => {
    const root = doc.body;
    if (!root) return;
    const next = new Map<string, Anchored>();
    const todo: RefindTarget[] = [];
    for (const target of targets) {
      const kept = found.get(target.id);
      // A range the page left alone still reads what it read: no need to search again.
      if (kept && kept.range.startContainer.isConnected && kept.range.endContainer.isConnected && kept.range.toString() === rawOf.get(kept)) {
        next.set(target.id, kept);
      } else todo.push(target);
    }
    if (todo.length > 0) {
      const started = markStart();
      anchorAll(todo.map((t) => t.anchor), root, { fuzzy }).forEach((result, i) => {
        if (!result) return;
        rawOf.set(result, result.range.toString());
        next.set(todo[i]!.id, result);
      });
      measure('closeloop:refind', started, { captures: todo.length, found: next.size, fuzzy });
    }
    const changed = next.size !== found.size || [...next].some(([id, a]) => found.get(id) !== a);
    found = next;
    if (changed) {
      painter?.paint([...found.values()].map((a) => a.range), color);
      changeListeners.forEach((l) => l());
    }
  };

  const settle = (quiet: boolean) => {
    if (settledOnce) return;
    settledOnce = true;
    stopObserving();
    pass(true);
    settleListeners.forEach((l) => l({ found, quiet }));
  };

  const scheduleSettle = () => {
    if (settleTimer) clearTimeout(settleTimer);
    if (settledOnce) return;
    const elapsed = now() - startedAt;
    if (elapsed >= windowMs) return settle(false);
    const wait = Math.min(settleMs, windowMs - elapsed);
    settleTimer = setTimeout(() => {
      settleTimer = null;
      const quietFor = now() - lastChange;
      if (doc.readyState === 'complete' && quietFor >= settleMs - 5) settle(true);
      else if (now() - startedAt >= windowMs) settle(false);
      else scheduleSettle();
    }, wait);
  };

  const onMutations = (records: MutationRecord[]) => {
    if (records.every((r) => isOwn(r.target))) return;
    lastChange = now();
    if (!retry) retry = setTimeout(() => { retry = null; pass(false); }, RETRY_DEBOUNCE_MS);
    scheduleSettle();
  };

  const stopObserving = () => {
    observer?.disconnect();
    observer = null;
    if (retry) clearTimeout(retry);
    retry = null;
  };

  let rects: { at: number; boxes: [string, DOMRectList][] } | null = null;

  return {
    update(next, nextColor) {
      const same = next.length === targets.length && next.every((t, i) => t.id === targets[i]!.id && JSON.stringify(t.anchor) === JSON.stringify(targets[i]!.anchor));
      targets = next;
      color = nextColor;
      if (same && found.size > 0) return painter?.paint([...found.values()].map((a) => a.range), color);
      found = new Map([...found].filter(([id]) => next.some((t) => t.id === id)));
      settledOnce = false;
      startedAt = now();
      lastChange = now();
      pass(false);
      if (!observer) {
        const Observer = (win as Window & typeof globalThis).MutationObserver;
        observer = new Observer(onMutations);
        observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
      }
      scheduleSettle();
    },
    found: () => found,
    at(x, y) {
      // Boxes are read at most once a frame: pointer moves come faster than layouts change.
      const stamp = Math.floor(now() / 16);
      if (!rects || rects.at !== stamp) rects = { at: stamp, boxes: [...found].map(([id, a]) => [id, a.range.getClientRects()]) };
      for (const [id, list] of rects.boxes) {
        for (const r of Array.from(list)) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return id;
      }
      return null;
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    onSettled(listener) {
      settleListeners.add(listener);
      return () => settleListeners.delete(listener);
    },
    stop() {
      stopObserving();
      if (settleTimer) clearTimeout(settleTimer);
      painter?.clear();
      found = new Map();
      changeListeners.clear();
      settleListeners.clear();
    },
  };
}
