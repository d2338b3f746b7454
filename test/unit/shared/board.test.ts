import { describe, expect, it } from 'vitest';
import { createAction, setActionStatus } from '../../../shared/mutations/actions';
import { addCapture } from '../../../shared/mutations/captures';
import { createInitiative } from '../../../shared/mutations/initiatives';
import { endBoard, startBoard } from '../../../shared/mutations/meetings';
import { acceptProposal, declineProposal, rankProposals } from '../../../shared/mutations/proposals';
import { updateWorkspaceSettings } from '../../../shared/mutations/settings';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { customerKey, memberRanking, recentDecisions, runningBoard, scoreProposals } from '../../../shared/queries/board';
import { queryActions } from '../../../shared/queries/actions';
import { sampleCapture, syncPair, testReplica, type TestReplica } from '../../helpers/workspace';

function evidence(r: TestReplica, n: number, authors: (i: number) => string | null = (i) => `Customer ${i}`): string[] {
  return Array.from({ length: n }, (_, i) => {
    r.tick(1000);
    const author = authors(i);
    return addCapture(r.ctx, sampleCapture({
      text: `Evidence ${Math.random()} number ${i}`,
      source: { url: `https://reviews.example/p/${i}-${Math.random()}`, author, permalink: null },
    })).id!;
  });
}

const scored = (r: TestReplica) => {
  const view = createWorkspaceView(r.doc);
  return scoreProposals(view.actions(), (id) => view.capture(id));
};

describe('proposal score', () => {
  it('weighs impact, effort, evidence and ranking as documented', () => {
    const r = testReplica('mem_ana');
    const p = createAction(r.ctx, { title: 'Max', propose: true, impact: 5, effort: 1, captureIds: evidence(r, 15, (i) => `C${i % 8}`) });
    rankProposals(r.ctx, [p]);
    const [top] = scored(r);
    expect(top!.score).toEqual({ total: 100, impact: 1, effort: 1, evidence: 1, ranking: 1, captures: 15, customers: 8, rankedBy: 1 });

    const q = createAction(r.ctx, { title: 'Min', propose: true, impact: 1, effort: 5 });
    const min = scored(r).find((s) => s.action.id === q)!;
    expect(min.score).toMatchObject({ total: 0, impact: 0, effort: 0, evidence: 0, ranking: 0, captures: 0, customers: 0 });
    // Unscored impact and effort count as the middle of the scale.
    const u = createAction(r.ctx, { title: 'Unscored', propose: true });
    expect(scored(r).find((s) => s.action.id === u)!.score).toMatchObject({ impact: 0.5, effort: 0.5, total: 25 });
  });

  it('counts distinct customers: one author on one site is one customer, anonymous reviews each count', () => {
    const r = testReplica('mem_ana');
    const sameAuthor = evidence(r, 3, () => 'Dana K.');
    const anonymous = evidence(r, 2, () => null);
    const p = createAction(r.ctx, { title: 'Refunds', propose: true, captureIds: [...sameAuthor, ...anonymous] });
    expect(scored(r).find((s) => s.action.id === p)!.score).toMatchObject({ captures: 5, customers: 3 });
    const view = createWorkspaceView(r.doc);
    expect(customerKey(view.capture(sameAuthor[0]!)!)).toBe('name:reviews.example:dana k.');
  });

  it('turns members\' rankings into a Borda count over the proposals still open', () => {
    const a = testReplica('mem_ana');
    const b = testReplica('mem_bo');
    syncPair(a.doc, b.doc);
    const [x, y, z] = ['X', 'Y', 'Z'].map((title) => createAction(a.ctx, { title, propose: true, impact: 3, effort: 3 }));
    syncPair(a.doc, b.doc);
    rankProposals(a.ctx, [x!, y!, z!]); // ana: x 1, y 2/3, z 1/3
    rankProposals(b.ctx, [z!, x!]); // bo: z 1, x 1/2, y 0
    syncPair(a.doc, b.doc);
    const parts = Object.fromEntries(scored(a).map((s) => [s.action.title, s.score.ranking]));
    expect(parts).toEqual({ X: 0.75, Y: 0.333, Z: 0.667 });
    expect(scored(a).map((s) => s.action.title)).toEqual(['X', 'Z', 'Y']);
    expect(memberRanking(createWorkspaceView(b.doc).actions(), 'mem_bo')).toEqual({ ranked: [z, x], unranked: [y] });
    // Re-ranking replaces the member's whole order; leaving one out removes its rank.
    rankProposals(b.ctx, [y!]);
    expect(createWorkspaceView(b.doc).action(z!)!.rankings).toEqual({ 'mem_ana': 3 });
  });

  it('keeps two members ranking at the same time from overwriting each other', () => {
    const a = testReplica('mem_ana', { clientId: 1 });
    const b = testReplica('mem_bo', { clientId: 2 });
    syncPair(a.doc, b.doc);
    const p = createAction(a.ctx, { title: 'P', propose: true });
    syncPair(a.doc, b.doc);
    rankProposals(a.ctx, [p]);
    rankProposals(b.ctx, [p]);
    syncPair(a.doc, b.doc);
    expect(createWorkspaceView(a.doc).action(p)!.rankings).toEqual({ mem_ana: 1, mem_bo: 1 });
  });

  it('ranks only open proposals', () => {
    const r = testReplica('mem_ana');
    const work = createAction(r.ctx, { title: 'Already open' });
    expect(() => rankProposals(r.ctx, [work])).toThrow('Only open proposals');
    expect(() => rankProposals(r.ctx, ['act_missing'])).toThrow('No proposal');
  });
});

