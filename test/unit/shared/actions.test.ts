import { describe, expect, it } from 'vitest';
import {
  assignAction, commentOnAction, createAction, editAction, linkCaptures, scoreAction, setActionStatus, setDueDate, unlinkCaptures,
} from '../../../shared/mutations/actions';
import { addCapture } from '../../../shared/mutations/captures';
import { historyOf } from '../../../shared/queries/actions';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { sampleCapture, syncPair, testReplica } from '../../helpers/workspace';

function workspaceWithTwoCaptures() {
  const replica = testReplica('mem_alice');
  const a = addCapture(replica.ctx, sampleCapture()).id!;
  const b = addCapture(replica.ctx, sampleCapture({ text: 'Coupon field rejects lowercase codes.' })).id!;
  return { ...replica, a, b };
}

describe('action mutations', () => {
  it('creates an action from several captures, linking both ways and triaging them', () => {
    const { doc, ctx, a, b } = workspaceWithTwoCaptures();
    const id = createAction(ctx, { title: 'Fix coupon checkout', captureIds: [a, b], assignee: 'mem_alice', dueDate: '2026-11-05', impact: 4, effort: 2 });
    const view = createWorkspaceView(doc);
    expect(view.action(id)).toMatchObject({
      title: 'Fix coupon checkout', status: 'open', assignee: 'mem_alice', dueDate: '2026-11-05', impact: 4, effort: 2,
      captureIds: [a, b].sort(), createdBy: 'mem_alice', doneAt: null, resolution: null, comments: [],
    });
    expect(view.capture(a)).toMatchObject({ status: 'triaged', actionIds: [id] });
    expect(view.capture(b)).toMatchObject({ status: 'triaged', actionIds: [id] });
    expect(historyOf(view.activity(), id).map((e) => e.verb).sort()).toEqual(['action.assigned', 'action.created', 'action.due', 'action.linked', 'action.linked']);
  });

  it('refuses bad input before writing anything', () => {
    const { doc, ctx, a } = workspaceWithTwoCaptures();
    const activity = doc.getMap('activity').size;
    expect(() => createAction(ctx, { title: ' ' })).toThrow('The title cannot be empty.');
    expect(() => createAction(ctx, { title: 'x', impact: 7 })).toThrow('Impact must be a whole number from 1 to 5.');
    expect(() => createAction(ctx, { title: 'x', dueDate: '2026-02-30' })).toThrow(/real date/);
    expect(() => createAction(ctx, { title: 'x', captureIds: [a, 'cap_gone'] })).toThrow(/No capture with id "cap_gone"/);
    expect(() => createAction(ctx, { title: 'x', assignee: 'mem_nobody' })).toThrow(/No member/);
    expect(doc.getMap('actions').size).toBe(0);
    expect(doc.getMap('activity').size).toBe(activity);
  });

  it('links and unlinks evidence', () => {
    const { doc, ctx, a, b } = workspaceWithTwoCaptures();
    const id = createAction(ctx, { title: 'Fix coupons', captureIds: [a] });
    linkCaptures(ctx, id, [b]);
    unlinkCaptures(ctx, id, [a]);
    const view = createWorkspaceView(doc);
    expect(view.action(id)!.captureIds).toEqual([b]);
    expect(view.capture(a)!.actionIds).toEqual([]);
    expect(view.capture(b)!.actionIds).toEqual([id]);
  });

  it('needs a resolution to close, records doneAt, and clears both on reopening', () => {
    const { doc, ctx, tick } = workspaceWithTwoCaptures();
    const id = createAction(ctx, { title: 'Fix coupons' });
    expect(() => setActionStatus(ctx, id, 'done')).toThrow(/Say how it was resolved/);
    expect(() => setActionStatus(ctx, id, 'wont_do', '  ')).toThrow(/won't do/);
    tick();
    setActionStatus(ctx, id, 'done', 'Shipped in 4.2');
    const view = createWorkspaceView(doc);
    expect(view.action(id)).toMatchObject({ status: 'done', resolution: 'Shipped in 4.2', doneAt: '2026-11-01T09:01:00.000Z' });
    setActionStatus(ctx, id, 'in_progress');
    expect(view.action(id)).toMatchObject({ status: 'in_progress', resolution: null, doneAt: null });
    const statusLog = historyOf(view.activity(), id).filter((e) => e.verb === 'action.status');
    expect(statusLog.map((e) => `${e.field}:${String(e.from)}->${String(e.to)}`)).toEqual(expect.arrayContaining([
      'status:open->done', 'resolution:null->Shipped in 4.2', 'status:done->in_progress', 'resolution:Shipped in 4.2->null',
    ]));
  });

  it('assigns, schedules, scores, edits and comments', () => {
    const { doc, ctx } = workspaceWithTwoCaptures();
    const bob = testReplica('mem_bob');
    syncPair(doc, bob.doc);
    const id = createAction(ctx, { title: 'Fix coupons' });
    assignAction(ctx, id, 'mem_bob');
    setDueDate(ctx, id, '2026-11-10');
    scoreAction(ctx, id, { impact: 5, effort: 1 });
    editAction(ctx, id, { description: 'Lowercase codes fail' });
    const commentId = commentOnAction(ctx, id, 'Repro on Safari too');
    const view = createWorkspaceView(doc);
    expect(view.action(id)).toMatchObject({
      assignee: 'mem_bob', dueDate: '2026-11-10', impact: 5, effort: 1, description: 'Lowercase codes fail',
      comments: [{ id: commentId, author: 'mem_alice', text: 'Repro on Safari too', at: '2026-11-01T09:00:00.000Z' }],
    });
    assignAction(ctx, id, null);
    setDueDate(ctx, id, null);
    scoreAction(ctx, id, { impact: null });
    expect(view.action(id)).toMatchObject({ assignee: null, dueDate: null, impact: null, effort: 1 });
    expect(() => commentOnAction(ctx, id, '')).toThrow(/cannot be empty/);
  });
});
