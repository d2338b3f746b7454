/** @module Typed mutations on action items: create, edit, link evidence, assign, status, due, score, comment. */
import * as Y from 'yjs';
import { ACTION_STATUSES, CLOSED_ACTION_STATUSES, LIMITS, type ActionStatus } from '../schema/constants';
import type { RecordMap } from '../doc/roots';
import { MutationError, mutate, requireRecord, setField, setLogged, type MutationContext, type MutationTx } from './context';
import { cleanText, dueDate as cleanDueDate, ids as cleanIds, oneOf, score } from './input';

export interface NewAction {
  title: string;
  description?: string;
  /** Captures that are the evidence for this action; they are marked triaged. */
  captureIds?: string[];
  assignee?: string | null;
  dueDate?: string | null;
  impact?: number | null;
  effort?: number | null;
  /** Start as a proposal for the change board (status `proposed`) instead of open work. */
  propose?: boolean;
  /** The initiative it belongs to. */
  initiativeId?: string | null;
}

export function createAction(ctx: MutationContext, input: NewAction): string {
  const title = cleanText(input.title, 'The title', LIMITS.actionTitle, { required: true });
  const description = cleanText(input.description, 'The description', LIMITS.actionDescription);
  const captureIds = cleanIds(input.captureIds ?? [], 'Evidence');
  const due = input.dueDate === undefined ? null : cleanDueDate(input.dueDate);
  const impact = input.impact == null ? null : score(input.impact, 'Impact');
  const effort = input.effort == null ? null : score(input.effort, 'Effort');
  return mutate(ctx, (tx) => {
    const evidence = captureIds.map((id) => requireRecord(tx.roots.captures, id, 'capture'));
    const assignee = input.assignee == null ? null : requireMember(tx, input.assignee);
    const initiativeId = input.initiativeId == null ? null : requireInitiative(tx, input.initiativeId);
    const id = tx.newId('act');
    const record = new Y.Map<unknown>();
    tx.roots.actions.set(id, record);
    const status = input.propose ? 'proposed' : 'open';
    const fields = { id, title, description, status, assignee, dueDate: due, impact, effort, initiativeId,
      createdBy: tx.actor, createdAt: tx.at, updatedAt: tx.at, statusChangedAt: tx.at };
    for (const [field, value] of Object.entries(fields)) if (value !== null) record.set(field, value);
    setField(record, 'captureIds');
    // Made with the proposal: two members ranking first at once must write into one map, not race to create it.
    if (input.propose) setField(record, 'rankings');
    record.set('comments', new Y.Array<unknown>());
    tx.log('action.created', 'action', id, { field: 'title', to: title });
    if (input.propose) tx.log('action.proposed', 'action', id, { field: 'status', to: 'proposed' });
    if (initiativeId) tx.log('action.initiative', 'action', id, { field: 'initiativeId', to: initiativeId });
    if (assignee) tx.log('action.assigned', 'action', id, { field: 'assignee', to: assignee });
    if (due) tx.log('action.due', 'action', id, { field: 'dueDate', to: due });
    link(tx, id, record, captureIds, evidence);
    return id;
  });
}

export function editAction(ctx: MutationContext, id: string, patch: { title?: string; description?: string }): void {
  const changes: [string, string][] = [];
  if (patch.title !== undefined) changes.push(['title', cleanText(patch.title, 'The title', LIMITS.actionTitle, { required: true })]);
  if (patch.description !== undefined) {
    changes.push(['description', cleanText(patch.description, 'The description', LIMITS.actionDescription)]);
  }
  update(ctx, id, (tx, record) => changes.some(([field, value]) => setLogged(tx, record, 'action', id, 'action.edited', field, value)));
}

/**
 * Adds captures as evidence. The link lives only in the action's add-wins `captureIds` set;
 * a capture's `actionIds` is derived by readers, so the two sides can never disagree.
 */
export function linkCaptures(ctx: MutationContext, actionId: string, captureIds: string[]): void {
  const targets = cleanIds(captureIds, 'Captures');
  update(ctx, actionId, (tx, record) => {
    const evidence = targets.map((id) => requireRecord(tx.roots.captures, id, 'capture'));
    return link(tx, actionId, record, targets, evidence);
  });
}

export function unlinkCaptures(ctx: MutationContext, actionId: string, captureIds: string[]): void {
  const targets = cleanIds(captureIds, 'Captures');
  update(ctx, actionId, (tx, record) => {
    const linked = setField(record, 'captureIds');
    let changed = false;
    for (const captureId of targets) {
      if (!linked.has(captureId)) continue;
      linked.delete(captureId);
      tx.log('action.unlinked', 'action', actionId, { field: 'captureIds', from: captureId });
      changed = true;
    }
    return changed;
  });
}

export function assignAction(ctx: MutationContext, id: string, memberId: string | null): void {
  update(ctx, id, (tx, record) => {
    const assignee = memberId === null ? null : requireMember(tx, memberId);
    return setLogged(tx, record, 'action', id, 'action.assigned', 'assignee', assignee);
  });
}

