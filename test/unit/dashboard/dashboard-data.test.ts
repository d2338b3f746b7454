/**
 * @module The dashboard's numbers on a small workspace written by hand, where each can be worked
 * out on paper: captures by week, themes against the period before, loop speed, closure by month,
 * overdue over time, the reply rate, owners, and filters.
 */
import { describe, expect, it } from 'vitest';
import { createDashboardAggregates } from '../../../shared/dashboard/aggregates';
import { dashboardView, type ViewEnv } from '../../../shared/dashboard/views';
import { assignAction, createAction, linkCaptures, setActionStatus } from '../../../shared/mutations/actions';
import { addCapture, setCaptureStatus, setCustomerLoop } from '../../../shared/mutations/captures';
import { registerMember } from '../../../shared/mutations/members';
import { buildIdf } from '../../../shared/queries/similarity';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import type { Channel } from '../../../shared/schema/constants';
import { sampleCapture, testReplica } from '../../helpers/workspace';

const NOW = Date.parse('2026-11-22T12:00:00Z');

function workspace() {
  const w = testReplica('mem_alice');
  const at = (iso: string) => ({ ...w.ctx, now: () => Date.parse(iso) });
  registerMember({ ...at('2026-10-01T00:00:00Z'), actor: 'mem_bob' }, { name: 'Bob', role: 'editor' });
  const capture = (iso: string, site: string, channel: Channel, tags: string[], rating: number | null) =>
    addCapture(at(iso), sampleCapture({ text: `Feedback from ${iso}`, tags, channel, source: { url: `https://${site}/r/${iso}`, rating, ratingMax: rating === null ? null : 5 } }), { allowDuplicate: true }).id!;
  const c1 = capture('2026-11-02T10:00:00Z', 'trustpilot.com', 'review', ['checkout'], 2);
  const c2 = capture('2026-11-03T10:00:00Z', 'reddit.com', 'social', ['checkout', 'mobile'], null);
  const c3 = capture('2026-11-10T10:00:00Z', 'trustpilot.com', 'review', ['billing'], 4);
  capture('2026-10-20T10:00:00Z', 'trustpilot.com', 'review', ['billing'], 1);
  capture('2026-10-21T10:00:00Z', 'g2.com', 'review', ['billing'], 3);
  const c6 = capture('2026-11-05T10:00:00Z', 'trustpilot.com', 'review', ['checkout'], 1);
  setCaptureStatus(at('2026-11-05T11:00:00Z'), [c6], 'archived', 'spam');
  setCustomerLoop(at('2026-11-10T12:00:00Z'), c3, { state: 'reply_needed' });
  setCustomerLoop(at('2026-11-12T12:00:00Z'), c3, { state: 'replied', replyUrl: 'https://trustpilot.com/reply/1' });
  const a1 = createAction(at('2026-11-04T10:00:00Z'), { title: 'Fix the coupon crash', captureIds: [c1, c2], dueDate: '2026-11-08' });
  assignAction(at('2026-11-04T10:00:00Z'), a1, 'mem_bob');
  setActionStatus(at('2026-11-11T10:00:00Z'), a1, 'done', 'Shipped');
  const a2 = createAction(at('2026-11-05T10:00:00Z'), { title: 'Call the customer back', dueDate: '2026-11-06' });
  assignAction(at('2026-11-05T10:00:00Z'), a2, 'mem_alice');
  const a3 = createAction(at('2026-11-19T10:00:00Z'), { title: 'Explain VAT on invoices' });
  linkCaptures(at('2026-11-20T10:00:00Z'), a3, [c3]);
  const view = createWorkspaceView(w.doc);
  const env: ViewEnv = { view, aggregates: createDashboardAggregates(view, { live: true }), now: NOW, today: '2026-11-22', idf: buildIdf([]) };
  return { w, at, env, ids: { c1, c2, c3, a1, a2, a3 } };
}

