/** @module Counts for tabs, badges and the status line. */
import { ACTION_STATUSES, CAPTURE_STATUSES, type ActionStatus, type CaptureStatus } from '../schema/constants';
import type { Action, Capture } from '../schema/records';
import { isDueOrOverdue, isOpen, isOverdue, quadrantOf } from './actions';

export interface WorkspaceCounts {
  captures: Record<CaptureStatus, number>;
  actions: Record<ActionStatus, number>;
  overdue: number;
  quickWins: number;
  mine: { open: number; dueOrOverdue: number; overdue: number };
  /** Customers waiting for a reply (follow-up `reply_needed`, archived captures left out): the reply queue. */
  repliesNeeded: number;
}

export function countWorkspace(
  captures: readonly Capture[], actions: readonly Action[], viewer: { me: string | null; today: string },
): WorkspaceCounts {
  const counts: WorkspaceCounts = {
    captures: Object.fromEntries(CAPTURE_STATUSES.map((s) => [s, 0])) as Record<CaptureStatus, number>,
    actions: Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>,
    overdue: 0,
    quickWins: 0,
    mine: { open: 0, dueOrOverdue: 0, overdue: 0 },
    repliesNeeded: 0,
  };
  for (const c of captures) {
    counts.captures[c.status]++;
    if (c.status !== 'archived' && c.loop.state === 'reply_needed') counts.repliesNeeded++;
  }
  for (const a of actions) {
    counts.actions[a.status]++;
    if (!isOpen(a)) continue;
    if (isOverdue(a, viewer.today)) counts.overdue++;
    if (quadrantOf(a) === 'quick_win') counts.quickWins++;
    if (viewer.me !== null && a.assignee === viewer.me) {
      counts.mine.open++;
      if (isDueOrOverdue(a, viewer.today)) counts.mine.dueOrOverdue++;
      if (isOverdue(a, viewer.today)) counts.mine.overdue++;
    }
  }
  return counts;
}
