/** @module Check-ins: each member with what they own, open, overdue and done lately. */
import type { Action, Member } from '../schema/records';
import { isOpen, isOverdue } from './actions';

/** "Done lately" looks back this many days. */
export const PEOPLE_DONE_DAYS = 30;

export interface PersonLoad {
  member: Member;
  open: number;
  overdue: number;
  /** Actions they own that were done in the last 30 days. */
  doneRecently: number;
}

export interface PeopleView {
  people: PersonLoad[];
  /** Open work nobody owns yet. */
  unassigned: { open: number; overdue: number };
}

export function peopleView(members: readonly Member[], actions: readonly Action[], options: { now: number; today: string }): PeopleView {
  const since = new Date(options.now - PEOPLE_DONE_DAYS * 86_400_000).toISOString();
  const loads = new Map(members.map((m) => [m.id, { member: m, open: 0, overdue: 0, doneRecently: 0 }]));
  const unassigned = { open: 0, overdue: 0 };
  for (const a of actions) {
    const load = a.assignee ? loads.get(a.assignee) : undefined;
    if (a.status === 'done' && load && (a.doneAt ?? a.statusChangedAt) >= since) load.doneRecently++;
    if (!isOpen(a)) continue;
    const overdue = isOverdue(a, options.today);
    const target = a.assignee === null ? unassigned : load;
    if (!target) continue; // owned by someone no longer in the member list
    target.open++;
    if (overdue) target.overdue++;
  }
  const people = [...loads.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.member.name.localeCompare(b.member.name));
  return { people, unassigned };
}
