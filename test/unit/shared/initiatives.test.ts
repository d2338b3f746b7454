import { describe, expect, it } from 'vitest';
import { createAction, setActionInitiative, setActionStatus } from '../../../shared/mutations/actions';
import { createInitiative, editInitiative } from '../../../shared/mutations/initiatives';
import { registerMember } from '../../../shared/mutations/members';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { initiativeMap, progressOf } from '../../../shared/queries/initiatives';
import { peopleView } from '../../../shared/queries/people';
import { syncPair, testReplica } from '../../helpers/workspace';

describe('initiatives', () => {
  it('numbers initiatives in order and shows their progress: done of total, overdue', () => {
    const r = testReplica('mem_ana');
    const refunds = createInitiative(r.ctx, {
      title: 'Refund experience', objective: 'Refunds in 3 days', definitionOfDone: 'Median refund under 3 days for a month',
      horizon: 'short', costText: 'Two sprints', costAmount: 24_000, benefitText: 'Fewer chargebacks', benefitAmount: 60_000, sponsor: 'mem_ana',
    });
    const portal = createInitiative(r.ctx, { title: 'Self-service portal', horizon: 'long' });
    const ids = ['A', 'B', 'C', 'D'].map((title) => createAction(r.ctx, { title, initiativeId: refunds, dueDate: '2026-10-01' }));
    setActionStatus(r.ctx, ids[0]!, 'done', 'shipped');
    setActionStatus(r.ctx, ids[1]!, 'wont_do', 'not needed');
    const view = createWorkspaceView(r.doc);
    expect(view.initiatives().map((i) => [i.code, i.title])).toEqual([['CX-1', 'Refund experience'], ['CX-2', 'Self-service portal']]);
    expect(view.initiative(refunds)).toMatchObject({ costAmount: 24_000, benefitAmount: 60_000, sponsor: 'mem_ana', status: 'planned' });
    const map = initiativeMap(view.initiatives(), view.actions(), '2026-11-01');
    expect(map.short.map((s) => [s.initiative.code, s.progress])).toEqual([['CX-1', { done: 1, total: 3, overdue: 2 }]]);
    expect(map.mid).toEqual([]);
    expect(map.long.map((s) => s.progress)).toEqual([{ done: 0, total: 0, overdue: 0 }]);
    setActionInitiative(r.ctx, ids[2]!, portal);
    const after = createWorkspaceView(r.doc);
    expect(progressOf(after.actions().filter((a) => a.initiativeId === portal), '2026-11-01')).toEqual({ done: 0, total: 1, overdue: 1 });
    expect(() => setActionInitiative(r.ctx, ids[2]!, 'ini_missing')).toThrow('No initiative');
  });

  it('edits fields and refuses bad ones with a clear message', () => {
    const r = testReplica('mem_ana');
    const id = createInitiative(r.ctx, { title: 'Onboarding' });
    editInitiative(r.ctx, id, { status: 'active', horizon: 'mid', costAmount: null });
    expect(createWorkspaceView(r.doc).initiative(id)).toMatchObject({ status: 'active', horizon: 'mid', costAmount: null });
    expect(() => createInitiative(r.ctx, { title: ' ' })).toThrow('The title cannot be empty');
    expect(() => editInitiative(r.ctx, id, { horizon: 'someday' as never })).toThrow('Horizon must be one of short, mid, long');
    expect(() => editInitiative(r.ctx, id, { costAmount: -5 })).toThrow('The cost amount must be a number');
    expect(() => editInitiative(r.ctx, id, { sponsor: 'mem_ghost' })).toThrow('No member');
  });

  it('gives offline duplicates distinct codes, the same on every replica, and later ones come after them', () => {
    const a = testReplica('mem_ana', { clientId: 1 });
    const b = testReplica('mem_bo', { clientId: 2 });
    syncPair(a.doc, b.doc);
    createInitiative(a.ctx, { title: 'First' });
    syncPair(a.doc, b.doc);
    a.tick(1000);
    createInitiative(a.ctx, { title: 'Ana offline' });
    b.tick(2000);
    createInitiative(b.ctx, { title: 'Bo offline' });
    syncPair(a.doc, b.doc);
    const codes = (doc = a.doc) => createWorkspaceView(doc).initiatives().map((i) => `${i.code} ${i.title}`);
    expect(codes()).toEqual(['CX-1 First', 'CX-2 Ana offline', 'CX-3 Bo offline']);
    expect(codes(b.doc)).toEqual(codes());
    createInitiative(b.ctx, { title: 'Next' });
    syncPair(a.doc, b.doc);
    expect(codes()).toEqual(['CX-1 First', 'CX-2 Ana offline', 'CX-3 Bo offline', 'CX-4 Next']);
  });
});

describe('people', () => {
  it('shows each member with what they own: open, overdue, done in the last 30 days', () => {
    const r = testReplica('mem_ana', { name: 'Ana' });
    registerMember({ ...r.ctx, actor: 'mem_bo' }, { name: 'Bo', role: 'editor' });
    createAction(r.ctx, { title: 'Late', assignee: 'mem_bo', dueDate: '2026-10-01' });
    createAction(r.ctx, { title: 'Open', assignee: 'mem_bo' });
    createAction(r.ctx, { title: 'Nobody', dueDate: '2026-10-01' });
    createAction(r.ctx, { title: 'Proposal', assignee: 'mem_ana', propose: true });
    const done = createAction(r.ctx, { title: 'Done', assignee: 'mem_ana' });
    setActionStatus(r.ctx, done, 'done', 'ok');
    const view = createWorkspaceView(r.doc);
    const now = r.ctx.now!();
    const people = peopleView(view.members(), view.actions(), { now, today: '2026-11-01' });
    expect(people.people.map((p) => [p.member.name, p.open, p.overdue, p.doneRecently])).toEqual([['Bo', 2, 1, 0], ['Ana', 0, 0, 1]]);
    expect(people.unassigned).toEqual({ open: 1, overdue: 1 });
    const later = peopleView(view.members(), view.actions(), { now: now + 31 * 86_400_000, today: '2026-12-02' });
    expect(later.people.find((p) => p.member.id === 'mem_ana')!.doneRecently).toBe(0);
  });
});
