/**
 * @module The change board's mutations on proposals: each member's stakeholder ranking, and the
 * decision (accept with an owner and a due date, or decline with a reason). Saying no is a
 * decision too: it is recorded like a yes, and the proposer sees why.
 */
import * as Y from 'yjs';
import { LIMITS } from '../schema/constants';
import type { Decision } from '../schema/records';
import { requireInitiative, requireMember } from './actions';
import { MutationError, mutate, requireRecord, setField, setLogged, type MutationContext, type MutationTx } from './context';
import { cleanText, dueDate as cleanDueDate, ids as cleanIds } from './input';
import type { RecordMap } from '../doc/roots';

/**
 * Sets the acting member's whole ranking: `orderedIds[0]` is their first choice. Proposals they
 * ranked before and left out lose their rank. Only the member's own key of each proposal's
 * `rankings` is written, so members ranking at the same time never overwrite each other.
 */
export function rankProposals(ctx: MutationContext, orderedIds: string[]): void {
  const order = cleanIds(orderedIds, 'The ranking');
  mutate(ctx, (tx) => {
    const ranked = new Map(order.map((id, i) => [id, i + 1]));
    for (const id of order) {
      if (requireRecord(tx.roots.actions, id, 'proposal').get('status') !== 'proposed') {
        throw new MutationError('invalid', 'Only open proposals can be ranked; this one was already decided.');
      }
    }
    for (const [id, record] of tx.roots.actions) {
      if (!(record instanceof Y.Map)) continue;
      const rankings = record.get('rankings');
      const before = rankings instanceof Y.Map ? rankings.get(tx.actor) ?? null : null;
      const rank = ranked.get(id) ?? null;
      if (before === rank) continue;
      const set = setField(record, 'rankings') as unknown as Y.Map<number>;
      if (rank === null) set.delete(tx.actor);
      else set.set(tx.actor, rank);
      tx.log('action.ranked', 'action', id, { field: 'rankings', from: before, to: rank });
    }
  });
}

export interface Acceptance {
  /** The owner: required. */
  assignee: string;
  /** Required, YYYY-MM-DD. */
  dueDate: string;
  initiativeId?: string | null;
  /** The board meeting deciding it, when one is running. */
  boardId?: string | null;
}

/** Accepts a proposal: it becomes open work with an owner and a deadline. */
export function acceptProposal(ctx: MutationContext, id: string, input: Acceptance): void {
  if (!input || typeof input.assignee !== 'string' || input.assignee === '') {
    throw new MutationError('invalid', 'Give the proposal an owner before accepting it.');
  }
  const due = cleanDueDate(input.dueDate ?? null);
  if (due === null) throw new MutationError('invalid', 'Give the proposal a due date before accepting it.');
  decide(ctx, id, input.boardId ?? null, (tx, record) => {
    const assignee = requireMember(tx, input.assignee);
    const initiativeId = input.initiativeId == null ? null : requireInitiative(tx, input.initiativeId);
    setLogged(tx, record, 'action', id, 'action.assigned', 'assignee', assignee);
    setLogged(tx, record, 'action', id, 'action.due', 'dueDate', due);
    if (initiativeId) setLogged(tx, record, 'action', id, 'action.initiative', 'initiativeId', initiativeId);
    setLogged(tx, record, 'action', id, 'action.status', 'status', 'open');
    return { outcome: 'accepted', reason: null };
  });
}

/** Declines a proposal with the reason its proposer will read. */
export function declineProposal(ctx: MutationContext, id: string, input: { reason: string; boardId?: string | null }): void {
  const reason = cleanText(input?.reason, 'The reason', LIMITS.decisionReason);
  if (reason === '') throw new MutationError('invalid', 'Say why the proposal is declined: the proposer will read it.');
  decide(ctx, id, input.boardId ?? null, (tx, record) => {
    setLogged(tx, record, 'action', id, 'action.status', 'status', 'wont_do');
    // A version-1 reader shows the reason as the won't-do resolution.
    setLogged(tx, record, 'action', id, 'action.status', 'resolution', reason);
    return { outcome: 'declined', reason };
  });
}

function decide(
  ctx: MutationContext, id: string, boardId: string | null,
  apply: (tx: MutationTx, record: RecordMap) => Pick<Decision, 'outcome' | 'reason'>,
): void {
  mutate(ctx, (tx) => {
    const record = requireRecord(tx.roots.actions, id, 'proposal');
    if (record.get('status') !== 'proposed') throw new MutationError('invalid', 'This proposal was already decided.');
    const board = boardId === null ? null : requireRecord(tx.roots.boards, boardId, 'board meeting');
    if (board?.has('endedAt')) throw new MutationError('invalid', 'That board meeting has ended; start a new one.');
    const { outcome, reason } = apply(tx, record);
    const decision: Decision = { outcome, reason, by: tx.actor, at: tx.at, boardId };
    record.set('decision', decision);
    record.set('statusChangedAt', tx.at);
    record.set('updatedAt', tx.at);
    if (board) setField(board, 'decisions').set(id, true);
    tx.log('action.decided', 'action', id, { field: 'decision', from: 'proposed', to: outcome });
  });
}
