/**
 * @module An ARIA tablist with roving focus: arrow keys move between tabs and select them
 * (Up/Down too, by row, when the tabs form a grid such as the impact/effort 2x2).
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface TabSpec<Id extends string> {
  id: Id;
  label: ComponentChildren;
  /** The accessible name when the visible label is made of several parts. */
  name?: string;
  /** Said after the name (a count on the tab): its title, so the name itself stays the tab's word. */
  description?: string;
}

export interface TabBarProps<Id extends string> {
  label: string;
  idPrefix: string;
  tabs: TabSpec<Id>[];
  selected: Id;
  onSelect(id: Id): void;
  /** Tabs per row when laid out as a grid. */
  columns?: number;
  class?: string;
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const panelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

export function TabBar<Id extends string>({ label, idPrefix, tabs, selected, onSelect, columns, class: className }: TabBarProps<Id>) {
  const count = tabs.length;
  const list = useRef<HTMLDivElement>(null);
  // When the tabs scroll sideways (a narrow popup), keep the selected one in view.
  useLayoutEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  }, [selected]);
  const step = columns && columns < count ? columns : 0;
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const moves: Record<string, number> = {
      ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: count - 1,
      ...(step ? { ArrowDown: at + step, ArrowUp: at - step } : {}),
    };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = tabs[((moves[event.key]! % count) + count) % count]!;
    onSelect(next.id);
    document.getElementById(tabId(idPrefix, next.id))?.focus();
  };
  return (
    <div ref={list} role="tablist" aria-label={label} class={className ?? 'pp-tabs'} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button key={tab.id} type="button" role="tab" id={tabId(idPrefix, tab.id)} aria-selected={tab.id === selected}
          aria-controls={panelId(idPrefix, tab.id)} aria-label={tab.name} title={tab.description} tabIndex={tab.id === selected ? 0 : -1}
          onClick={() => onSelect(tab.id)}>
          {tab.label}
        </button>
      ))}
    </div>
  );
}
