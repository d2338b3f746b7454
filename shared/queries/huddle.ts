/**
 * @module The huddle: what happened since the last huddle ended (the watermark), or in the last
 * seven days before the first one, in six sections in a fixed order, each with its count.
 */
import { MEETING_STALE_MS } from '../schema/constants';
import type { Action, Capture, Huddle } from '../schema/records';
import type { WorkspaceView } from '../read/workspace-view';
import { addDays } from '../util/dates';
import { byPriority, isOpen, isOverdue } from './actions';
import { findEscalations, type Escalation } from './escalations';
import { byNewest } from './inbox';
import type { Idf } from './similarity';

export const HUDDLE_SECTIONS = ['escalations', 'new', 'overdue', 'blocked', 'due_this_week', 'done'] as const;
export type HuddleSectionId = (typeof HUDDLE_SECTIONS)[number];

export const HUDDLE_SECTION_NAMES: Record<HuddleSectionId, string> = {
  escalations: 'Escalations',
  new: 'New since last huddle',
  overdue: 'Overdue',
  blocked: 'Blocked',
  due_this_week: 'Due this week',
  done: 'Done since last huddle',
};

/** Before the first huddle ends, the huddle looks back this far. */
export const FIRST_HUDDLE_LOOKBACK_DAYS = 7;
/** Rows a section lists unless asked for more; its count is always the full number. */
export const HUDDLE_SECTION_ROWS = 25;

export interface DoneRow {
  action: Action;
  /** Who marked it done, from the activity log (null when the log does not say). */
  closedBy: string | null;
}

export interface HuddleView {
  /** The time the view looks back to. */
  watermark: string;
  /** True when no huddle has ended yet, so the watermark is seven days ago. */
  firstHuddle: boolean;
  /** The huddle running now (started in the last 12 hours, not ended), if any. */
  current: Huddle | null;
  lastEnded: Huddle | null;
  counts: Record<HuddleSectionId, number>;
  escalations: Escalation[];
  newCaptures: Capture[];
  overdue: Action[];
  blocked: Action[];
  dueThisWeek: Action[];
  done: DoneRow[];
}

export interface HuddleOptions {
  now: number;
  /** The viewer's local date, YYYY-MM-DD. */
  today: string;
  idf: Idf;
  limits?: Partial<Record<HuddleSectionId, number>>;
}

export function huddleView(view: WorkspaceView, { now, today, idf, limits = {} }: HuddleOptions): HuddleView {
  const huddles = view.huddles();
  const lastEnded = latest(huddles.filter((h) => h.endedAt !== null), (h) => h.endedAt!);
  const staleBefore = new Date(now - MEETING_STALE_MS).toISOString();
  const current = latest(huddles.filter((h) => h.endedAt === null && h.startedAt >= staleBefore), (h) => h.startedAt);
  const watermark = lastEnded?.endedAt ?? new Date(now - FIRST_HUDDLE_LOOKBACK_DAYS * 86_400_000).toISOString();

  const actions = view.actions();
  const captures = view.captures();
  const weekEnd = addDays(today, 6);
  const newCaptures = captures.filter((c) => c.capturedAt > watermark && c.status !== 'archived').sort(byNewest);
  const overdue = actions.filter((a) => isOverdue(a, today)).sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : byPriority(a, b)));
  const blocked = actions.filter((a) => a.status === 'blocked').sort((a, b) => (a.statusChangedAt < b.statusChangedAt ? -1 : a.statusChangedAt > b.statusChangedAt ? 1 : byPriority(a, b)));
  const dueThisWeek = actions
    .filter((a) => isOpen(a) && a.dueDate !== null && a.dueDate >= today && a.dueDate <= weekEnd)
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : byPriority(a, b)));
  const done = actions
    .filter((a) => a.status === 'done' && (a.doneAt ?? a.statusChangedAt) > watermark)
    .sort((a, b) => ((a.doneAt ?? a.statusChangedAt) < (b.doneAt ?? b.statusChangedAt) ? 1 : -1))
    .map((action) => {
      const change = view.lastStatusChange(action.id);
      return { action, closedBy: change?.to === 'done' ? change.actor : null };
    });
  const escalations = findEscalations({ captures, actions, settings: view.settings(), idf, now });

  const rows = (id: HuddleSectionId) => limits[id] ?? HUDDLE_SECTION_ROWS;
  return {
    watermark,
    firstHuddle: lastEnded === null,
    current,
    lastEnded,
    counts: {
      escalations: escalations.length, new: newCaptures.length, overdue: overdue.length,
      blocked: blocked.length, due_this_week: dueThisWeek.length, done: done.length,
    },
    escalations: escalations.slice(0, rows('escalations')),
    newCaptures: newCaptures.slice(0, rows('new')),
    overdue: overdue.slice(0, rows('overdue')),
    blocked: blocked.slice(0, rows('blocked')),
    dueThisWeek: dueThisWeek.slice(0, rows('due_this_week')),
    done: done.slice(0, rows('done')),
  };
}

function latest<T extends { id: string }>(items: readonly T[], at: (item: T) => string): T | null {
  let best: T | null = null;
  for (const item of items) if (!best || at(item) > at(best) || (at(item) === at(best) && item.id > best.id)) best = item;
  return best;
}
