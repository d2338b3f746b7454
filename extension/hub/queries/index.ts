/** @module Dispatches a live query by name: plain JSON views of the workspace, recomputed when it changes. */
import type { QueryName, QueryResult } from '../../messaging/protocol';
import { refuse } from '../errors';
import { cadenceQueries } from './cadence';
import { dashboardQueries } from './dashboard';
import { objectArgs, type QueryEnv } from './env';
import { pageQueries } from './pages';
import { recordQueries } from './records';

export type { QueryEnv } from './env';

const handlers = { ...recordQueries, ...cadenceQueries, ...pageQueries, ...dashboardQueries } satisfies Record<QueryName, unknown>;

export function runQuery<Q extends QueryName>(name: Q, args: unknown, env: QueryEnv): QueryResult<Q> {
  if (!Object.hasOwn(handlers, name)) throw refuse('invalid', `Unknown query "${String(name)}".`);
  return (handlers[name] as (a: unknown, e: QueryEnv) => QueryResult<Q>)(objectArgs(args), env);
}
