/**
 * @module Commands of the team's cadence: huddles, the change board (rankings and decisions),
 * initiatives and workspace settings. A decision made while a board meeting runs is recorded in
 * that meeting: the hub finds it, the page does not have to know.
 */
import { createInitiative, editInitiative } from '../../../shared/mutations/initiatives';
import { addHuddleNote, endBoard, endHuddle, setAttendance, startBoard, startHuddle } from '../../../shared/mutations/meetings';
import { acceptProposal, declineProposal, rankProposals } from '../../../shared/mutations/proposals';
import { updateWorkspaceSettings } from '../../../shared/mutations/settings';
import { runningBoard } from '../../../shared/queries/board';
import { isCalendarDate } from '../../../shared/util/dates';
import type { CommandArgs, CommandResult } from '../../messaging/protocol';
import { refuse } from '../errors';
import type { WriteEnv } from './write-env';

export type CadenceCommand =
  | 'huddle.start' | 'huddle.end' | 'huddle.attend' | 'huddle.note'
  | 'board.start' | 'board.end' | 'board.attend'
  | 'proposal.rank' | 'proposal.accept' | 'proposal.decline'
  | 'initiative.create' | 'initiative.edit' | 'workspace.updateSettings';

type Handler<C extends CadenceCommand> = (args: CommandArgs<C>, env: WriteEnv) => Promise<CommandResult<C>>;

const boardNow = (env: WriteEnv) => runningBoard(env.view().boards(), env.now())?.id ?? null;

export const cadenceCommands: { [C in CadenceCommand]: Handler<C> } = {
  'huddle.start': (_args, env) => env.write((ctx) => ({ id: startHuddle(ctx) })),
  'huddle.end': ({ id }, env) => env.write((ctx) => endHuddle(ctx, String(id))).then(() => null),
  'huddle.attend': ({ id, memberIds, present }, env) =>
    env.write((ctx) => setAttendance(ctx, 'huddle', String(id), memberIds, present !== false)).then(() => null),
  'huddle.note': ({ id, text }, env) => env.write((ctx) => ({ id: addHuddleNote(ctx, String(id), text) })),
  'board.start': (_args, env) => env.write((ctx) => ({ id: startBoard(ctx) })),
  'board.end': ({ id, nextBoardDate }, env) => env.write((ctx) => ({ nextBoardDate: endBoard(ctx, String(id), { nextBoardDate }) })),
  'board.attend': ({ id, memberIds, present }, env) =>
    env.write((ctx) => setAttendance(ctx, 'board', String(id), memberIds, present !== false)).then(() => null),
  'proposal.rank': ({ order }, env) => env.write((ctx) => rankProposals(ctx, order)).then(() => null),
  async 'proposal.accept'({ id, assignee, dueDate, initiativeId, newInitiative }, env) {
    const boardId = boardNow(env);
    if (!newInitiative) {
      await env.write((ctx) => acceptProposal(ctx, String(id), { assignee, dueDate, initiativeId: initiativeId ?? null, boardId }));
      return { initiativeId: initiativeId ?? null };
    }
    // A new initiative and the acceptance go in one transaction; check what acceptance needs
    // first, since a transaction cannot be rolled back once the initiative is written.
    const view = env.view();
    if (view.action(String(id))?.status !== 'proposed') throw refuse('invalid', 'This proposal was already decided.');
    if (!assignee || !view.member(assignee)) throw refuse('invalid', 'Give the proposal an owner before accepting it.');
    if (!isCalendarDate(dueDate)) throw refuse('invalid', 'Give the proposal a due date (YYYY-MM-DD) before accepting it.');
    const created = await env.write((ctx) => env.together(() => {
      const made = createInitiative(ctx, newInitiative);
      acceptProposal(ctx, String(id), { assignee, dueDate, initiativeId: made, boardId });
      return made;
    }));
    return { initiativeId: created };
  },
  'proposal.decline': ({ id, reason }, env) =>
    env.write((ctx) => declineProposal(ctx, String(id), { reason, boardId: boardNow(env) })).then(() => null),
  'initiative.create': ({ initiative }, env) => env.write((ctx) => ({ id: createInitiative(ctx, initiative) })),
  'initiative.edit': ({ id, patch }, env) => env.write((ctx) => editInitiative(ctx, String(id), patch ?? {})).then(() => null),
  'workspace.updateSettings': ({ patch }, env) => env.write((ctx) => updateWorkspaceSettings(ctx, patch)).then(() => null),
};
