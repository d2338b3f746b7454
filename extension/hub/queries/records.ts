/** @module Live queries over captures, actions, members and this installation's settings. */
import { canWrite } from '../../../shared/invite';
import { localCalendarDate } from '../../../shared/util/dates';
import { captureFingerprint } from '../../../shared/util/fingerprint';
import { historyOf, queryActions } from '../../../shared/queries/actions';
import { scoreProposals } from '../../../shared/queries/board';
import { countWorkspace } from '../../../shared/queries/counts';
import { queryInbox, sitesInUse, tagsInUse, type InboxFilter } from '../../../shared/queries/inbox';
import { suggestActions } from '../../../shared/queries/similarity';
import { CHANNELS, SENTIMENTS } from '../../../shared/schema/constants';
import type { Capture } from '../../../shared/schema/records';
import type { QueryArgs, QueryResult } from '../../messaging/protocol';
import { objectArgs, type QueryEnv } from './env';
import { groupsFor } from './groups';
import { idfFor } from './idf';

export type RecordQuery = 'status' | 'captureContext' | 'inbox' | 'capture' | 'actions' | 'action' | 'members' | 'counts' | 'settings' | 'facets';

type Handler<Q extends RecordQuery> = (args: QueryArgs<Q>, env: QueryEnv) => QueryResult<Q>;

// The filter menus' values change only with the captures list, which the view replaces on every
// change (like the IDF table): every popup asks for them, so they are counted once per list.
const facetsCache = new WeakMap<readonly Capture[], QueryResult<'facets'>>();
function facetsFor(captures: readonly Capture[]): QueryResult<'facets'> {
  let facets = facetsCache.get(captures);
  if (!facets) {
    facets = { tags: tagsInUse(captures), sites: sitesInUse(captures), sentiments: [...SENTIMENTS], channels: [...CHANNELS] };
    facetsCache.set(captures, facets);
  }
  return facets;
}

export const recordQueries: { [Q in RecordQuery]: Handler<Q> } = {
  status: (_args, env) => env.status(),
  captureContext({ text, url }, { state }) {
    const view = state.replica?.view;
    if (!view || typeof text !== 'string' || typeof url !== 'string') return { tags: [], duplicateOf: null, canWrite: false, redactPersonalData: true };
    const fingerprint = captureFingerprint(text.trim(), url);
    const duplicate = view.captures().find((c) => c.fingerprint === fingerprint);
    return {
      tags: tagsInUse(view.captures()).slice(0, 50),
      duplicateOf: duplicate ? { id: duplicate.id, capturedBy: duplicate.capturedBy, capturedAt: duplicate.capturedAt } : null,
      canWrite: canWrite(state.role),
      redactPersonalData: view.settings().redactPersonalData,
    };
  },
  inbox({ filter, page }, { state }) {
    const view = state.replica?.view;
    if (!view) return { total: 0, offset: 0, items: [] };
    const f = objectArgs(filter) as InboxFilter;
    // Grouping costs a clustering pass (cached per change): only when the filter asks for it.
    const groups = f.groupSimilar === true || typeof f.similarTo === 'string' ? groupsFor(view.captures()) : undefined;
    return queryInbox(view.captures(), f, objectArgs(page), groups);
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
      initiative: action.initiativeId ? view.initiative(action.initiativeId) ?? null : null,
      score: action.status === 'proposed'
        ? scoreProposals(view.actions(), (cid) => view.capture(cid)).find((p) => p.action.id === action.id)?.score ?? null
        : null,
    };
  },
  settings: (_args, { state }) => ({
    memberId: state.settings.memberId,
    name: state.settings.name,
    preferences: state.settings.preferences,
    managed: state.settings.managed,
    policyProblems: state.settings.policyProblems,
    redaction: state.settings.redaction,
  }),
  counts: (_args, { state, now }) => countWorkspace(state.replica?.view.captures() ?? [], state.replica?.view.actions() ?? [], {
    me: state.settings.memberId, today: localCalendarDate(now()),
  }),
  members: (_args, { state }) => [...(state.replica?.view.members() ?? [])].sort((a, b) => a.name.localeCompare(b.name)),
  facets(_args, { state }) {
    return facetsFor(state.replica?.view.captures() ?? []);
  },
};
