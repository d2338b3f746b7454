/** @module The simulated network and the random domain operations used by the convergence test. */
import * as Y from 'yjs';
import {
  assignAction, commentOnAction, createAction, editAction, linkCaptures, scoreAction, setActionStatus, setDueDate, unlinkCaptures,
} from '../../../shared/mutations/actions';
import { addCapture, editCapture, setCaptureStatus, setCustomerLoop, tagCaptures } from '../../../shared/mutations/captures';
import { MutationError } from '../../../shared/mutations/context';
import { registerMember } from '../../../shared/mutations/members';
import { createInitiative, editInitiative } from '../../../shared/mutations/initiatives';
import { addHuddleNote, endBoard, endHuddle, setAttendance, startBoard, startHuddle } from '../../../shared/mutations/meetings';
import { acceptProposal, declineProposal, rankProposals } from '../../../shared/mutations/proposals';
import { updateWorkspaceSettings } from '../../../shared/mutations/settings';
import { setActionInitiative } from '../../../shared/mutations/actions';
import type { WorkspaceView } from '../../../shared/read/workspace-view';
import {
  ACTION_STATUSES, BOARD_CADENCES, CAPTURE_STATUSES, CHANNELS, HORIZONS, INITIATIVE_STATUSES, SENTIMENTS,
} from '../../../shared/schema/constants';
import type { Prng } from '../../helpers/random';
import type { TestReplica } from '../../helpers/workspace';

export type SimReplica = TestReplica & { view: WorkspaceView };

const NETWORK = Symbol('network');
const TAGS = ['billing', 'shipping', 'ux', 'bug', 'pricing', 'praise'];

/**
 * Each replica's outgoing updates wait in every other replica's inbox until delivered. `server`,
 * when given, sees every update first, as its writer sent it (the sync server's authorship check).
 */
export function createNetwork(replicas: SimReplica[], rng: Prng, server?: (update: Uint8Array, writer: string) => void) {
  const inboxes = replicas.map(() => [] as Uint8Array[]);
  const stats = { delivered: 0, duplicated: 0, merged: 0 };
  replicas.forEach((replica, from) => {
    // What a replica wrote before joining the network must travel too, or its later updates pend forever.
    const existing = Y.encodeStateAsUpdate(replica.doc);
    server?.(existing, replica.ctx.actor);
    inboxes.forEach((inbox, to) => to !== from && inbox.push(existing));
    replica.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === NETWORK) return;
      server?.(update, replica.ctx.actor);
      inboxes.forEach((inbox, to) => to !== from && inbox.push(update));
    });
  });
  const deliver = (to: number, updates: Uint8Array[]) => {
    rng.shuffle(updates);
    if (updates.length > 2 && rng.chance(0.3)) {
      const cut = rng.int(2, updates.length);
      updates.splice(0, cut, Y.mergeUpdates(updates.slice(0, cut)));
      stats.merged++;
    }
    for (const update of updates) {
      Y.applyUpdate(replicas[to]!.doc, update, NETWORK);
      stats.delivered++;
    }
  };
  return {
    stats,
    /** Delivers a random part of one replica's inbox; some updates are delivered twice. */
    deliverSome() {
      const to = rng.int(0, replicas.length - 1);
      const inbox = inboxes[to]!;
      const taken = inbox.filter(() => rng.chance(0.6));
      inboxes[to] = inbox.filter((u) => !taken.includes(u) || (rng.chance(0.15) && ++stats.duplicated > 0));
      deliver(to, taken);
    },
    deliverAll() {
      inboxes.forEach((inbox, to) => {
        inboxes[to] = [];
        if (inbox.length && rng.chance(0.5)) {
          inbox.push(inbox[rng.int(0, inbox.length - 1)]!);
          stats.duplicated++;
        }
        deliver(to, inbox);
      });
    },
  };
}

type Operation = (r: SimReplica, all: SimReplica[], rng: Prng) => void;

const someCapture = (r: SimReplica, rng: Prng) => {
  const list = r.view.captures();
  return list.length ? rng.pick(list).id : null;
};
const someAction = (r: SimReplica, rng: Prng) => {
  const list = r.view.actions();
  return list.length ? rng.pick(list).id : null;
};
const someDate = (rng: Prng) => `2026-11-${String(rng.int(1, 28)).padStart(2, '0')}`;
const someProposal = (r: SimReplica, rng: Prng) => {
  const list = r.view.actions().filter((a) => a.status === 'proposed');
  return list.length ? rng.pick(list).id : null;
};
const someInitiative = (r: SimReplica, rng: Prng) => {
  const list = r.view.initiatives();
  return list.length ? rng.pick(list).id : null;
};
/** A running (or any) meeting of a kind: ending one a peer already ended is refused, which is part of the game. */
const someMeeting = (r: SimReplica, kind: 'huddle' | 'board', rng: Prng) => {
  const list: readonly { id: string; endedAt: string | null }[] = kind === 'huddle' ? r.view.huddles() : r.view.boards();
  const running = list.filter((m) => m.endedAt === null);
  return running.length ? rng.pick(running).id : list.length ? rng.pick(list).id : null;
};

