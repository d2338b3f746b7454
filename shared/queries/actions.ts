/** @module Action views: by status and owner, overdue, and the impact/effort 2x2 with quick wins first. */
import { CLOSED_ACTION_STATUSES, SCORE_HIGH_FROM, type ActionStatus } from '../schema/constants';
import type { Action, ActivityEntry } from '../schema/records';
import { paginate, type PageOf, type PageRequest } from './inbox';
import { createMatcher, parseQuery } from './text-search';

/** Done or won't do (a declined proposal is won't do). */
export function isClosed(action: Action): boolean {
  return CLOSED_ACTION_STATUSES.includes(action.status);
}

/** Waiting for the change board. */
export function isProposal(action: Action): boolean {
  return action.status === 'proposed';
}

/** Work the team has taken on and not finished: open, in progress or blocked (not a proposal). */
export function isOpen(action: Action): boolean {
  return !isClosed(action) && !isProposal(action);
}

/** Not closed: open work or a proposal. A theme with one of these linked is being dealt with. */
export function isLive(action: Action): boolean {
  return !isClosed(action);
}

/** Open and due strictly before `today` (YYYY-MM-DD, the viewer's local date). */
export function isOverdue(action: Action, today: string): boolean {
  return isOpen(action) && action.dueDate !== null && action.dueDate < today;
}

/** Open and due today or earlier: what the badge counts. */
export function isDueOrOverdue(action: Action, today: string): boolean {
  return isOpen(action) && action.dueDate !== null && action.dueDate <= today;
}

export type Quadrant = 'quick_win' | 'big_bet' | 'fill_in' | 'money_pit' | 'unscored';

/** Impact and effort of 3 or more count as high: quick wins are high impact and low effort. */
export function quadrantOf(action: Action): Quadrant {
  if (action.impact === null || action.effort === null) return 'unscored';
  const highImpact = action.impact >= SCORE_HIGH_FROM;
  const highEffort = action.effort >= SCORE_HIGH_FROM;
  if (highImpact) return highEffort ? 'big_bet' : 'quick_win';
  return highEffort ? 'money_pit' : 'fill_in';
}

const QUADRANT_RANK: Record<Quadrant, number> = { quick_win: 0, big_bet: 1, fill_in: 2, unscored: 3, money_pit: 4 };

/**
 * Priority order: quick wins first, then big bets, fill-ins, unscored, money pits; inside a
 * quadrant the best impact-for-effort first, then the earliest due date, then the oldest.
 */
export function byPriority(a: Action, b: Action): number {
  return QUADRANT_RANK[quadrantOf(a)] - QUADRANT_RANK[quadrantOf(b)]
    || gain(b) - gain(a)
    || compareDue(a, b)
    || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)
    || (a.id < b.id ? -1 : 1);
}

function gain(action: Action): number {
  return action.impact === null || action.effort === null ? 0 : action.impact - action.effort;
}

function compareDue(a: Action, b: Action): number {
  if (a.dueDate === b.dueDate) return 0;
  if (a.dueDate === null) return 1;
  if (b.dueDate === null) return -1;
  return a.dueDate < b.dueDate ? -1 : 1;
}

/** Open work first, then proposals, then closed; inside each, priority. */
export function byStatusThenPriority(a: Action, b: Action): number {
  return statusRank(a) - statusRank(b) || byPriority(a, b);
}

const statusRank = (action: Action) => (isOpen(action) ? 0 : isProposal(action) ? 1 : 2);

export type ActionView = 'all' | 'mine' | 'overdue' | 'quick_wins' | 'proposals';

export interface ActionFilter {
  view?: ActionView;
  /** Member id of the viewer, for "mine". */
  me?: string;
  /** The viewer's local date, for "overdue". */
  today?: string;
  status?: ActionStatus;
  /** A member id, or "unassigned". */
  assignee?: string;
  /** Actions of one initiative. */
  initiativeId?: string;
  text?: string;
  /** Leave done and won't-do out (views other than "all" always do). */
  openOnly?: boolean;
}

const matches = createMatcher<Action>((a) => `${a.title} ${a.description} ${a.resolution ?? ''}`);

export function filterActions(actions: readonly Action[], filter: ActionFilter): Action[] {
  const view = filter.view ?? 'all';
  if (view === 'mine' && !filter.me) return [];
  if (view === 'overdue' && !filter.today) throw new Error('The overdue view needs today\'s date.');
  const terms = parseQuery(filter.text ?? '');
  const openOnly = filter.openOnly ?? (view !== 'all' && view !== 'proposals');
  return actions.filter((a) =>
    (!openOnly || isOpen(a))
    && (view !== 'proposals' || isProposal(a))
    && (view !== 'mine' || a.assignee === filter.me)
    && (view !== 'overdue' || isOverdue(a, filter.today!))
    && (view !== 'quick_wins' || quadrantOf(a) === 'quick_win')
    && (filter.status === undefined || a.status === filter.status)
    && (filter.assignee === undefined || (filter.assignee === 'unassigned' ? a.assignee === null : a.assignee === filter.assignee))
    && (filter.initiativeId === undefined || a.initiativeId === filter.initiativeId)
    && matches(a, terms));
}

export function queryActions(actions: readonly Action[], filter: ActionFilter = {}, page: PageRequest = {}): PageOf<Action> {
  const view = filter.view ?? 'all';
  const order = view === 'overdue' ? (a: Action, b: Action) => compareDue(a, b) || byPriority(a, b) : byStatusThenPriority;
  return paginate(filterActions(actions, filter).sort(order), page);
}

/** Open actions grouped into the 2x2, each group in priority order. */
export function quadrants(actions: readonly Action[]): Record<Quadrant, Action[]> {
  const groups: Record<Quadrant, Action[]> = { quick_win: [], big_bet: [], fill_in: [], money_pit: [], unscored: [] };
  for (const action of actions) if (isOpen(action)) groups[quadrantOf(action)].push(action);
  for (const list of Object.values(groups)) list.sort(byPriority);
  return groups;
}

/** The activity of one record, newest first. */
export function historyOf(activity: readonly ActivityEntry[], targetId: string): ActivityEntry[] {
  return activity.filter((entry) => entry.targetId === targetId)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.id < b.id ? -1 : 1));
}
