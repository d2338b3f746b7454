/** @module Initiatives on the transformation map: by horizon, with progress derived from their actions. */
import { HORIZONS, type Horizon } from '../schema/constants';
import type { Action, Initiative } from '../schema/records';
import { byStatusThenPriority, isOverdue } from './actions';

export interface InitiativeProgress {
  /** Done actions. */
  done: number;
  /** Actions that count toward done: all but won't-do (dropped work is not unfinished work). */
  total: number;
  overdue: number;
}

export interface InitiativeSummary {
  initiative: Initiative;
  progress: InitiativeProgress;
}

export function progressOf(actions: readonly Action[], today: string): InitiativeProgress {
  const progress = { done: 0, total: 0, overdue: 0 };
  for (const a of actions) {
    if (a.status === 'wont_do') continue;
    progress.total++;
    if (a.status === 'done') progress.done++;
    if (isOverdue(a, today)) progress.overdue++;
  }
  return progress;
}

/** Actions of each initiative, in list order. */
export function actionsByInitiative(actions: readonly Action[]): Map<string, Action[]> {
  const groups = new Map<string, Action[]>();
  for (const a of actions) if (a.initiativeId) groups.set(a.initiativeId, [...(groups.get(a.initiativeId) ?? []), a]);
  for (const list of groups.values()) list.sort(byStatusThenPriority);
  return groups;
}

/** The transformation map: initiatives by horizon (short, mid, long), each in code order. */
export function initiativeMap(
  initiatives: readonly Initiative[], actions: readonly Action[], today: string,
): Record<Horizon, InitiativeSummary[]> {
  const groups = actionsByInitiative(actions);
  const map = Object.fromEntries(HORIZONS.map((h) => [h, [] as InitiativeSummary[]])) as Record<Horizon, InitiativeSummary[]>;
  for (const initiative of initiatives) {
    map[initiative.horizon].push({ initiative, progress: progressOf(groups.get(initiative.id) ?? [], today) });
  }
  for (const list of Object.values(map)) list.sort((a, b) => a.initiative.number - b.initiative.number);
  return map;
}
