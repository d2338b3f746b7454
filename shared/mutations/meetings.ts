/**
 * @module Team rituals as records: huddles (the short regular look at what came in and what is
 * stuck) and change board meetings. Both are started, attended and ended the same way; a board
 * meeting also sets the next board date when it ends.
 */
import * as Y from 'yjs';
import { LIMITS, MEETING_STALE_MS, type BoardCadence } from '../schema/constants';
import type { ActivityVerb } from '../schema/records';
import { addCadence } from '../util/dates';
import { requireMember } from './actions';
import { MutationError, mutate, requireRecord, setField, type MutationContext, type MutationTx } from './context';
import { cleanText, dueDate as cleanDate, ids as cleanIds } from './input';
import { readBoardCadence } from './settings';

type MeetingKind = 'huddle' | 'board';
const ROOT = { huddle: 'huddles', board: 'boards' } as const;
const ID_KIND = { huddle: 'hud', board: 'brd' } as const;
const VERB = {
  huddle: { started: 'huddle.started', attended: 'huddle.attended', ended: 'huddle.ended' },
  board: { started: 'board.started', attended: 'board.attended', ended: 'board.ended' },
} as const satisfies Record<MeetingKind, Record<string, ActivityVerb>>;

/** Starts a huddle, or joins the one a teammate started in the last 12 hours. Returns its id. */
export function startHuddle(ctx: MutationContext): string {
  return startMeeting(ctx, 'huddle');
}

/** Starts a change board meeting, or joins the running one. Returns its id. */
export function startBoard(ctx: MutationContext): string {
  return startMeeting(ctx, 'board');
}

/** Marks who is there (the starter is there already); anyone in the room may tick a colleague. */
export function setAttendance(ctx: MutationContext, kind: MeetingKind, id: string, memberIds: string[], present = true): void {
  const members = cleanIds(memberIds, 'Attendees');
  mutate(ctx, (tx) => {
    const record = requireRecord(tx.roots[ROOT[kind]], id, kind === 'huddle' ? 'huddle' : 'board meeting');
    for (const memberId of members) requireMember(tx, memberId);
    const attendees = setField(record, 'attendees');
    for (const memberId of members) {
      if (attendees.has(memberId) === present) continue;
      if (present) attendees.set(memberId, true);
      else attendees.delete(memberId);
      tx.log(VERB[kind].attended, kind, id, { field: 'attendees', ...(present ? { to: memberId } : { from: memberId }) });
    }
  });
}

/** A line in the huddle's notes (a decision, a follow-up): notes are a list, concurrent adds are all kept. */
export function addHuddleNote(ctx: MutationContext, id: string, text: string): string {
  const body = cleanText(text, 'The note', LIMITS.huddleNote, { required: true });
  return mutate(ctx, (tx) => {
    const record = requireRecord(tx.roots.huddles, id, 'huddle');
    let notes = record.get('notes');
    if (!(notes instanceof Y.Array)) {
      notes = new Y.Array<unknown>();
      record.set('notes', notes);
    }
    const noteId = tx.newId('not');
    (notes as Y.Array<unknown>).push([{ id: noteId, author: tx.actor, text: body, at: tx.at }]);
    tx.log('huddle.noted', 'huddle', id, { field: 'notes', to: noteId });
    return noteId;
  });
}

/** Ends a huddle; its end time becomes the watermark the next huddle looks back to. */
export function endHuddle(ctx: MutationContext, id: string): void {
  mutate(ctx, (tx) => endMeeting(tx, 'huddle', id));
}

/**
 * Ends a board meeting and sets the next board date: the one given, or one cadence after
 * today (the workspace's board cadence, monthly by default). The date also goes to settings,
 * where reminders read it.
 */
export function endBoard(ctx: MutationContext, id: string, options: { nextBoardDate?: string | null } = {}): string {
  const given = options.nextBoardDate == null || options.nextBoardDate === '' ? null : cleanDate(options.nextBoardDate);
  return mutate(ctx, (tx) => {
    // Everything is checked before the first write: a transaction cannot be rolled back.
    const cadence: BoardCadence = readBoardCadence(tx.roots.settings.get('boardCadence'));
    const next = given ?? addCadence(tx.at.slice(0, 10), cadence);
    if (next <= tx.at.slice(0, 10)) throw new MutationError('invalid', 'The next board date must be after today.');
    const record = endMeeting(tx, 'board', id);
    record.set('nextBoardDate', next);
    const before = tx.roots.settings.get('nextBoardDate') ?? null;
    if (before !== next) {
      tx.roots.settings.set('nextBoardDate', next);
      tx.log('workspace.settings', 'workspace', 'settings', { field: 'nextBoardDate', from: before, to: next });
    }
    return next;
  });
}

function startMeeting(ctx: MutationContext, kind: MeetingKind): string {
  return mutate(ctx, (tx) => {
    const running = runningMeeting(tx, kind);
    if (running) {
      const attendees = setField(running.record, 'attendees');
      if (!attendees.has(tx.actor)) {
        attendees.set(tx.actor, true);
        tx.log(VERB[kind].attended, kind, running.id, { field: 'attendees', to: tx.actor });
      }
      return running.id;
    }
    const id = tx.newId(ID_KIND[kind]);
    const record = new Y.Map<unknown>();
    tx.roots[ROOT[kind]].set(id, record);
    record.set('id', id);
    record.set('startedAt', tx.at);
    record.set('startedBy', tx.actor);
    setField(record, 'attendees').set(tx.actor, true);
    if (kind === 'huddle') record.set('notes', new Y.Array<unknown>());
    else setField(record, 'decisions');
    tx.log(VERB[kind].started, kind, id, { field: 'startedAt', to: tx.at });
    return id;
  });
}

function endMeeting(tx: MutationTx, kind: MeetingKind, id: string): Y.Map<unknown> {
  const record = requireRecord(tx.roots[ROOT[kind]], id, kind === 'huddle' ? 'huddle' : 'board meeting');
  if (record.has('endedAt')) throw new MutationError('invalid', `This ${kind === 'huddle' ? 'huddle' : 'board meeting'} has already ended.`);
  record.set('endedAt', tx.at);
  record.set('endedBy', tx.actor);
  tx.log(VERB[kind].ended, kind, id, { field: 'endedAt', to: tx.at });
  return record;
}

/** The latest meeting of a kind that started in the last 12 hours and has not ended. */
function runningMeeting(tx: MutationTx, kind: MeetingKind): { id: string; record: Y.Map<unknown> } | null {
  const since = new Date(Date.parse(tx.at) - MEETING_STALE_MS).toISOString();
  let best: { id: string; record: Y.Map<unknown>; at: string } | null = null;
  for (const [id, record] of tx.roots[ROOT[kind]]) {
    if (!(record instanceof Y.Map) || record.has('endedAt')) continue;
    const at = record.get('startedAt');
    if (typeof at !== 'string' || at < since || at > tx.at) continue;
    if (!best || at > best.at || (at === best.at && id > best.id)) best = { id, record, at };
  }
  return best;
}
