import { describe, expect, it } from 'vitest';
import { createAction, setActionStatus } from '../../../shared/mutations/actions';
import { addCapture, setCaptureStatus, tagCaptures } from '../../../shared/mutations/captures';
import { isOverdue, quadrantOf, quadrants, queryActions } from '../../../shared/queries/actions';
import { countWorkspace } from '../../../shared/queries/counts';
import { newestFirst, queryInbox, sitesInUse, tagsInUse } from '../../../shared/queries/inbox';
import { parseQuery } from '../../../shared/queries/text-search';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import type { Action } from '../../../shared/schema/records';
import { sampleCapture, syncPair, testReplica } from '../../helpers/workspace';

function seededInbox() {
  const alice = testReplica('mem_alice');
  const bob = testReplica('mem_bob');
  const crash = addCapture(alice.ctx, sampleCapture()).id!;
  alice.tick();
  const cafe = addCapture(alice.ctx, sampleCapture({
    text: 'Le café était froid et le service lent', sentiment: 'negative', channel: 'social',
    source: { url: 'https://x.com/someone/status/1', platform: 'x', author: 'Zoé' },
  })).id!;
  bob.tick(120_000);
  const praise = addCapture(bob.ctx, sampleCapture({
    text: 'Support solved my billing issue in minutes', sentiment: 'positive', channel: 'support',
    source: { url: 'https://help.shop.example/tickets/77' },
  })).id!;
  const ids = { crash, cafe, praise };
  syncPair(alice.doc, bob.doc);
  tagCaptures(alice.ctx, [ids.crash, ids.praise], { add: ['billing'] });
  setCaptureStatus(alice.ctx, [ids.praise], 'archived', 'Praise, no action');
  return { view: createWorkspaceView(alice.doc), ids, alice };
}

describe('inbox query', () => {
  it('lists newest first and pages', () => {
    const { view, ids } = seededInbox();
    const all = queryInbox(view.captures());
    expect(all.items.map((c) => c.id)).toEqual([ids.praise, ids.cafe, ids.crash]);
    expect(queryInbox(view.captures(), {}, { offset: 1, limit: 1 })).toMatchObject({ total: 3, offset: 1, items: [{ id: ids.cafe }] });
    expect(queryInbox(view.captures(), {}, { offset: 9, limit: 5 })).toEqual({ total: 3, offset: 3, items: [] });
    expect(queryInbox(view.captures(), { status: 'new' }, { offset: -2, limit: 1 })).toMatchObject({ total: 2, offset: 0, items: [{ id: ids.cafe }] });
  });

  it('sorts each list of captures once, and a changed workspace (a new list) in its new order', () => {
    const { view, ids, alice } = seededInbox();
    const before = view.captures();
    expect(newestFirst(before)).toBe(newestFirst(before));
    alice.tick(600_000);
    const latest = addCapture(alice.ctx, sampleCapture({ text: 'Newest of all', source: { url: 'https://shop.example/p/9' } })).id!;
    expect(view.captures()).not.toBe(before);
    expect(queryInbox(view.captures()).items.map((c) => c.id)).toEqual([latest, ids.praise, ids.cafe, ids.crash]);
    expect(queryInbox(before).items.map((c) => c.id)).toEqual([ids.praise, ids.cafe, ids.crash]);
  });

  it('filters by status, tag, channel, sentiment, site and who captured', () => {
    const { view, ids } = seededInbox();
    const ids_ = (filter: Parameters<typeof queryInbox>[1]) => queryInbox(view.captures(), filter).items.map((c) => c.id);
    expect(ids_({ status: 'new' })).toEqual([ids.cafe, ids.crash]);
    expect(ids_({ tag: 'Billing' })).toEqual([ids.praise, ids.crash]);
    expect(ids_({ channel: 'social' })).toEqual([ids.cafe]);
    expect(ids_({ sentiment: 'positive' })).toEqual([ids.praise]);
    expect(ids_({ site: 'x.com' })).toEqual([ids.cafe]);
    expect(ids_({ capturedBy: 'mem_bob' })).toEqual([ids.praise]);
    expect(ids_({ status: 'new', tag: 'billing' })).toEqual([ids.crash]);
  });

  it('searches text, ignoring case and accents, with quoted phrases', () => {
    const { view, ids } = seededInbox();
    const search = (text: string) => queryInbox(view.captures(), { text }).items.map((c) => c.id);
    expect(search('CAFE froid')).toEqual([ids.cafe]);
    expect(search('zoe')).toEqual([ids.cafe]);
    expect(search('"billing issue"')).toEqual([ids.praise]);
    expect(search('"issue billing"')).toEqual([]);
    expect(search('trustpilot coupon')).toEqual([ids.crash]);
    expect(parseQuery('  "A  b"  Ç ')).toEqual(['a b', 'c']);
  });

  it('suggests tags and sites in use', () => {
    const { view } = seededInbox();
    expect(tagsInUse(view.captures())).toEqual([{ tag: 'billing', count: 2 }]);
    expect(sitesInUse(view.captures()).map((s) => s.site)).toEqual(['help.shop.example', 'trustpilot.com', 'x.com']);
  });
});

