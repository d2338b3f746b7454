/** @module The weekly digest: the four numbers that say whether the team should look now. */
import type { WorkspaceView } from '../read/workspace-view';
import { addDays } from '../util/dates';
import { isOpen, isOverdue } from './actions';
import { findEscalations } from './escalations';
import type { Idf } from './similarity';

export interface Digest {
  overdue: number;
  dueThisWeek: number;
  /** Captures of the last seven days. */
  newCaptures: number;
  escalations: number;
}

export function weeklyDigest(view: WorkspaceView, { now, today, idf }: { now: number; today: string; idf: Idf }): Digest {
  const actions = view.actions();
  const weekEnd = addDays(today, 6);
  const since = new Date(now - 7 * 86_400_000).toISOString();
  const captures = view.captures();
  return {
    overdue: actions.filter((a) => isOverdue(a, today)).length,
    dueThisWeek: actions.filter((a) => isOpen(a) && a.dueDate !== null && a.dueDate >= today && a.dueDate <= weekEnd).length,
    newCaptures: captures.filter((c) => c.capturedAt >= since && c.status !== 'archived').length,
    escalations: findEscalations({ captures, actions, settings: view.settings(), idf, now }).length,
  };
}

/** The digest in words, for the notification. */
export function digestWords(d: Digest): string {
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  return [n(d.overdue, 'overdue', 'overdue'), n(d.dueThisWeek, 'due this week', 'due this week'),
    n(d.newCaptures, 'new capture', 'new captures'), n(d.escalations, 'escalation', 'escalations')].join(', ');
}
