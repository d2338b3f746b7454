/** @module The inbox: captures filtered, searched, newest first, one page at a time. */
import type { CaptureStatus, Channel, LoopState, Sentiment } from '../schema/constants';
import type { Capture } from '../schema/records';
import { groupSimilar, type Grouped } from './similar-captures';
import { createMatcher, parseQuery } from './text-search';

export interface InboxFilter {
  /** Only captures in this status; undefined means any status. */
  status?: CaptureStatus;
  tag?: string;
  channel?: Channel;
  /** A sentiment, or "unset" for captures nobody has judged yet. */
  sentiment?: Sentiment | 'unset';
  site?: string;
  capturedBy?: string;
  /**
   * Follow-up state. `reply_needed` is the reply queue: it leaves out archived captures unless
   * `status` asks for archived ones (the team set them aside; the count on the Inbox tab agrees).
   */
  loop?: LoopState;
  /** What revisiting the page found: the review changed, or it is gone (schema 3). */
  sourceCheck?: 'changed' | 'missing';
  /** List each group of near duplicates once, its newest capture carrying `similarIds` ("+3 similar"). */
  groupSimilar?: boolean;
  /** Only the near-duplicate group of this capture. */
  similarTo?: string;
  /** Free text over quote, note, tags, author, page title, site and platform. */
  text?: string;
}

export interface PageRequest {
  offset?: number;
  limit?: number;
}

export interface PageOf<T> {
  total: number;
  offset: number;
  items: T[];
}

const matches = createMatcher<Capture>((c) =>
  [c.text, c.note, c.tags.join(' '), c.source.author ?? '', c.source.title, c.source.site, c.source.platform ?? ''].join(' '));

/** The filter as one predicate (the text terms parsed once). */
export function captureFilter(filter: InboxFilter): (capture: Capture) => boolean {
  const terms = parseQuery(filter.text ?? '');
  const tag = filter.tag?.toLowerCase();
  return (c) =>
    (filter.status === undefined || c.status === filter.status)
    && (tag === undefined || c.tags.includes(tag))
    && (filter.channel === undefined || c.channel === filter.channel)
    && (filter.sentiment === undefined || (filter.sentiment === 'unset' ? c.sentiment === null : c.sentiment === filter.sentiment))
    && (filter.site === undefined || c.source.site === filter.site)
    && (filter.capturedBy === undefined || c.capturedBy === filter.capturedBy)
    && (filter.loop === undefined || (c.loop.state === filter.loop
      && (filter.loop !== 'reply_needed' || c.status !== 'archived' || filter.status === 'archived')))
    && (filter.sourceCheck === undefined || c.sourceCheck?.state === filter.sourceCheck)
    && matches(c, terms);
}

export function filterCaptures(captures: readonly Capture[], filter: InboxFilter): Capture[] {
  return captures.filter(captureFilter(filter));
}

/** Newest first; ties broken by id so every replica lists the same order. */
export function byNewest(a: Capture, b: Capture): number {
  if (a.capturedAt !== b.capturedAt) return a.capturedAt < b.capturedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

// The workspace view hands out a new list after every change and the same one until then, so each
// list is sorted once: a popup opening, a filter change or a scroll no longer sorts every capture.
const sortedLists = new WeakMap<readonly Capture[], readonly Capture[]>();

/** The captures newest first, computed once per list (lists are snapshots: never changed in place). */
export function newestFirst(captures: readonly Capture[]): readonly Capture[] {
  let sorted = sortedLists.get(captures);
  if (!sorted) {
    sorted = [...captures].sort(byNewest);
    sortedLists.set(captures, sorted);
  }
  return sorted;
}

/**
 * One page of the matching captures, newest first, and how many match in all. `groups`
 * (near-duplicate groups, see similar-captures.ts) serves the `groupSimilar` and `similarTo`
 * filters; without it they change nothing. Without them only the page is copied.
 */
export function queryInbox(
  captures: readonly Capture[], filter: InboxFilter = {}, page: PageRequest = {}, groups?: ReadonlyMap<string, readonly string[]>,
): PageOf<Grouped<Capture>> {
  const keep = captureFilter(filter);
  if (groups && typeof filter.similarTo === 'string') {
    const members = new Set(groups.get(filter.similarTo) ?? [filter.similarTo]);
    return paginate(newestFirst(captures).filter((c) => members.has(c.id) && keep(c)), page);
  }
  if (groups && filter.groupSimilar === true) return paginate(groupSimilar(newestFirst(captures).filter(keep), groups), page);
  const offset = Math.max(0, page.offset ?? 0);
  const limit = Math.max(0, page.limit ?? 50);
  const items: Capture[] = [];
  let total = 0;
  for (const capture of newestFirst(captures)) {
    if (!keep(capture)) continue;
    if (total >= offset && items.length < limit) items.push(capture);
    total++;
  }
  return { total, offset: Math.min(offset, total), items };
}

export function paginate<T>(items: T[], { offset = 0, limit = 50 }: PageRequest): PageOf<T> {
  const start = Math.max(0, Math.min(offset, items.length));
  return { total: items.length, offset: start, items: items.slice(start, start + Math.max(0, limit)) };
}

/** Tags in use, most used first: what the capture dialog suggests. */
export function tagsInUse(captures: readonly Capture[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of captures) for (const tag of c.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Distinct values for the site filter, most captured first. */
export function sitesInUse(captures: readonly Capture[]): { site: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of captures) if (c.source.site) counts.set(c.source.site, (counts.get(c.source.site) ?? 0) + 1);
  return [...counts].map(([site, count]) => ({ site, count })).sort((a, b) => b.count - a.count || a.site.localeCompare(b.site));
}