function action(overrides: Partial<Action>): Action {
  return {
    id: 'act_x', title: 'x', description: '', status: 'open', assignee: null, dueDate: null, impact: null, effort: null,
    captureIds: [], createdBy: 'mem_alice', createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z',
    doneAt: null, resolution: null, comments: [], statusChangedAt: '2026-11-01T09:00:00.000Z', initiativeId: null, rankings: {},
    decision: null, ...overrides,
  };
}

describe('action queries', () => {
  it('places actions in the impact/effort 2x2', () => {
    expect(quadrantOf(action({ impact: 5, effort: 1 }))).toBe('quick_win');
    expect(quadrantOf(action({ impact: 3, effort: 2 }))).toBe('quick_win');
    expect(quadrantOf(action({ impact: 4, effort: 4 }))).toBe('big_bet');
    expect(quadrantOf(action({ impact: 1, effort: 1 }))).toBe('fill_in');
    expect(quadrantOf(action({ impact: 2, effort: 5 }))).toBe('money_pit');
    expect(quadrantOf(action({ impact: 5 }))).toBe('unscored');
  });

  it('orders quick wins first, best gain first, closed actions out of the 2x2', () => {
    const list = [
      action({ id: 'act_pit', impact: 1, effort: 5 }),
      action({ id: 'act_bet', impact: 5, effort: 5 }),
      action({ id: 'act_win2', impact: 3, effort: 2 }),
      action({ id: 'act_win1', impact: 5, effort: 1 }),
      action({ id: 'act_done', impact: 5, effort: 1, status: 'done' }),
    ];
    expect(queryActions(list, { view: 'quick_wins' }).items.map((a) => a.id)).toEqual(['act_win1', 'act_win2']);
    expect(queryActions(list).items.map((a) => a.id)).toEqual(['act_win1', 'act_win2', 'act_bet', 'act_pit', 'act_done']);
    const q = quadrants(list);
    expect(q.quick_win.map((a) => a.id)).toEqual(['act_win1', 'act_win2']);
    expect(q.money_pit.map((a) => a.id)).toEqual(['act_pit']);
  });

  it('finds mine and overdue against the viewer\'s date', () => {
    const list = [
      action({ id: 'act_late', assignee: 'mem_a', dueDate: '2026-11-01' }),
      action({ id: 'act_today', assignee: 'mem_a', dueDate: '2026-11-02' }),
      action({ id: 'act_other', assignee: 'mem_b', dueDate: '2026-10-01' }),
      action({ id: 'act_closed', assignee: 'mem_a', dueDate: '2026-10-01', status: 'wont_do' }),
    ];
    expect(isOverdue(list[0]!, '2026-11-02')).toBe(true);
    expect(isOverdue(list[1]!, '2026-11-02')).toBe(false);
    expect(queryActions(list, { view: 'mine', me: 'mem_a' }).items.map((a) => a.id)).toEqual(['act_late', 'act_today']);
    expect(queryActions(list, { view: 'overdue', today: '2026-11-02' }).items.map((a) => a.id)).toEqual(['act_other', 'act_late']);
    expect(queryActions(list, { assignee: 'unassigned' }).items).toEqual([]);
    expect(() => queryActions(list, { view: 'overdue' })).toThrow(/today/);
  });

  it('counts what the badge and tabs show', () => {
    const { alice, ids } = seededInbox();
    const late = createAction(alice.ctx, { title: 'Fix coupons', captureIds: [ids.crash], assignee: 'mem_alice', dueDate: '2026-10-31', impact: 4, effort: 1 });
    createAction(alice.ctx, { title: 'Answer Zoé', assignee: 'mem_alice', dueDate: '2026-11-01' });
    const closed = createAction(alice.ctx, { title: 'Old', assignee: 'mem_alice', dueDate: '2026-01-01' });
    setActionStatus(alice.ctx, closed, 'done', 'done');
    const view = createWorkspaceView(alice.doc);
    const counts = countWorkspace(view.captures(), view.actions(), { me: 'mem_alice', today: '2026-11-01' });
    expect(counts.captures).toEqual({ new: 1, triaged: 1, archived: 1 });
    expect(counts.actions).toMatchObject({ open: 2, done: 1 });
    expect(counts).toMatchObject({ overdue: 1, quickWins: 1, mine: { open: 2, dueOrOverdue: 2, overdue: 1 } });
    expect(view.action(late)!.status).toBe('open');
  });
});