/**
 * Done and won't-do close an action and need a resolution note saying what happened. A proposal
 * is decided by the change board (shared/mutations/proposals.ts); its proposer may withdraw it
 * (won't do, with a reason), but nobody can skip the board by setting it open here.
 */
export function setActionStatus(ctx: MutationContext, id: string, status: ActionStatus, resolution?: string): void {
  const next = oneOf(status, ACTION_STATUSES, 'Status');
  const closing = CLOSED_ACTION_STATUSES.includes(next);
  const note = cleanText(resolution, 'The resolution', LIMITS.resolution);
  if (next === 'proposed') throw new MutationError('invalid', 'An action becomes a proposal when it is created as one.');
  if (closing && note === '') {
    throw new MutationError('invalid', `Say how it was resolved before marking it ${next === 'done' ? 'done' : "won't do"}.`);
  }
  update(ctx, id, (tx, record) => {
    if (record.get('status') === 'proposed' && (next !== 'wont_do' || record.get('createdBy') !== tx.actor)) {
      throw new MutationError('invalid', 'A proposal is accepted or declined at the change board; only its proposer can withdraw it.');
    }
    let changed = setLogged(tx, record, 'action', id, 'action.status', 'status', next);
    if (changed) record.set('statusChangedAt', tx.at);
    // A reopened action no longer has a resolution; the activity log keeps the old one.
    changed = setLogged(tx, record, 'action', id, 'action.status', 'resolution', closing ? note : null) || changed;
    if (next !== 'done') record.delete('doneAt');
    else if (!record.has('doneAt')) record.set('doneAt', tx.at);
    return changed;
  });
}

export function setDueDate(ctx: MutationContext, id: string, date: string | null): void {
  const due = cleanDueDate(date);
  update(ctx, id, (tx, record) => setLogged(tx, record, 'action', id, 'action.due', 'dueDate', due));
}

/** Impact and effort, 1-5 each (null clears); they place the action in the quick-wins 2x2. */
export function scoreAction(ctx: MutationContext, id: string, scores: { impact?: number | null; effort?: number | null }): void {
  const changes: [string, number | null][] = [];
  if (scores.impact !== undefined) changes.push(['impact', score(scores.impact, 'Impact')]);
  if (scores.effort !== undefined) changes.push(['effort', score(scores.effort, 'Effort')]);
  update(ctx, id, (tx, record) =>
    changes.map(([field, value]) => setLogged(tx, record, 'action', id, 'action.scored', field, value)).some(Boolean));
}

export function commentOnAction(ctx: MutationContext, id: string, text: string): string {
  const body = cleanText(text, 'The comment', LIMITS.comment, { required: true });
  let commentId = '';
  update(ctx, id, (tx, record) => {
    let comments = record.get('comments');
    if (!(comments instanceof Y.Array)) {
      comments = new Y.Array<unknown>();
      record.set('comments', comments);
    }
    commentId = tx.newId('com');
    (comments as Y.Array<unknown>).push([{ id: commentId, author: tx.actor, text: body, at: tx.at }]);
    tx.log('action.commented', 'action', id, { field: 'comments', to: commentId });
    return true;
  });
  return commentId;
}

/** Runs `write` on an existing action and bumps updatedAt when it reports a change. */
function update(ctx: MutationContext, id: string, write: (tx: MutationTx, record: RecordMap) => boolean): void {
  mutate(ctx, (tx) => {
    const record = requireRecord(tx.roots.actions, id, 'action');
    if (write(tx, record)) record.set('updatedAt', tx.at);
  });
}

function link(tx: MutationTx, actionId: string, action: RecordMap, captureIds: string[], captures: RecordMap[]): boolean {
  const linked = setField(action, 'captureIds');
  let changed = false;
  captures.forEach((capture, i) => {
    const captureId = captureIds[i]!;
    if (capture.get('status') === 'new') {
      setLogged(tx, capture, 'capture', captureId, 'capture.status', 'status', 'triaged');
      capture.set('updatedAt', tx.at);
    }
    if (linked.has(captureId)) return;
    linked.set(captureId, true);
    tx.log('action.linked', 'action', actionId, { field: 'captureIds', to: captureId });
    changed = true;
  });
  return changed;
}

/** Moves an action into an initiative, or out of any (null). */
export function setActionInitiative(ctx: MutationContext, id: string, initiativeId: string | null): void {
  update(ctx, id, (tx, record) => {
    const next = initiativeId === null ? null : requireInitiative(tx, initiativeId);
    return setLogged(tx, record, 'action', id, 'action.initiative', 'initiativeId', next);
  });
}

export function requireInitiative(tx: MutationTx, initiativeId: unknown): string {
  if (typeof initiativeId !== 'string' || !(tx.roots.initiatives.get(initiativeId) instanceof Y.Map)) {
    throw new MutationError('not_found', `No initiative with id "${String(initiativeId)}" in this workspace.`);
  }
  return initiativeId;
}

export function requireMember(tx: MutationTx, memberId: string): string {
  if (!(tx.roots.members.get(memberId) instanceof Y.Map)) {
    throw new MutationError('not_found', `No member with id "${memberId}" in this workspace.`);
  }
  return memberId;
}
