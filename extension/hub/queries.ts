/** @module Live query handlers: plain JSON views of the workspace, recomputed when it changes. */
import { canWrite } from '../../shared/invite';
import { localCalendarDate } from '../../shared/util/dates';
import { captureFingerprint } from '../../shared/util/fingerprint';
import { historyOf, queryActions } from '../../shared/queries/actions';
import { countWorkspace } from '../../shared/queries/counts';
import { queryInbox, sitesInUse, tagsInUse } from '../../shared/queries/inbox';
import { buildIdf, suggestActions, type Idf } from '../../shared/queries/similarity';
import type { Capture } from '../../shared/schema/records';
import { CHANNELS, SENTIMENTS } from '../../shared/schema/constants';
import type { HubStatus, QueryArgs, QueryName, QueryResult } from '../messaging/protocol';
import { HubRequestError } from './errors';
import type { HubState } from './hub';

export interface QueryEnv {
  state: HubState;
  status(): HubStatus;
  now(): number;
}

type Handler<Q extends QueryName> = (args: QueryArgs<Q>, env: QueryEnv) => QueryResult<Q>;

const objectArgs = (args: unknown) => (args && typeof args === 'object' && !Array.isArray(args) ? args : {});

// The IDF table depends only on the captures list, which the view replaces on every change.
const idfCache = new WeakMap<readonly Capture[], Idf>();
function idfFor(captures: readonly Capture[]): Idf {
  let idf = idfCache.get(captures);
  if (!idf) {
    idf = buildIdf(captures.map((c) => c.text));
    idfCache.set(captures, idf);
  }
  return idf;
}

const handlers: { [Q in QueryName]: Handler<Q> } = {
  status: (_args, env) => env.status(),
  captureContext({ text, url }, { state }) {
    const view = state.replica?.view;
    if (!view || typeof text !== 'string' || typeof url !== 'string') return { tags: [], duplicateOf: null, canWrite: false };
    const fingerprint = captureFingerprint(text.trim(), url);
    const duplicate = view.captures().find((c) => c.fingerprint === fingerprint);
    return {
      tags: tagsInUse(view.captures()).slice(0, 50),
      duplicateOf: duplicate ? { id: duplicate.id, capturedBy: duplicate.capturedBy, capturedAt: duplicate.capturedAt } : null,
      canWrite: canWrite(state.role),
    };
  },
  inbox({ filter, page }, { state }) {
    const view = state.replica?.view;
    if (!view) return { total: 0, offset: 0, items: [] };
    return queryInbox(view.captures(), objectArgs(filter), objectArgs(page));
  },
  capture({ id }, { state }) {
    const view = state.replica?.view;
    const capture = view?.capture(String(id));
    if (!view || !capture) return null;
    return {
      capture,
      actions: capture.actionIds.map((actionId) => view.action(actionId)).filter((a) => a !== undefined),
      history: historyOf(view.activity(), capture.id),
      suggestions: suggestActions(capture, view.actions(), (cid) => view.capture(cid), idfFor(view.captures())),
    };
  },
  actions({ filter, page }, { state }) {
    const view = state.replica?.view;
    if (!view) return { total: 0, offset: 0, items: [] };
    return queryActions(view.actions(), objectArgs(filter), objectArgs(page));
  },
  action({ id }, { state }) {
    const view = state.replica?.view;
    const action = view?.action(String(id));
    if (!view || !action) return null;
    return {
      action,
      captures: action.captureIds.map((cid) => view.capture(cid)).filter((c) => c !== undefined),
      history: historyOf(view.activity(), action.id),
    };
  },
  settings: (_args, { state }) => ({
    memberId: state.settings.memberId,
    name: state.settings.name,
    preferences: state.settings.preferences,
    managed: state.settings.managed,
    policyProblems: state.settings.policyProblems,
  }),
  counts: (_args, { state, now }) => countWorkspace(state.replica?.view.captures() ?? [], state.replica?.view.actions() ?? [], {
    me: state.settings.memberId, today: localCalendarDate(now()),
  }),
  members: (_args, { state }) => [...(state.replica?.view.members() ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  facets(_args, { state }) {
    const captures = state.replica?.view.captures() ?? [];
    return { tags: tagsInUse(captures), sites: sitesInUse(captures), sentiments: [...SENTIMENTS], channels: [...CHANNELS] };
  },
};

export function runQuery<Q extends QueryName>(name: Q, args: unknown, env: QueryEnv): QueryResult<Q> {
  if (!Object.hasOwn(handlers, name)) throw new HubRequestError({ code: 'invalid', message: `Unknown query "${String(name)}".` });
  return (handlers[name] as Handler<Q>)(objectArgs(args) as QueryArgs<Q>, env);
}
