/**
 * @module Performance marks a benchmark reads in real Chromium: when the first list reached the
 * screen (from the cache or the hub), and how long each search or filter change took to show.
 */
export const FIRST_LIST_PAINT = 'closeloop:first-list-paint';
/** The first list answered by the hub itself (after a cached paint, or the first paint when there was no cache). */
export const FIRST_LIVE_LIST = 'closeloop:first-live-list';
export const FILTER_START = 'closeloop:filter-start';
export const FILTER_DONE = 'closeloop:filter-done';

export interface PaintMarks {
  /** At the input event of a search or filter change, before any work. */
  filterStart(text: string): void;
  /** Which filter generation the change just asked for (set right after `filterStart`). */
  awaiting(generation: number): void;
  /** After a list render is committed to the DOM, with what it showed. */
  committed(shown: { generation: number; fromCache: boolean }): void;
}

export function paintMarks(performance: { mark(name: string, options?: { detail?: unknown }): unknown }): PaintMarks {
  let painted = false;
  let live = false;
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
      if (!painted) {
        painted = true;
        performance.mark(FIRST_LIST_PAINT, { detail: { source: shown.fromCache ? 'cache' : 'live' } });
      }
      if (!live && !shown.fromCache) {
        live = true;
        performance.mark(FIRST_LIVE_LIST);
      }
      if (pending && !shown.fromCache && shown.generation >= pending.generation) {
        performance.mark(FILTER_DONE, { detail: pending.text });
        pending = null;
      }
    },
  };
}

/** A view's first real content committed to the DOM; `detail: { view, source: 'cache' | 'live' }`. */
export const FIRST_VIEW_PAINT = 'closeloop:first-view-paint';
/** A view's first content answered by the hub itself (after a cached paint, or the first paint when there was none). */
export const FIRST_LIVE_VIEW = 'closeloop:first-live-view';

export interface ViewMarks {
  /** After the view committed real content (not a "Loading…" placeholder) to the DOM. */
  committed(fromCache: boolean): void;
}

/** The first-paint marks of one view (the Huddle, the Change board …): each is left once, however often the view renders. */
export function viewMarks(performance: { mark(name: string, options?: { detail?: unknown }): unknown }, view: string): ViewMarks {
  let painted = false;
  let live = false;
  return {
    committed(fromCache) {
      if (!painted) {
        painted = true;
        performance.mark(FIRST_VIEW_PAINT, { detail: { view, source: fromCache ? 'cache' : 'live' } });
      }
      if (!live && !fromCache) {
        live = true;
        performance.mark(FIRST_LIVE_VIEW, { detail: { view } });
      }
    },
  };
}