describe('board decisions', () => {
  it('accepts with an owner and a due date, into an initiative, recorded on the meeting', () => {
    const a = testReplica('mem_ana');
    const b = testReplica('mem_bo');
    syncPair(a.doc, b.doc);
    const p = createAction(a.ctx, { title: 'Refund experience', propose: true });
    syncPair(a.doc, b.doc);
    const board = startBoard(b.ctx);
    const initiative = createInitiative(b.ctx, { title: 'Refund experience', horizon: 'short' });
    expect(() => acceptProposal(b.ctx, p, { assignee: '', dueDate: '2026-12-01' })).toThrow('owner');
    expect(() => acceptProposal(b.ctx, p, { assignee: 'mem_ana', dueDate: '' })).toThrow('due date');
    expect(() => acceptProposal(b.ctx, p, { assignee: 'mem_nobody', dueDate: '2026-12-01' })).toThrow('No member');
    acceptProposal(b.ctx, p, { assignee: 'mem_ana', dueDate: '2026-12-01', initiativeId: initiative, boardId: board });
    const view = createWorkspaceView(b.doc);
    expect(view.action(p)).toMatchObject({
      status: 'open', assignee: 'mem_ana', dueDate: '2026-12-01', initiativeId: initiative,
      decision: { outcome: 'accepted', reason: null, by: 'mem_bo', boardId: board },
    });
    expect(view.boards()[0]!.decisions).toEqual([p]);
    expect(() => declineProposal(b.ctx, p, { reason: 'changed my mind' })).toThrow('already decided');
    syncPair(a.doc, b.doc);
    expect(queryActions(createWorkspaceView(a.doc).actions(), { view: 'mine', me: 'mem_ana' }).items.map((x) => x.id)).toEqual([p]);
  });

  it('declines only with a reason, which the proposer reads as the resolution', () => {
    const a = testReplica('mem_ana');
    const p = createAction(a.ctx, { title: 'Rewrite the app', propose: true });
    expect(() => declineProposal(a.ctx, p, { reason: '  ' })).toThrow('Say why');
    declineProposal(a.ctx, p, { reason: 'Not this year: the mobile team is on payments.' });
    expect(createWorkspaceView(a.doc).action(p)).toMatchObject({
      status: 'wont_do', resolution: 'Not this year: the mobile team is on payments.',
      decision: { outcome: 'declined', reason: 'Not this year: the mobile team is on payments.', by: 'mem_ana', boardId: null },
    });
    expect(recentDecisions(createWorkspaceView(a.doc).actions(), '2026-01-01').map((x) => x.id)).toEqual([p]);
  });

  it('cannot skip the board: a proposal is not set open by hand, and only its proposer withdraws it', () => {
    const a = testReplica('mem_ana');
    const b = testReplica('mem_bo');
    syncPair(a.doc, b.doc);
    const p = createAction(a.ctx, { title: 'P', propose: true });
    syncPair(a.doc, b.doc);
    expect(() => setActionStatus(b.ctx, p, 'open')).toThrow('change board');
    expect(() => setActionStatus(b.ctx, p, 'wont_do', 'no')).toThrow('only its proposer');
    expect(() => setActionStatus(a.ctx, p, 'proposed')).toThrow('created as one');
    setActionStatus(a.ctx, p, 'wont_do', 'Withdrawn: duplicate of the refund work.');
    expect(createWorkspaceView(a.doc).action(p)!.status).toBe('wont_do');
  });

  it('ends a meeting with the next board date, one cadence ahead unless given', () => {
    const r = testReplica('mem_ana'); // the clock reads 2026-11-01
    const first = startBoard(r.ctx);
    expect(runningBoard(createWorkspaceView(r.doc).boards(), r.ctx.now!())?.id).toBe(first);
    expect(endBoard(r.ctx, first)).toBe('2026-12-01');
    expect(createWorkspaceView(r.doc).settings().nextBoardDate).toBe('2026-12-01');
    updateWorkspaceSettings(r.ctx, { boardCadence: 'quarterly' });
    r.tick(60_000);
    const second = startBoard(r.ctx);
    expect(second).not.toBe(first);
    expect(() => endBoard(r.ctx, second, { nextBoardDate: '2026-11-01' })).toThrow('after today');
    expect(endBoard(r.ctx, second)).toBe('2027-02-01');
    const third = startBoard(r.ctx);
    expect(endBoard(r.ctx, third, { nextBoardDate: '2026-11-20' })).toBe('2026-11-20');
    const view = createWorkspaceView(r.doc);
    expect(view.boards().find((b) => b.id === third)!.nextBoardDate).toBe('2026-11-20');
    expect(runningBoard(view.boards(), r.ctx.now!())).toBeNull();
    const p = createAction(r.ctx, { title: 'Late idea', propose: true });
    expect(() => acceptProposal(r.ctx, p, { assignee: 'mem_ana', dueDate: '2026-12-01', boardId: third })).toThrow('has ended');
  });
});
