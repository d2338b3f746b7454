/**
 * @module Which records a dashboard view covers, as lists (for exports and the outcomes table):
 * captures of the range that match the filter (archived ones are left out, as in the counts), and
 * actions whose evidence matches it and that were live during the range.
 */
import { byStatusThenPriority } from '../queries/actions';
import { byNewest } from '../queries/inbox';
import type { Action, Capture } from '../schema/records';
import { dayOf } from './calendar';
import type { DashboardFilter } from './keys';
import { inRange, type DayRange } from './periods';

const hasFilter = (f: DashboardFilter) => Boolean(f.site || f.channel || f.tag);

/** The capture matches every part of the filter (archived or not). */
export function captureMatches(capture: Capture, filter: DashboardFilter): boolean {
  return (!filter.site || capture.source.site === filter.site)
    && (!filter.channel || capture.channel === filter.channel)
    && (!filter.tag || capture.tags.includes(filter.tag.toLowerCase()));
}

/** Without a filter, every action; with one, those with a piece of evidence matching all of it. */
export function actionMatches(action: Action, filter: DashboardFilter, captureOf: (id: string) => Capture | undefined): boolean {
  if (!hasFilter(filter)) return true;
  return action.captureIds.some((id) => {
    const capture = captureOf(id);
    return capture !== undefined && captureMatches(capture, filter);
  });
}

/** Captures counted in the range under the filter, newest first (the inbox's order). */
export function capturesInView(captures: readonly Capture[], filter: DashboardFilter, range: DayRange): Capture[] {
  return captures.filter((c) => c.status !== 'archived' && inRange(dayOf(c.capturedAt), range) && captureMatches(c, filter)).sort(byNewest);
}

/** When an action stopped being live: done or won't do; null while it is open or proposed. */
export function closedAt(action: Action): string | null {
  if (action.status === 'done') return action.doneAt ?? action.statusChangedAt;
  return action.status === 'wont_do' ? action.statusChangedAt : null;
}

/** Actions under the filter that were live at some time in the range, in the Actions list's order. */
export function actionsInView(actions: readonly Action[], filter: DashboardFilter, range: DayRange, captureOf: (id: string) => Capture | undefined): Action[] {
  return actions.filter((a) => {
    const closed = closedAt(a);
    return dayOf(a.createdAt) <= range.end && (closed === null || dayOf(closed) >= range.start) && actionMatches(a, filter, captureOf);
  }).sort(byStatusThenPriority);
}

/** Done actions whose done day is in the range, under the filter. */
export function doneInView(actions: readonly Action[], filter: DashboardFilter, range: DayRange, captureOf: (id: string) => Capture | undefined): Action[] {
  return actions.filter((a) => a.status === 'done' && inRange(dayOf(closedAt(a)!), range) && actionMatches(a, filter, captureOf));
}
