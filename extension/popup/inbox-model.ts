/**
 * @module The Inbox tab's state: filters and search over a windowed `inbox` live query, the
 * keyboard cursor, multi-selection, and the triage commands (tag, archive, create an action or a
 * proposal for the change board).
 */
import { computed, effect, signal, type ReadonlySignal, type Signal } from '@preact/signals';
import type { InboxFilter } from '../../shared/queries/inbox';
import type { CaptureStatus, Channel, Sentiment } from '../../shared/schema/constants';
import type { Capture } from '../../shared/schema/records';
import type { HubClient } from '../messaging/hub-client';
import type { Facets } from '../messaging/protocol';
import { DEFAULT_INBOX_FILTER, FIRST_PAGE } from '../messaging/view-cache';
import { liveQuery, type LiveQuery } from '../ui/live-query';
import { plural, titleFromQuote } from './format';
import { listMarks } from './paint-marks';
import { popupEnv, type PopupEnv } from './popup-env';
import type { ViewContext } from './view-context';
import { runCommand } from './run-command';
import { windowedQuery, type Shown, type WindowedQuery } from './windowed-query';

export interface InboxFilters {
  status: CaptureStatus | 'all';
  tag: string;
  channel: Channel | '';
  sentiment: Sentiment | 'unset' | '';
  site: string;
  /** Only what I captured. */
  mine: boolean;
  /** The reply queue: only customers waiting for a reply. */
  replyNeeded: boolean;
  /** What revisiting the page found. */
  source: 'changed' | 'missing' | '';
  /** Near duplicates listed once, as "+3 similar". */
  grouped: boolean;
  /** Only the near-duplicate group of this capture (from a row's "+3 similar"). */
  similarTo: string;
  text: string;
}

export const DEFAULT_FILTERS: InboxFilters = {
  status: DEFAULT_INBOX_FILTER.status ?? 'all', tag: '', channel: '', sentiment: '', site: '', mine: false, replyNeeded: false, source: '', grouped: false, similarTo: '', text: '',
};

/** The hub's filter for what the controls say; empty controls are left out. */
export function toInboxFilter(f: InboxFilters, me: string | null): InboxFilter {
  const filter: InboxFilter = {};
  if (f.status !== 'all') filter.status = f.status;
  if (f.tag) filter.tag = f.tag;
  if (f.channel) filter.channel = f.channel;
  if (f.sentiment) filter.sentiment = f.sentiment;
  if (f.site) filter.site = f.site;
  if (f.mine && me) filter.capturedBy = me;
  if (f.replyNeeded) filter.loop = 'reply_needed';
  if (f.source) filter.sourceCheck = f.source;
  if (f.similarTo) filter.similarTo = f.similarTo;
  else if (f.grouped) filter.groupSimilar = true;
  if (f.text.trim()) filter.text = f.text.trim();
  return filter;
}

export type InboxPrompt =
  | { kind: 'archive'; ids: string[] }
  | { kind: 'tag'; ids: string[] }
  | { kind: 'create'; ids: string[]; title: string }
  | { kind: 'propose'; ids: string[]; title: string };

export interface InboxModel {
  list: WindowedQuery<Capture, InboxFilter>;
  filters: ReadonlySignal<InboxFilters>;
  setFilter(patch: Partial<InboxFilters>): void;
  facets: Signal<Facets | undefined>;
  /** Starts the facets query (values for the filter menus) once the list has painted. */
  loadFacets(): void;
  cursor: Signal<number>;
  moveCursor(delta: number): void;
  cursorCapture: ReadonlySignal<Capture | undefined>;
  selected: Signal<ReadonlyMap<string, Capture>>;
  toggleSelected(capture: Capture): void;
  clearSelection(): void;
  /** What a command applies to: the selection, else the row under the cursor. */
  targets(): Capture[];
  prompt: Signal<InboxPrompt | null>;
  ask(kind: InboxPrompt['kind']): void;
  archive(ids: string[], reason: string): Promise<boolean>;
  addTag(ids: string[], tag: string): Promise<boolean>;
  /** One action (or a proposal for the change board) with these captures as evidence; opens it. */
  createAction(ids: string[], title: string, propose?: boolean): Promise<string | null>;
  open(capture: Capture): void;
  busy: Signal<boolean>;
  error: Signal<string | null>;
  notice: Signal<string | null>;
  /** Called after each list render reached the DOM (performance marks). */
  painted(shown: Shown<Capture, InboxFilter>): void;
  dispose(): void;
}

