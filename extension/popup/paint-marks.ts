/**
 * @module Performance marks a benchmark reads in real Chromium: when each view's first content
 * reached the DOM (from the cache or the hub), and how long each search or filter change took to
 * show. Every view leaves the same two marks with its name in `detail.view`, so the benchmark can
 * time any route (`popup.html#huddle`) the same way it times the Inbox.
 */
/**
 * A view's first real content committed to the DOM; `detail: { view, source }`: 'snapshot' for the
 * stored first screen painted before the application's code ran (first-screen.ts), 'cache' or
 * 'live' for the application's own first render. A view's first mark of each kind is left once.
 */
export const FIRST_VIEW_PAINT = 'closeloop:first-view-paint';
/** A view's first content answered by the hub itself (after a cached paint, or the first paint when there was none). */
export const FIRST_LIVE_VIEW = 'closeloop:first-live-view';
export const FILTER_START = 'closeloop:filter-start';
export const FILTER_DONE = 'closeloop:filter-done';

export interface MarkTimeline {
  mark(name: string, options?: { detail?: unknown }): unknown;
}

export interface FirstPaintDetail {
  view: string;
  source: 'snapshot' | 'cache' | 'live';
}

export interface ViewMarks {
  /** After the view committed real content (not a "Loading…" placeholder) to the DOM. */
  committed(fromCache: boolean): void;
}

/** The first-paint marks of one view: each is left once, however often the view renders. */
export function viewMarks(performance: MarkTimeline, view: string): ViewMarks {
  let painted = false;
  let live = false;
  return {
    committed(fromCache) {
      if (!painted) {
        painted = true;
        performance.mark(FIRST_VIEW_PAINT, { detail: { view, source: fromCache ? 'cache' : 'live' } satisfies FirstPaintDetail });
      }
      if (!live && !fromCache) {
        live = true;
        performance.mark(FIRST_LIVE_VIEW, { detail: { view } });
      }
    },
  };
}

export interface ListMarks {
  /** At the input event of a search or filter change, before any work. */
  filterStart(text: string): void;
  /** Which filter generation the change just asked for (set right after `filterStart`). */
  awaiting(generation: number): void;
  /** After a list render is committed to the DOM, with what it showed. */
  committed(shown: { generation: number; fromCache: boolean }): void;
}

/** A list view's marks: its first paint (see `viewMarks`) and the time each filter change took. */
export function listMarks(performance: MarkTimeline, view: string): ListMarks {
  const first = viewMarks(performance, view);
  let pending: { text: string; generation: number } | null = null;
  return {
    filterStart(text) {
      performance.mark(FILTER_START, { detail: text });
      pending = { text, generation: Number.POSITIVE_INFINITY };
    },
    awaiting(generation) {
      if (pending) pending.generation = generation;
    },
    committed(shown) {
      first.committed(shown.fromCache);
      if (pending && !shown.fromCache && shown.generation >= pending.generation) {
        performance.mark(FILTER_DONE, { detail: pending.text });
        pending = null;
      }
    },
  };
}

