/**
 * @module The arithmetic of a virtual list with fixed row heights: which rows are in view, which
 * to render around them, and where to scroll so a row shows. Pure, so it is tested without layout.
 */

/** Inclusive row range; `last < first` means no rows. */
export interface RowRange {
  first: number;
  last: number;
}

export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number): RowRange {
  if (total <= 0 || rowHeight <= 0) return { first: 0, last: -1 };
  const first = Math.min(total - 1, Math.max(0, Math.floor(scrollTop / rowHeight)));
  const last = Math.min(total - 1, Math.max(first, Math.ceil((scrollTop + Math.max(viewportHeight, rowHeight)) / rowHeight) - 1));
  return { first, last };
}

export function withOverscan(range: RowRange, overscan: number, total: number): RowRange {
  if (range.last < range.first) return range;
  return { first: Math.max(0, range.first - overscan), last: Math.min(total - 1, range.last + overscan) };
}

/** The scrollTop that brings `index` fully into view with the least movement. */
export function scrollToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  const bottom = top + rowHeight;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
