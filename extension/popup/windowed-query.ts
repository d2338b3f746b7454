/**
 * @module A paged live query for long lists (inbox, actions). The hub sends only the window of
 * rows around what is on screen; scrolling moves the window (throttled), and a new filter starts
 * again at the top. The last result stays shown until its replacement arrives, so rows never
 * flash empty while the next window or filter is on its way.
 */
import { computed, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { PageOf, PageRequest } from '../../shared/queries/inbox';
import type { HubClient } from '../messaging/hub-client';
import type { QueryArgs, QueryResult } from '../messaging/protocol';

type ListQuery = 'inbox' | 'actions';
export type ItemOf<Q extends ListQuery> = QueryResult<Q>['items'][number];
export type FilterOf<Q extends ListQuery> = QueryArgs<Q>['filter'];

export interface Shown<Item, Filter> {
  filter: Filter;
  page: PageOf<Item>;
  /** The filter change this result answers; rises with every `setFilter`. */
  generation: number;
  /** Painted from the cached last view, before the hub answered. */
  fromCache: boolean;
}

export interface WindowedQuery<Item, Filter> {
  shown: Signal<Shown<Item, Filter> | undefined>;
  filter: ReadonlySignal<Filter>;
  /** The newest filter change asked for; `shown.generation` catches up when its answer arrives. */
  generation: ReadonlySignal<number>;
  total: ReadonlySignal<number>;
  error: Signal<string | null>;
  setFilter(filter: Filter): void;
  /** Tells the query which rows are on screen; it fetches a new window when they near its edge. */
  showRows(first: number, last: number): void;
  rowAt(index: number): Item | undefined;
  /** The window last asked of the hub. */
  requested(): Required<PageRequest>;
  /**
   * Shows a cached page of the initial filter until the hub's first answer; null withdraws a cached
   * page (the cache turned out to be of another workspace). Never replaces what the hub sent.
   */
  seed(page: PageOf<Item> | null): void;
  dispose(): void;
}

/** The two timer functions used, typed loosely so both a window and Node's globals fit. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(id: never): void;
}

export interface WindowOptions {
  /** Rows asked for at least, and at first. */
  pageSize: number;
  /** Rows fetched beyond each edge of the view. */
  overscan: number;
  /** Milliseconds between window requests while scrolling; 0 asks at once. */
  delayMs: number;
  timers?: Timers;
}

export function windowedQuery<Q extends ListQuery>(
  hub: HubClient, name: Q, initial: FilterOf<Q>, options: WindowOptions,
): WindowedQuery<ItemOf<Q>, FilterOf<Q>> {
  type Item = ItemOf<Q>;
  const timers: Timers = options.timers ?? (globalThis as unknown as Timers);
  const filter = signal(initial);
  const generation = signal(0);
  const shown = signal<Shown<Item, FilterOf<Q>> | undefined>(undefined);
  const error = signal<string | null>(null);
  let request: Required<PageRequest> = { offset: 0, limit: options.pageSize };
  let wanted: Required<PageRequest> | null = null;
  let timer: unknown = null;
  let token = 0;
  let stop = () => {};

  const subscribe = () => {
    stop();
    const mine = ++token;
    const asked = { filter: filter.value, page: { ...request }, generation: generation.value };
    stop = hub.subscribe(name, { filter: asked.filter, page: asked.page } as QueryArgs<Q>, (value) => {
      // A stale subscription may still deliver once after it was replaced; only the newest counts.
      if (mine !== token) return;
      error.value = null;
      shown.value = { filter: asked.filter, page: value as PageOf<Item>, generation: asked.generation, fromCache: false };
    }, (failure) => {
      if (mine === token) error.value = failure.message;
    });
  };
  const cancelTimer = () => {
    if (timer !== null) timers.clearTimeout(timer as never);
    timer = null;
  };
  const flush = () => {
    timer = null;
    if (!wanted) return;
    request = wanted;
    wanted = null;
    subscribe();
  };

  subscribe();
  const total = computed(() => shown.value?.page.total ?? 0);
  return {
    shown, filter, generation, total, error,
    setFilter(next) {
      cancelTimer();
      wanted = null;
      filter.value = next;
      generation.value++;
      request = { offset: 0, limit: options.pageSize };
      subscribe();
    },
    showRows(first, last) {
      const count = total.value;
      const end = request.offset + request.limit - 1;
      const margin = Math.floor(options.overscan / 3);
      const coveredAbove = request.offset <= first - margin || request.offset === 0;
      const coveredBelow = end >= last + margin || end >= count - 1;
      if (request.offset <= first && end >= last && coveredAbove && coveredBelow) {
        wanted = null;
        return;
      }
      wanted = { offset: Math.max(0, first - options.overscan), limit: Math.max(options.pageSize, last - first + 1 + 2 * options.overscan) };
      if (options.delayMs <= 0) flush();
      // Throttled, not debounced: a long fling still gets a fresh window every `delayMs`.
      else if (timer === null) timer = timers.setTimeout(flush, options.delayMs);
    },
    rowAt(index) {
      const page = shown.value?.page;
      return page ? page.items[index - page.offset] : undefined;
    },
    requested: () => ({ ...request }),
    seed(page) {
      if ((shown.value && !shown.value.fromCache) || generation.value !== 0 || (shown.value?.page ?? null) === page) return;
      shown.value = page ? { filter: filter.value, page, generation: 0, fromCache: true } : undefined;
    },
    dispose() {
      cancelTimer();
      token++;
      stop();
    },
  };
}