describe('the dashboard over a hand-made workspace', () => {
  it('counts the last 30 days by week, with themes, speed, closure, overdue, replies and owners', () => {
    const { env } = workspace();
    const d = dashboardView(env, '30', {});
    expect(d.range).toEqual({ start: '2026-10-24', end: '2026-11-22' });
    expect(d.previous).toEqual({ start: '2026-09-24', end: '2026-10-23' });
    expect(d.totals).toMatchObject({ captures: 3, previousCaptures: 2, meanRating: 3, actionsCreated: 3, actionsDone: 1, overdueNow: 1 });
    expect(d.weeks.map((w) => [w.week, w.total])).toEqual([['2026-10-19', 0], ['2026-10-26', 0], ['2026-11-02', 2], ['2026-11-09', 1], ['2026-11-16', 0]]);
    expect(d.weeks[2]!.channel).toMatchObject({ review: 1, social: 1 });
    expect(d.weeks[3]!.sentiment).toMatchObject({ negative: 1 });
    expect(d.tagThemes.rising.map((t) => [t.label, t.current, t.previous])).toEqual([['checkout', 2, 0], ['mobile', 1, 0]]);
    expect(d.tagThemes.falling.map((t) => [t.label, t.current, t.previous])).toEqual([['billing', 1, 2]]);
    // Capture -> action: c2 1 day, c1 2 days (linked when a1 was made), c3 10 days (linked to a3 later).
    expect(d.speed.toAction).toEqual({ count: 3, median: 2, p90: 10 });
    expect(d.speed.toDone).toEqual({ count: 1, median: 7, p90: 7 });
    expect(d.speed.toReply).toEqual({ count: 1, median: 2, p90: 2 });
    expect(d.closure).toEqual([{ month: '2026-10', created: 0, done: 0, rate: null }, { month: '2026-11', created: 3, done: 1, rate: 0.333 }]);
    // a2 is overdue from 11-07 on; a1 was overdue 11-09 and 11-10 and done on 11-11.
    expect(d.overdue).toEqual([
      { day: '2026-10-25', count: 0 }, { day: '2026-11-01', count: 0 }, { day: '2026-11-08', count: 1 }, { day: '2026-11-15', count: 1 }, { day: '2026-11-22', count: 1 },
    ]);
    expect(d.replies).toEqual({ needed: 1, replied: 1, rate: 1 });
    expect(d.owners).toEqual([
      { id: 'mem_alice', name: 'alice', open: 1, overdue: 1, done: 0 },
      { id: null, name: 'Unassigned', open: 1, overdue: 0, done: 0 },
      { id: 'mem_bob', name: 'Bob', open: 0, overdue: 0, done: 1 },
    ]);
  });

  it('narrows every number to a site, a channel or a tag, and their combination', () => {
    const { env } = workspace();
    const checkout = dashboardView(env, '30', { tag: 'checkout' });
    expect(checkout.totals).toMatchObject({ captures: 2, actionsCreated: 1, actionsDone: 1, overdueNow: 0 });
    expect(checkout.speed.toAction).toEqual({ count: 2, median: 1, p90: 2 });
    const reddit = dashboardView(env, '30', { site: 'reddit.com' });
    expect(reddit.totals.captures).toBe(1);
    expect(reddit.owners.map((o) => o.name)).toEqual(['Bob']);
    expect(dashboardView(env, '30', { site: 'trustpilot.com', tag: 'billing' }).totals).toMatchObject({ captures: 1, previousCaptures: 1, actionsCreated: 1 });
    expect(dashboardView(env, '30', { channel: 'forum' }).totals.captures).toBe(0);
    expect(dashboardView(env, 'all', {}).range.start).toBe('2026-10-20');
  });

  it('follows new captures and status changes without a rebuild', () => {
    const { w, at, env, ids } = workspace();
    addCapture(at('2026-11-21T09:00:00Z'), sampleCapture({ text: 'Coupon broke again', tags: ['checkout'] }));
    setActionStatus(at('2026-11-21T10:00:00Z'), ids.a2, 'done', 'Called');
    const d = dashboardView(env, '30', {});
    expect(d.weeks.at(-1)!.total).toBe(1);
    expect(d.totals).toMatchObject({ captures: 4, actionsDone: 2, overdueNow: 0 });
    expect(d.overdue.at(-1)).toEqual({ day: '2026-11-22', count: 0 });
    expect(d.closure[1]).toEqual({ month: '2026-11', created: 3, done: 2, rate: 0.667 });
    expect(env.aggregates.toJSON()).toEqual(createDashboardAggregates(createWorkspaceView(w.doc)).toJSON());
  });
});
