/**
 * The cadence through the hub, as pages use it: real mutations and live queries over an in-memory
 * workspace, every value crossing a structured clone, refusals in words.
 */
import { describe, expect, it } from 'vitest';
import { addCapture, setCustomerLoop } from '../../../shared/mutations/captures';
import { createAction, setActionStatus } from '../../../shared/mutations/actions';
import { inMemoryHub } from '../../helpers/in-memory-hub';
import { sampleCapture } from '../../helpers/workspace';
import type { QueryName, QueryResult } from '../../../extension/messaging/protocol';

const query = <Q extends QueryName>(client: { subscribe: Function }, name: Q, args: object = {}) =>
  new Promise<QueryResult<Q>>((resolve, reject) => {
    const stop = client.subscribe(name, args, (value: QueryResult<Q>) => { resolve(value); queueMicrotask(() => stop()); }, reject);
  });

describe('the cadence through the hub', () => {
  it('turns an escalation into a proposal, ranks it, accepts it into a new initiative at a running board', async () => {
    const { client, peer, memberId } = await inMemoryHub({ name: 'Bo' });
    const ana = peer('mem_ana', 'Ana');
    const refunds = ['Refund took weeks', 'Still no refund', 'Refund form lost my data'].map((text, i) =>
      addCapture(ana, sampleCapture({ text, tags: ['refund'], source: { url: `https://reviews.example/${i}`, author: `C${i}` } })).id!);

    const huddle = await query(client, 'huddle');
    expect(huddle.counts.escalations).toBe(1);
    const [escalation] = huddle.escalations;
    expect(escalation).toMatchObject({ kind: 'tag', label: 'refund', count: 3 });

    const { id } = await client.call('action.create', { action: { title: 'Refund experience', propose: true, captureIds: escalation!.captureIds } });
    expect((await query(client, 'huddle')).counts.escalations).toBe(0);
    await client.call('proposal.rank', { order: [id] });

    let board = await query(client, 'board');
    expect(board.proposals.map((p) => [p.action.id, p.score.captures, p.score.customers, p.evidence.length])).toEqual([[id, 3, 3, 3]]);
    expect(board.ranking).toEqual({ ranked: [id], unranked: [] });
    const { id: meeting } = await client.call('board.start', {});
    await expect(client.call('proposal.accept', { id, assignee: 'mem_ana', dueDate: '' })).rejects.toThrow('due date');
    const accepted = await client.call('proposal.accept', {
      id, assignee: 'mem_ana', dueDate: '2026-12-15', newInitiative: { title: 'Refund experience', horizon: 'short' },
    });
    expect(accepted.initiativeId).toMatch(/^ini_/);
    const { nextBoardDate } = await client.call('board.end', { id: meeting });
    expect(nextBoardDate).toBe('2026-12-22');

    board = await query(client, 'board');
    expect(board.proposals).toEqual([]);
    expect(board.lastEnded).toMatchObject({ id: meeting, decisions: [id], attendees: [memberId], nextBoardDate: '2026-12-22' });
    expect(board.decisions.map((a) => [a.id, a.decision?.outcome, a.decision?.boardId])).toEqual([[id, 'accepted', meeting]]);
    const initiatives = await query(client, 'initiatives');
    expect(initiatives.map.short.map((s) => [s.initiative.code, s.initiative.title, s.progress])).toEqual([['CX-1', 'Refund experience', { done: 0, total: 1, overdue: 0 }]]);
    const detail = await query(client, 'action', { id });
    expect(detail).toMatchObject({ action: { status: 'open', assignee: 'mem_ana' }, initiative: { code: 'CX-1' }, score: null });
    expect(detail!.captures.map((c) => c.id).sort()).toEqual([...refunds].sort());
    const mine = await query(client, 'initiative', { id: accepted.initiativeId! });
    expect(mine?.actions.map((a) => a.id)).toEqual([id]);
  });

  it('declines with the reason the proposer reads, and refuses to decide twice', async () => {
    const { client, peer } = await inMemoryHub();
    const ana = peer('mem_ana', 'Ana');
    const id = createAction(ana, { title: 'Rewrite the app', propose: true });
    await expect(client.call('proposal.decline', { id, reason: '' })).rejects.toThrow('Say why');
    await client.call('proposal.decline', { id, reason: 'Not this year.' });
    const detail = await query(client, 'action', { id });
    expect(detail?.action).toMatchObject({ status: 'wont_do', resolution: 'Not this year.', decision: { outcome: 'declined', reason: 'Not this year.', boardId: null } });
    await expect(client.call('proposal.accept', { id, assignee: 'mem_ana', dueDate: '2026-12-01', newInitiative: { title: 'X' } }))
      .rejects.toThrow('already decided');
    expect((await query(client, 'initiatives')).total).toBe(0); // nothing half-written
  });

  it('runs a huddle: start, attend, note, end moves the watermark; done rows name who closed them', async () => {
    const { client, peer, memberId } = await inMemoryHub({ name: 'Bo' });
    const ana = peer('mem_ana', 'Ana');
    const work = createAction(ana, { title: 'Ship the refund fix', assignee: 'mem_ana' });
    const { id } = await client.call('huddle.start', {});
    expect((await client.call('huddle.start', {})).id).toBe(id);
    await client.call('huddle.attend', { id, memberIds: ['mem_ana'] });
    await client.call('huddle.note', { id, text: 'Ana owns refunds.' });
    let huddle = await query(client, 'huddle');
    expect(huddle.current).toMatchObject({ id, attendees: ['mem_ana', memberId].sort(), notes: [{ text: 'Ana owns refunds.' }] });
    await client.call('huddle.end', { id });
    huddle = await query(client, 'huddle');
    expect(huddle.current).toBeNull();
    expect(huddle.firstHuddle).toBe(false);
    setActionStatus({ ...ana, now: () => Date.UTC(2026, 10, 22, 10) }, work, 'done', 'Shipped');
    huddle = await query(client, 'huddle');
    expect(huddle.done.map((row) => [row.action.id, row.closedBy])).toEqual([[work, 'mem_ana']]);
    await expect(client.call('huddle.end', { id })).rejects.toThrow('already ended');
  });

  it('shows people\'s load and the workspace settings, and refuses bad settings in words', async () => {
    const { client, peer } = await inMemoryHub({ name: 'Bo' });
    const ana = peer('mem_ana', 'Ana');
    createAction(ana, { title: 'Late', assignee: 'mem_ana', dueDate: '2026-11-01' });
    const people = await query(client, 'people');
    expect(people.people.map((p) => [p.member.name, p.open, p.overdue])).toEqual([['Ana', 1, 1], ['Bo', 0, 0]]);
    await client.call('workspace.updateSettings', { patch: { escalationMinCaptures: 5, replyTargetDays: 3 } });
    expect(await query(client, 'workspaceSettings')).toMatchObject({ escalationMinCaptures: 5, replyTargetDays: 3, boardCadence: 'monthly' });
    await expect(client.call('workspace.updateSettings', { patch: { escalationMinCaptures: 0 } })).rejects.toThrow('from 2 to 100');
    const waiting = addCapture(ana, sampleCapture()).id!;
    setCustomerLoop({ ...ana, now: () => Date.UTC(2026, 10, 15) }, waiting, { state: 'reply_needed' });
    expect((await query(client, 'huddle')).escalations.map((e) => e.key)).toEqual([`reply:${waiting}`]);
  });

  it('answers unknown commands and malformed arguments with a clear refusal', async () => {
    const { client } = await inMemoryHub();
    await expect(client.call('huddle.end' as never, { id: 'hud_missing' } as never)).rejects.toThrow('No huddle with id "hud_missing"');
    await expect(client.call('proposal.rank', { order: 'all' as never })).rejects.toThrow('must be a list of ids');
    await expect(client.call('initiative.create', { initiative: { title: '' } })).rejects.toThrow('The title cannot be empty');
    await expect(query(client, 'initiative', { id: 'ini_nope' })).resolves.toBeNull();
  });
});
