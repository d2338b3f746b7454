/**
 * @module A virtualized ARIA grid with fixed row heights: only the rows in view plus an overscan
 * are in the DOM, the scroll height comes from the total, and `aria-rowcount`/`aria-rowindex` tell
 * a screen reader the real size. Focus stays on the grid; the cursor row is its active descendant.
 */
import type { ComponentChildren, Ref } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { scrollToShow, visibleRows, withOverscan } from './virtual-window';

export interface VirtualListProps<T> {
  id: string;
  label: string;
  total: number;
  rowAt(index: number): T | undefined;
  renderRow(item: T, index: number): ComponentChildren;
  rowHeight: number;
  /** The viewport's height; measured when absent (tests pass it: happy-dom has no layout). */
  viewportHeight?: number;
  /** Rows rendered beyond each edge of the view, so a short scroll never shows a gap. */
  overscan?: number;
  cursor: number;
  onCursor(index: number): void;
  onOpen(index: number): void;
  /** The rows now in view, after each scroll. */
  onRange?(first: number, last: number): void;
  isSelected?(item: T): boolean;
  /** Scrolls back to the top when it changes (a new filter's first result). */
  resetKey?: unknown;
  /** After every render reached the DOM. */
  onCommit?(): void;
  gridRef?: Ref<HTMLDivElement>;
}

const PAGE_KEYS: Record<string, (cursor: number, page: number, total: number) => number> = {
  ArrowDown: (c) => c + 1, j: (c) => c + 1, ArrowUp: (c) => c - 1, k: (c) => c - 1,
  Home: () => 0, End: (_c, _p, total) => total - 1, PageDown: (c, p) => c + p, PageUp: (c, p) => c - p,
};

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { id, total, rowHeight, cursor, overscan = 6 } = props;
  const local = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [measured, setMeasured] = useState(0);
  // Until the first paint the list guesses its height (six rows fill a popup) and renders no rows
  // beyond it: measuring would force a layout before the paint, and rows out of view only add to it.
  // Right after the paint (useEffect runs then) it measures and adds the overscan.
  const [painted, setPainted] = useState(false);
  const viewport = props.viewportHeight ?? (measured || rowHeight * 6);

  useEffect(() => {
    setPainted(true);
    const el = local.current;
    if (props.viewportHeight !== undefined || !el) return;
    setMeasured(el.clientHeight);
    // The side panel and a tab resize; the popup does not, but measuring costs nothing.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(() => setMeasured(el.clientHeight)) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, [props.viewportHeight]);

  const visible = visibleRows(scrollTop, viewport, rowHeight, total);
  const rendered = withOverscan(visible, painted ? overscan : 0, total);
  useEffect(() => {
    if (visible.last >= visible.first) props.onRange?.(visible.first, visible.last);
  }, [visible.first, visible.last, total]);

  const scrollTo = (top: number) => {
    const el = local.current;
    if (!el || el.scrollTop === top) return;
    el.scrollTop = top;
    setScrollTop(top);
  };
  // Both skip the mount: a new list is at the top already, and reading scrollTop would force a layout.
  const firstKey = useRef(true);
  useLayoutEffect(() => {
    if (firstKey.current) return void (firstKey.current = false);
    scrollTo(0);
  }, [props.resetKey]);
  const firstCursor = useRef(true);
  useLayoutEffect(() => {
    const el = local.current;
    if (firstCursor.current && cursor === 0) return void (firstCursor.current = false);
    firstCursor.current = false;
    if (el && cursor < total) scrollTo(scrollToShow(cursor, el.scrollTop, viewport, rowHeight));
  }, [cursor]);
  useLayoutEffect(() => props.onCommit?.());

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const move = PAGE_KEYS[event.key];
    if (move && total > 0) {
      event.preventDefault();
      props.onCursor(Math.max(0, Math.min(total - 1, move(cursor, Math.max(1, Math.floor(viewport / rowHeight) - 1), total))));
    } else if (event.key === 'Enter' && event.target === local.current && cursor < total) {
      event.preventDefault();
      props.onOpen(cursor);
    }
  };

  const rows = [];
  for (let index = rendered.first; index <= rendered.last; index++) {
    const item = props.rowAt(index);
    const selected = item !== undefined && props.isSelected?.(item);
    rows.push(
      <div key={index} role="row" id={`${id}-row-${index}`} aria-rowindex={index + 1}
        aria-selected={props.isSelected ? Boolean(selected) : undefined}
        class={`pp-row${index === cursor ? ' is-cursor' : ''}${selected ? ' is-selected' : ''}${item ? '' : ' is-loading'}`}
        style={{ height: `${rowHeight}px`, transform: `translateY(${index * rowHeight}px)` }}
        onClick={() => { if (!item) return; props.onCursor(index); props.onOpen(index); }}>
        {item ? props.renderRow(item, index) : <div role="gridcell" class="pp-skeleton"><span class="cl-visually-hidden">Loading…</span></div>}
      </div>,
    );
  }
  const active = cursor >= rendered.first && cursor <= rendered.last ? `${id}-row-${cursor}` : undefined;
  return (
    <div id={id} ref={(el) => { local.current = el; assignRef(props.gridRef, el); }} class="pp-vlist" role="grid"
      aria-label={props.label} aria-rowcount={total} aria-multiselectable={props.isSelected ? true : undefined}
      aria-activedescendant={active} tabIndex={0} onKeyDown={onKeyDown}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <div role="rowgroup" class="pp-vlist-body" style={{ height: `${total * rowHeight}px` }}>{rows}</div>
    </div>
  );
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}
