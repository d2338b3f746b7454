/**
 * @module The dashboard's side of the hub: the live aggregates of each open workspace (built on the
 * first dashboard query, then kept up to date from every change until the replica closes), and the
 * checks on a dashboard query's arguments.
 */
import { createDashboardAggregates, type DashboardAggregates } from '../../../shared/dashboard/aggregates';
import type { DashboardFilter } from '../../../shared/dashboard/keys';
import { isPeriod, type PeriodId } from '../../../shared/dashboard/periods';
import type { ViewEnv } from '../../../shared/dashboard/views';
import type { WorkspaceView } from '../../../shared/read/workspace-view';
import { CHANNELS, LIMITS, type Channel } from '../../../shared/schema/constants';
import { localCalendarDate } from '../../../shared/util/dates';
import { refuse } from '../errors';
import type { HubState } from '../hub-state';
import { idfFor } from './idf';

const live = new WeakMap<WorkspaceView, DashboardAggregates>();

/** The aggregates of this view, made (and subscribed to its changes) on first use. */
export function aggregatesOf(view: WorkspaceView): DashboardAggregates {
  let aggregates = live.get(view);
  if (!aggregates) live.set(view, (aggregates = createDashboardAggregates(view, { live: true })));
  return aggregates;
}

export function viewEnv(state: HubState, now: number): ViewEnv {
  const view = state.replica?.view;
  if (!view) throw refuse('not_joined', 'Join a workspace first: open Closeloop options and paste your invite code.');
  return { view, aggregates: aggregatesOf(view), now, today: localCalendarDate(now), idf: idfFor(view.captures()) };
}

export function cleanPeriod(raw: unknown): PeriodId {
  if (raw === undefined) return '30';
  if (!isPeriod(raw)) throw refuse('invalid', 'The period must be 30, 90, 365 days or all time.');
  return raw;
}

export function cleanFilter(raw: unknown): DashboardFilter {
  const f = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const filter: DashboardFilter = {};
  if (f.site !== undefined && f.site !== '') {
    if (typeof f.site !== 'string' || f.site.length > 253) throw refuse('invalid', 'The site filter must be a host name.');
    filter.site = f.site;
  }
  if (f.channel !== undefined && f.channel !== '') {
    if (!(CHANNELS as readonly unknown[]).includes(f.channel)) throw refuse('invalid', `The channel must be one of ${CHANNELS.join(', ')}.`);
    filter.channel = f.channel as Channel;
  }
  if (f.tag !== undefined && f.tag !== '') {
    if (typeof f.tag !== 'string' || f.tag.length > LIMITS.tag) throw refuse('invalid', `A tag has at most ${LIMITS.tag} characters.`);
    filter.tag = f.tag.toLowerCase();
  }
  return filter;
}

export function cleanMonth(raw: unknown, now: number): string {
  if (raw === undefined || raw === '') return localCalendarDate(now).slice(0, 7);
  if (typeof raw !== 'string' || !/^\d{4}-(0[1-9]|1[0-2])$/.test(raw)) throw refuse('invalid', 'The month must look like 2026-11.');
  return raw;
}
