/** @module Live queries of the dashboard: charts, cluster themes, outcomes, one action's outcome, the monthly report. */
import { actionOutcome, dashboardView, outcomesView, reportView, themesView } from '../../../shared/dashboard/views';
import type { QueryArgs, QueryResult } from '../../messaging/protocol';
import { cleanFilter, cleanMonth, cleanPeriod, viewEnv } from './dashboard-env';
import type { QueryEnv } from './env';

export type DashboardQuery = 'dashboard' | 'dashboardThemes' | 'outcomes' | 'outcome' | 'report';

type Handler<Q extends DashboardQuery> = (args: QueryArgs<Q>, env: QueryEnv) => QueryResult<Q>;

/** Rows of the outcomes table by default, and at most. */
const OUTCOME_ROWS = 25;
const MAX_OUTCOME_ROWS = 500;

export const dashboardQueries: { [Q in DashboardQuery]: Handler<Q> } = {
  dashboard: ({ period, filter }, env) => dashboardView(viewEnv(env.state, env.now()), cleanPeriod(period), cleanFilter(filter)),
  dashboardThemes: ({ period, filter }, env) => themesView(viewEnv(env.state, env.now()), cleanPeriod(period), cleanFilter(filter)),
  outcomes({ period, filter, limit }, env) {
    const rows = typeof limit === 'number' && Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_OUTCOME_ROWS) : OUTCOME_ROWS;
    return outcomesView(viewEnv(env.state, env.now()), cleanPeriod(period), cleanFilter(filter), rows);
  },
  outcome: ({ id }, env) => (env.state.replica ? actionOutcome(viewEnv(env.state, env.now()), String(id)) : null),
  report: ({ month }, env) => reportView(viewEnv(env.state, env.now()), cleanMonth(month, env.now())),
};
