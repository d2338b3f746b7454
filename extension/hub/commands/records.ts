/** @module Commands on captures and actions: check the caller's arguments, run one typed mutation. */
import {
  assignAction, commentOnAction, createAction, editAction, linkCaptures, scoreAction, setActionInitiative, setActionStatus,
  setDueDate, unlinkCaptures,
} from '../../../shared/mutations/actions';
import { addCapture, editCapture, setCaptureStatus, setCustomerLoop, tagCaptures } from '../../../shared/mutations/captures';
import type { CommandArgs, CommandResult } from '../../messaging/protocol';
import { refuse } from '../errors';
import type { WriteEnv } from './write-env';

export type RecordCommand =
  | 'capture.save' | 'capture.edit' | 'capture.tag' | 'capture.setStatus' | 'capture.setLoop'
  | 'action.create' | 'action.edit' | 'action.link' | 'action.unlink' | 'action.assign' | 'action.setStatus'
  | 'action.setDue' | 'action.score' | 'action.comment' | 'action.setInitiative';

type Handler<C extends RecordCommand> = (args: CommandArgs<C>, env: WriteEnv) => Promise<CommandResult<C>>;

export const recordCommands: { [C in RecordCommand]: Handler<C> } = {
  async 'capture.save'({ capture, allowDuplicate, linkTo }, env) {
    const view = env.view();
    // Checked first: Yjs cannot roll a transaction back, so a link that would fail must not follow a stored capture.
    if (linkTo !== undefined && (typeof linkTo !== 'string' || !view.action(linkTo))) throw refuse('not_found', 'That action is not in the workspace any more.');
    const result = await env.write((ctx) => env.together(() => {
      const added = addCapture(ctx, capture, {
        allowDuplicate: allowDuplicate === true,
        findDuplicate: (fingerprint) => view.captureByFingerprint(fingerprint)?.id ?? null,
      });
      // "Save as evidence for …" in the dialog: stored and linked in one transaction.
      if (added.id && linkTo !== undefined) linkCaptures(ctx, linkTo, [added.id]);
      return added;
    }));
    return { ...result, savedLocally: result.id !== null, syncing: env.connected() };
  },
  'capture.edit': ({ id, patch }, env) => env.write((ctx) => editCapture(ctx, id, patch ?? {})).then(() => null),
  'capture.tag': ({ ids, add, remove }, env) => env.write((ctx) => tagCaptures(ctx, ids, { add: add ?? [], remove: remove ?? [] })).then(() => null),
  'capture.setStatus': ({ ids, status, reason }, env) => env.write((ctx) => setCaptureStatus(ctx, ids, status, reason)).then(() => null),
  'capture.setLoop': ({ id, state, replyUrl, reply }, env) => env.write((ctx) => setCustomerLoop(ctx, id, {
    state, replyUrl: replyUrl ?? null, ...(reply ? { reply } : {}),
  })).then(() => null),
  'action.create': ({ action }, env) => env.write((ctx) => ({ id: createAction(ctx, action) })),
  'action.edit': ({ id, title, description }, env) => env.write((ctx) => editAction(ctx, id, {
    ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}),
  })).then(() => null),
  'action.link': ({ id, captureIds }, env) => env.write((ctx) => linkCaptures(ctx, id, captureIds)).then(() => null),
  'action.unlink': ({ id, captureIds }, env) => env.write((ctx) => unlinkCaptures(ctx, id, captureIds)).then(() => null),
  'action.assign': ({ id, memberId }, env) => env.write((ctx) => assignAction(ctx, id, memberId)).then(() => null),
  'action.setStatus': ({ id, status, resolution }, env) => env.write((ctx) => setActionStatus(ctx, id, status, resolution)).then(() => null),
  'action.setDue': ({ id, dueDate }, env) => env.write((ctx) => setDueDate(ctx, id, dueDate)).then(() => null),
  'action.score': ({ id, impact, effort }, env) => env.write((ctx) => scoreAction(ctx, id, {
    ...(impact !== undefined ? { impact } : {}), ...(effort !== undefined ? { effort } : {}),
  })).then(() => null),
  'action.comment': ({ id, text }, env) => env.write((ctx) => ({ id: commentOnAction(ctx, id, text) })),
  'action.setInitiative': ({ id, initiativeId }, env) => env.write((ctx) => setActionInitiative(ctx, id, initiativeId ?? null)).then(() => null),
};