export function createInboxModel(
  hub: HubClient, context: ViewContext, env: PopupEnv = popupEnv(),
): InboxModel {
  const filters = signal(DEFAULT_FILTERS);
  const list = windowedQuery(hub, 'inbox', toInboxFilter(DEFAULT_FILTERS, null), {
    pageSize: FIRST_PAGE.limit ?? 40, overscan: 15, delayMs: env.scrollFetchMs, timers: env.window,
  });
  // The cached first page shows until the hub answers, and goes if the cache is withdrawn.
  const cached = context.cachedView?.('inbox');
  const stopSeeding = cached ? effect(() => list.seed(cached.value ?? null)) : () => {};
  const marks = listMarks(env.performance, 'inbox');
  const cursor = signal(0);
  const selected = signal<ReadonlyMap<string, Capture>>(new Map());
  const prompt = signal<InboxPrompt | null>(null);
  const facets = signal<Facets | undefined>(undefined);
  let facetsQuery: LiveQuery<'facets'> | null = null;
  const status = { busy: signal(false), error: signal<string | null>(null), notice: signal<string | null>(null) };
  const run = <T>(task: () => Promise<T>, done?: string) => runCommand(status, task, done);
  const cursorCapture = computed(() => list.rowAt(cursor.value));

  const model: InboxModel = {
    list, filters, facets, cursor, selected, prompt, cursorCapture, ...status,
    setFilter(patch) {
      const next = { ...filters.value, ...patch };
      // The mark comes first: the benchmark measures from the input event to the list showing it.
      marks.filterStart(next.text);
      filters.value = next;
      cursor.value = 0;
      list.setFilter(toInboxFilter(next, context.me()));
      marks.awaiting(list.generation.value);
    },
    loadFacets() {
      if (facetsQuery) return;
      facetsQuery = liveQuery(hub, 'facets', {});
      facetsQuery.value.subscribe((value) => { facets.value = value; });
    },
    moveCursor(delta) {
      const last = list.total.value - 1;
      cursor.value = Math.max(0, Math.min(last, cursor.value + delta));
    },
    toggleSelected(capture) {
      const next = new Map(selected.value);
      if (next.has(capture.id)) next.delete(capture.id);
      else next.set(capture.id, capture);
      selected.value = next;
    },
    clearSelection() {
      selected.value = new Map();
    },
    targets() {
      if (selected.value.size > 0) return [...selected.value.values()];
      const row = cursorCapture.value;
      return row ? [row] : [];
    },
    ask(kind) {
      const targets = model.targets();
      if (targets.length === 0) return;
      const ids = targets.map((c) => c.id);
      prompt.value = kind === 'create' || kind === 'propose' ? { kind, ids, title: titleFromQuote(targets[0]!.text) } : { kind, ids };
    },
    async archive(ids, reason) {
      const ok = await run(() => hub.call('capture.setStatus', { ids, status: 'archived', ...(reason.trim() ? { reason: reason.trim() } : {}) }),
        `Archived ${plural(ids.length, 'capture')}.`);
      if (ok) finish(ids);
      return ok;
    },
    async addTag(ids, tag) {
      const ok = await run(() => hub.call('capture.tag', { ids, add: [tag] }), `Tagged ${plural(ids.length, 'capture')} “${tag.trim().toLowerCase()}”.`);
      if (ok) finish(ids);
      return ok;
    },
    async createAction(ids, title, propose = false) {
      let id: string | null = null;
      const ok = await run(async () => { id = (await hub.call('action.create', { action: { title, captureIds: ids, ...(propose ? { propose } : {}) } })).id; });
      if (!ok || !id) return null;
      finish(ids);
      context.router.go({ view: 'action', id });
      return id;
    },
    open(capture) {
      context.router.go({ view: 'capture', id: capture.id });
    },
    painted(shown) {
      marks.committed(shown);
    },
    dispose() {
      stopSeeding();
      list.dispose();
      facetsQuery?.dispose();
    },
  };

  /** After a command: close its prompt and drop the rows it acted on from the selection. */
  function finish(ids: string[]) {
    prompt.value = null;
    if (ids.some((id) => selected.value.has(id))) {
      const next = new Map(selected.value);
      for (const id of ids) next.delete(id);
      selected.value = next;
    }
  }
  return model;
}