const OPERATIONS: Record<string, { weight: number; run: Operation }> = {
  addCapture: { weight: 6, run: (r, _all, rng) => {
    addCapture(r.ctx, {
      text: `Feedback ${rng.int(0, 60)}: ${rng.pick(['slow', 'broken', 'great', 'confusing'])}`,
      source: { url: `https://reviews.example/${rng.int(0, 5)}`, rating: rng.int(1, 5), ratingMax: 5 },
      channel: rng.pick(CHANNELS),
      tags: rng.chance(0.3) ? [rng.pick(TAGS)] : [],
    }, { allowDuplicate: rng.chance(0.2) });
  } },
  editCapture: { weight: 3, run: (r, _all, rng) => {
    const id = someCapture(r, rng);
    if (id) editCapture(r.ctx, id, { note: `note ${rng.int(0, 99)}`, sentiment: rng.chance(0.2) ? null : rng.pick(SENTIMENTS) });
  } },
  tag: { weight: 4, run: (r, _all, rng) => {
    const id = someCapture(r, rng);
    if (id) tagCaptures(r.ctx, [id], rng.chance(0.7) ? { add: [rng.pick(TAGS)] } : { remove: [rng.pick(TAGS)] });
  } },
  captureStatus: { weight: 3, run: (r, _all, rng) => {
    const id = someCapture(r, rng);
    if (id) setCaptureStatus(r.ctx, [id], rng.pick(CAPTURE_STATUSES), 'dup');
  } },
  loop: { weight: 2, run: (r, _all, rng) => {
    const id = someCapture(r, rng);
    if (id) setCustomerLoop(r.ctx, id, rng.chance(0.5) ? { state: 'reply_needed' } : { state: 'replied', replyUrl: 'https://reviews.example/reply' });
  } },
  createAction: { weight: 4, run: (r, _all, rng) => {
    const ids = [someCapture(r, rng), someCapture(r, rng)].filter((id): id is string => id !== null);
    createAction(r.ctx, { title: `Action ${rng.int(0, 99)}`, captureIds: ids, impact: rng.int(1, 5), effort: rng.int(1, 5) });
  } },
  editAction: { weight: 2, run: (r, _all, rng) => {
    const id = someAction(r, rng);
    if (id) editAction(r.ctx, id, { title: `Renamed ${rng.int(0, 99)}`, description: 'why' });
  } },
  link: { weight: 4, run: (r, _all, rng) => {
    const id = someAction(r, rng);
    const capture = someCapture(r, rng);
    if (id && capture) linkCaptures(r.ctx, id, [capture]);
  } },
  unlink: { weight: 2, run: (r, _all, rng) => {
    const action = r.view.actions().length ? rng.pick(r.view.actions()) : null;
    if (action && action.captureIds.length) unlinkCaptures(r.ctx, action.id, [rng.pick(action.captureIds)]);
  } },
  assign: { weight: 3, run: (r, all, rng) => {
    const id = someAction(r, rng);
    if (id) assignAction(r.ctx, id, rng.chance(0.15) ? null : rng.pick(all).ctx.actor);
  } },
  actionStatus: { weight: 4, run: (r, _all, rng) => {
    const id = someAction(r, rng);
    if (id) setActionStatus(r.ctx, id, rng.pick(ACTION_STATUSES), `resolution ${rng.int(0, 9)}`);
  } },
  due: { weight: 2, run: (r, _all, rng) => {
    const id = someAction(r, rng);
    if (id) setDueDate(r.ctx, id, rng.chance(0.2) ? null : someDate(rng));
  } },
  score: { weight: 2, run: (r, _all, rng) => {
    const id = someAction(r, rng);
    if (id) scoreAction(r.ctx, id, { impact: rng.int(1, 5), effort: rng.chance(0.2) ? null : rng.int(1, 5) });
  } },
  comment: { weight: 2, run: (r, _all, rng) => {
    const id = someAction(r, rng);
    if (id) commentOnAction(r.ctx, id, `comment ${rng.int(0, 99)}`);
  } },
  rename: { weight: 1, run: (r, _all, rng) => registerMember(r.ctx, { name: `Member ${rng.int(0, 9)}`, role: 'editor' }) },
  // Schema 2: the cadence.
  propose: { weight: 3, run: (r, _all, rng) => {
    const ids = [someCapture(r, rng)].filter((id): id is string => id !== null);
    createAction(r.ctx, { title: `Proposal ${rng.int(0, 99)}`, captureIds: ids, propose: true, impact: rng.int(1, 5) });
  } },
  rank: { weight: 3, run: (r, _all, rng) => {
    const proposals = r.view.actions().filter((a) => a.status === 'proposed').map((a) => a.id);
    rankProposals(r.ctx, rng.shuffle(proposals).slice(0, rng.int(0, proposals.length)));
  } },
  accept: { weight: 2, run: (r, all, rng) => {
    const id = someProposal(r, rng);
    const board = rng.chance(0.5) ? someMeeting(r, 'board', rng) : null;
    if (id) acceptProposal(r.ctx, id, { assignee: rng.pick(all).ctx.actor, dueDate: someDate(rng), initiativeId: someInitiative(r, rng), boardId: board });
  } },
  decline: { weight: 2, run: (r, _all, rng) => {
    const id = someProposal(r, rng);
    if (id) declineProposal(r.ctx, id, { reason: `reason ${rng.int(0, 9)}`, boardId: rng.chance(0.5) ? someMeeting(r, 'board', rng) : null });
  } },
  startHuddle: { weight: 2, run: (r) => { startHuddle(r.ctx); } },
  attend: { weight: 1, run: (r, all, rng) => {
    const id = someMeeting(r, rng.chance(0.5) ? 'huddle' : 'board', rng);
    const kind = id?.startsWith('hud_') ? 'huddle' : 'board';
    if (id) setAttendance(r.ctx, kind, id, [rng.pick(all).ctx.actor], rng.chance(0.8));
  } },
  huddleNote: { weight: 1, run: (r, _all, rng) => {
    const id = someMeeting(r, 'huddle', rng);
    if (id) addHuddleNote(r.ctx, id, `note ${rng.int(0, 99)}`);
  } },
  endHuddle: { weight: 1, run: (r, _all, rng) => {
    const id = someMeeting(r, 'huddle', rng);
    if (id) endHuddle(r.ctx, id);
  } },
  startBoard: { weight: 1, run: (r) => { startBoard(r.ctx); } },
  endBoard: { weight: 1, run: (r, _all, rng) => {
    const id = someMeeting(r, 'board', rng);
    if (id) endBoard(r.ctx, id, rng.chance(0.5) ? { nextBoardDate: `2026-12-${String(rng.int(1, 28)).padStart(2, '0')}` } : {});
  } },
  createInitiative: { weight: 2, run: (r, all, rng) => {
    createInitiative(r.ctx, { title: `Initiative ${rng.int(0, 99)}`, horizon: rng.pick(HORIZONS), sponsor: rng.chance(0.5) ? rng.pick(all).ctx.actor : null });
  } },
  editInitiative: { weight: 1, run: (r, _all, rng) => {
    const id = someInitiative(r, rng);
    if (id) editInitiative(r.ctx, id, { status: rng.pick(INITIATIVE_STATUSES), costAmount: rng.chance(0.3) ? null : rng.int(0, 9) * 1000 });
  } },
  setInitiative: { weight: 2, run: (r, _all, rng) => {
    const id = someAction(r, rng);
    if (id) setActionInitiative(r.ctx, id, rng.chance(0.2) ? null : someInitiative(r, rng));
  } },
  settings: { weight: 1, run: (r, _all, rng) => {
    updateWorkspaceSettings(r.ctx, { escalationMinCaptures: rng.int(2, 6), boardCadence: rng.pick(BOARD_CADENCES) });
  } },
};

const WEIGHTED = Object.entries(OPERATIONS).flatMap(([name, op]) => Array<string>(op.weight).fill(name));

/**
 * Runs one weighted random operation on `replica`; returns its name and whether it was applied.
 * Refused input (ending a meeting a peer already ended, deciding a decided proposal) is part of the game.
 */
export function randomOperation(replica: SimReplica, all: SimReplica[], rng: Prng): { name: string; applied: boolean } {
  const name = rng.pick(WEIGHTED);
  replica.tick(rng.int(1, 5_000));
  try {
    OPERATIONS[name]!.run(replica, all, rng);
    return { name, applied: true };
  } catch (error) {
    if (!(error instanceof MutationError)) throw error;
    return { name, applied: false };
  }
}
