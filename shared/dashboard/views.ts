/**
 * @module The dashboard's views of a workspace, as the hub answers them: the charts' data, cluster
 * themes, the outcomes table, one action's outcome and the monthly report. Plain JSON out; the
 * counters come from the live aggregates, lists from the workspace view.
 */
import { filterActions, isOpen, queryActions } from '../queries/actions';
import { progressOf, actionsByInitiative, type InitiativeSummary } from '../queries/initiatives';
import type { Idf } from '../queries/similarity';
import type { WorkspaceView } from '../read/workspace-view';
import type { Action } from '../schema/records';
import type { DashboardAggregates } from './aggregates';
import { DAY_MS, monthRange, utcDay } from './calendar';
import { captureIndexFor } from './capture-index';
import { clusterThemes } from './cluster-themes';
import { dashboardData, type DashboardData, type ThemeChange } from './dashboard-data';
import type { DashboardFilter } from './keys';
import { outcomeTable } from './outcome-table';
import { outcomeOf, type Outcome } from './outcomes';
import { periodRange, themeRanges, type DayRange, type PeriodId } from './periods';
import { capturesInView, doneInView } from './selection';

export interface DashboardView extends DashboardData {
  period: PeriodId;
  filter: DashboardFilter;
  initiatives: { open: number; total: number };
}

export interface ThemesView {
  windows: { current: DayRange; previous: DayRange };
  rising: ThemeChange[];
  falling: ThemeChange[];
}

export interface OutcomesView {
  rows: Outcome[];
  /** Done actions in the range, before the limit. */
  total: number;
}

export interface ReportView {
  month: string;
  workspace: string;
  /** The month, cut at today for the current month. */
  range: DayRange;
  data: DashboardData;
  clusters: { rising: ThemeChange[]; falling: ThemeChange[] };
  wins: Outcome[];
  initiatives: InitiativeSummary[];
  /** The open actions first in priority order, for workspaces without initiatives. */
  topActions: Action[];
  overdue: { action: Action; owner: string; daysOverdue: number }[];
  overdueTotal: number;
}

export interface ViewEnv {
  view: WorkspaceView;
  aggregates: DashboardAggregates;
  now: number;
  /** The viewer's local date (overdue is judged against it). */
  today: string;
  idf: Idf;
}

const OPEN_INITIATIVE = new Set(['planned', 'active', 'on_hold']);
const REPORT_LIST = 10;

/** The range a period covers today (UTC days); "all" from the first day anything happened. */
export function rangeFor(env: ViewEnv, period: PeriodId, filter: DashboardFilter): DayRange {
  const cube = env.aggregates.cube(filter);
  let earliest: string | null = null;
  for (const day of [...(cube?.captures.keys() ?? []), ...(cube?.actions.keys() ?? [])]) if (earliest === null || day < earliest) earliest = day;
  return periodRange(period, utcDay(env.now), earliest);
}

const memberName = (env: ViewEnv) => (id: string) => env.view.member(id)?.name;

export function dashboardView(env: ViewEnv, period: PeriodId, filter: DashboardFilter): DashboardView {
  const range = rangeFor(env, period, filter);
  const data = dashboardData(env.aggregates.cube(filter), range, period, { today: env.today, memberName: memberName(env) });
  const initiatives = env.view.initiatives();
  return { ...data, period, filter, initiatives: { open: initiatives.filter((i) => OPEN_INITIATIVE.has(i.status)).length, total: initiatives.length } };
}

export function themesView(env: ViewEnv, period: PeriodId, filter: DashboardFilter): ThemesView {
  const windows = themeRanges(period, rangeFor(env, period, filter));
  const captures = capturesInView(env.view.captures(), filter, { start: windows.previous.start, end: windows.current.end });
  return { windows, ...clusterThemes(captures, windows) };
}

export function outcomesView(env: ViewEnv, period: PeriodId, filter: DashboardFilter, limit: number): OutcomesView {
  const captureOf = (id: string) => env.view.capture(id);
  const done = doneInView(env.view.actions(), filter, rangeFor(env, period, filter), captureOf);
  const rows = outcomeTable(done, captureOf, captureIndexFor(env.view.captures()), { now: env.now, idf: env.idf });
  return { rows: rows.slice(0, limit), total: rows.length };
}

export function actionOutcome(env: ViewEnv, id: string): Outcome | null {
  const action = env.view.action(id);
  if (!action) return null;
  const evidence = action.captureIds.map((c) => env.view.capture(c)).filter((c) => c !== undefined);
  return outcomeOf(action, evidence, captureIndexFor(env.view.captures()), { now: env.now, idf: env.idf });
}

export function reportView(env: ViewEnv, month: string): ReportView {
  const full = monthRange(month);
  const todayUtc = utcDay(env.now);
  const range = { start: full.start, end: full.end < todayUtc ? full.end : todayUtc < full.start ? full.start : todayUtc };
  const data = dashboardData(env.aggregates.cube({}), range, null, { today: env.today, memberName: memberName(env) });
  const captureOf = (id: string) => env.view.capture(id);
  const actions = env.view.actions();
  const wins = outcomeTable(doneInView(actions, {}, range, captureOf), captureOf, captureIndexFor(env.view.captures()), { now: env.now, idf: env.idf });
  const groups = actionsByInitiative(actions);
  const initiatives = env.view.initiatives().filter((i) => OPEN_INITIATIVE.has(i.status))
    .map((initiative) => ({ initiative, progress: progressOf(groups.get(initiative.id) ?? [], env.today) }));
  const overdue = filterActions(actions, { view: 'overdue', today: env.today })
    .sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : 0));
  const name = memberName(env);
  return {
    month,
    workspace: env.view.meta().name,
    range,
    data,
    clusters: clusterThemes(capturesInView(env.view.captures(), {}, { start: data.themeWindows.previous.start, end: range.end }), data.themeWindows),
    wins,
    initiatives,
    topActions: queryActions(actions.filter(isOpen), { view: 'all', openOnly: true }, { limit: REPORT_LIST }).items,
    overdue: overdue.slice(0, REPORT_LIST * 2).map((action) => ({
      action,
      owner: action.assignee ? name(action.assignee) ?? 'Former member' : 'Unassigned',
      daysOverdue: Math.round((Date.parse(`${env.today}T00:00:00Z`) - Date.parse(`${action.dueDate}T00:00:00Z`)) / DAY_MS),
    })),
    overdueTotal: overdue.length,
  };
}
