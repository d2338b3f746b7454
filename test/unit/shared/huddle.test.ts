import { describe, expect, it } from 'vitest';
import { createAction, setActionStatus, setDueDate, assignAction } from '../../../shared/mutations/actions';
import { addCapture, setCustomerLoop, setCaptureStatus } from '../../../shared/mutations/captures';
import { addHuddleNote, endHuddle, setAttendance, startHuddle } from '../../../shared/mutations/meetings';
import { updateWorkspaceSettings } from '../../../shared/mutations/settings';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { huddleView, HUDDLE_SECTIONS } from '../../../shared/queries/huddle';
import { buildIdf } from '../../../shared/queries/similarity';
import { localCalendarDate } from '../../../shared/util/dates';
import { sampleCapture, syncPair, testReplica, type TestReplica } from '../../helpers/workspace';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function huddleOf(r: TestReplica, options: { limits?: Record<string, number> } = {}) {
  const view = createWorkspaceView(r.doc);
  const now = r.ctx.now!();
  return huddleView(view, { now, today: localCalendarDate(now), idf: buildIdf(view.captures().map((c) => c.text)), ...options });
}

/** One capture a minute, each from its own page and author. */
function capture(r: TestReplica, text: string, tags: string[] = []): string {
  r.tick(60_000);
  return addCapture(r.ctx, sampleCapture({ text, tags, source: { url: `https://reviews.example/${encodeURIComponent(text)}`, author: text.slice(0, 12) } })).id!;
}

describe('the huddle', () => {
  it('looks back seven days before the first huddle, then to the end of the last one', () => {
    const r = testReplica('mem_ana');
    const old = capture(r, 'Captured long before');
    r.tick(8 * DAY);
    const recent = capture(r, 'Captured this week');
    let h = huddleOf(r);
    expect(h.firstHuddle).toBe(true);
    expect(h.watermark).toBe(new Date(r.ctx.now!() - 7 * DAY).toISOString());
    expect(h.newCaptures.map((c) => c.id)).toEqual([recent]);
    expect(h.newCaptures.map((c) => c.id)).not.toContain(old);

    const id = startHuddle(r.ctx);
    r.tick(15 * 60_000);
    endHuddle(r.ctx, id);
    const endedAt = new Date(r.ctx.now!()).toISOString();
    r.tick(HOUR);
    const after = capture(r, 'Captured after the huddle');
    h = huddleOf(r);
    expect(h.firstHuddle).toBe(false);
    expect(h.watermark).toBe(endedAt);
    expect(h.newCaptures.map((c) => c.id)).toEqual([after]);
    expect(h.lastEnded?.id).toBe(id);
  });

  it('records who was there and the notes, joins a running huddle instead of starting a second', () => {
    const a = testReplica('mem_ana');
    const b = testReplica('mem_bo');
    syncPair(a.doc, b.doc);
    const id = startHuddle(a.ctx);
    syncPair(a.doc, b.doc);
    b.tick(60_000);
    expect(startHuddle(b.ctx)).toBe(id);
    addHuddleNote(b.ctx, id, 'Refunds: Bo calls finance today.');
    syncPair(a.doc, b.doc);
    const h = huddleOf(a);
    expect(h.current).toMatchObject({ id, attendees: ['mem_ana', 'mem_bo'], notes: [{ author: 'mem_bo', text: 'Refunds: Bo calls finance today.' }] });
    setAttendance(a.ctx, 'huddle', id, ['mem_bo'], false);
    expect(huddleOf(a).current?.attendees).toEqual(['mem_ana']);
    endHuddle(a.ctx, id);
    expect(() => endHuddle(a.ctx, id)).toThrow('already ended');
    expect(huddleOf(a).current).toBeNull();
  });

  it('treats a huddle nobody ended within 12 hours as abandoned', () => {
    const r = testReplica('mem_ana');
    const first = startHuddle(r.ctx);
    r.tick(13 * HOUR);
    expect(huddleOf(r).current).toBeNull();
    expect(startHuddle(r.ctx)).not.toBe(first);
  });

  it('lists overdue, blocked, due this week and done since the watermark, naming who closed what', () => {
    const a = testReplica('mem_ana', { name: 'Ana' });
    const b = testReplica('mem_bo', { name: 'Bo' });
    syncPair(a.doc, b.doc);
    const today = localCalendarDate(a.ctx.now!());
    const late = createAction(a.ctx, { title: 'Late', dueDate: '2026-10-20', assignee: 'mem_bo' });
    const soon = createAction(a.ctx, { title: 'Soon', dueDate: today });
    const later = createAction(a.ctx, { title: 'Next month', dueDate: '2026-12-20' });
    const stuck = createAction(a.ctx, { title: 'Stuck' });
    setActionStatus(a.ctx, stuck, 'blocked');
    const doneBefore = createAction(a.ctx, { title: 'Done before' });
    setActionStatus(a.ctx, doneBefore, 'done', 'shipped');
    a.tick(HOUR);
    const id = startHuddle(a.ctx);
    endHuddle(a.ctx, id);
    syncPair(a.doc, b.doc);
    b.tick(2 * HOUR);
    setActionStatus(b.ctx, soon, 'done', 'fixed in 4.3');
    syncPair(a.doc, b.doc);
    a.tick(2 * HOUR);
    const h = huddleOf(a);
    expect(h.overdue.map((x) => x.id)).toEqual([late]);
    expect(h.blocked.map((x) => x.id)).toEqual([stuck]);
    expect(h.dueThisWeek.map((x) => x.id)).toEqual([]);
    expect(h.done).toEqual([{ action: expect.objectContaining({ id: soon }), closedBy: 'mem_bo' }]);
    expect(h.counts).toMatchObject({ overdue: 1, blocked: 1, due_this_week: 0, done: 1 });
    setDueDate(a.ctx, later, today);
    assignAction(a.ctx, later, 'mem_ana');
    expect(huddleOf(a).dueThisWeek.map((x) => x.id)).toEqual([later]);
    expect(Object.keys(h.counts)).toEqual([...HUDDLE_SECTIONS]);
  });

  it('counts every row but lists only as many as asked', () => {
    const r = testReplica('mem_ana');
    for (let i = 0; i < 30; i++) capture(r, `Distinct capture number ${i} about topic ${i}`);
    expect(huddleOf(r).newCaptures).toHaveLength(25);
    const h = huddleOf(r, { limits: { new: 40 } });
    expect(h.counts.new).toBe(30);
    expect(h.newCaptures).toHaveLength(30);
  });
});

describe('escalations', () => {
  it('escalates a tag with N captures in the window and no open action, and stops once one is linked', () => {
    const r = testReplica('mem_ana');
    const ids = ['Refund took weeks', 'Where is my refund', 'Refund form broken'].map((t) => capture(r, t, ['refund']));
    capture(r, 'Checkout crashed', ['checkout']);
    let e = huddleOf(r).escalations;
    expect(e).toEqual([expect.objectContaining({ kind: 'tag', key: 'tag:refund', label: 'refund', count: 3, captureIds: [...ids].reverse() })]);

    const proposal = createAction(r.ctx, { title: 'Refund experience', captureIds: [ids[0]!], propose: true });
    expect(huddleOf(r).escalations).toEqual([]); // a proposal counts as someone working on it
    setActionStatus(r.ctx, proposal, 'wont_do', 'withdrawn');
    expect(huddleOf(r).escalations.map((x) => x.key)).toEqual(['tag:refund']);
  });

  it('follows the workspace threshold and window, and leaves archived and old captures out', () => {
    const r = testReplica('mem_ana');
    capture(r, 'Login loop one', ['login']);
    r.tick(10 * DAY);
    capture(r, 'Login loop two', ['login']);
    const third = capture(r, 'Login loop three', ['login']);
    expect(huddleOf(r).escalations.map((x) => x.key)).toEqual(['tag:login']);
    r.tick(5 * DAY); // the first is now 15 days old: outside the 14-day window
    expect(huddleOf(r).escalations).toEqual([]);
    updateWorkspaceSettings(r.ctx, { escalationWindowDays: 30 });
    expect(huddleOf(r).escalations.map((x) => x.count)).toEqual([3]);
    setCaptureStatus(r.ctx, [third], 'archived', 'duplicate');
    expect(huddleOf(r).escalations).toEqual([]);
    updateWorkspaceSettings(r.ctx, { escalationMinCaptures: 2 });
    expect(huddleOf(r).escalations.map((x) => x.count)).toEqual([2]);
  });

  it('escalates a cluster of untagged captures that read alike, and not unrelated ones', () => {
    const r = testReplica('mem_ana');
    const alike = [
      'The mobile app crashes every time I upload a photo',
      'Uploading a photo makes the mobile app crash',
      'App crashes on photo upload, mobile, every time',
    ].map((t) => capture(r, t));
    for (const t of ['Great support team, quick answers', 'Pricing page is unclear about SSO', 'Dark mode please']) capture(r, t);
    const e = huddleOf(r).escalations;
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ kind: 'cluster', count: 3 });
    expect([...e[0]!.captureIds].sort()).toEqual([...alike].sort());
    expect(e[0]!.label.split(' · ')).toEqual(expect.arrayContaining(['photo']));
  });

  it('does not say a tagged theme twice as a cluster', () => {
    const r = testReplica('mem_ana');
    ['Refund took three weeks to arrive', 'My refund took three weeks', 'Three weeks for a refund'].forEach((t) => capture(r, t, ['refund']));
    expect(huddleOf(r).escalations.map((x) => x.kind)).toEqual(['tag']);
  });

  it('escalates a customer waiting for a reply longer than the reply target', () => {
    const r = testReplica('mem_ana');
    const waiting = capture(r, 'Nobody answered my ticket');
    setCustomerLoop(r.ctx, waiting, { state: 'reply_needed' });
    r.tick(DAY);
    expect(huddleOf(r).escalations).toEqual([]);
    r.tick(DAY + 1);
    expect(huddleOf(r).escalations).toEqual([expect.objectContaining({ kind: 'reply', key: `reply:${waiting}`, count: 1 })]);
    updateWorkspaceSettings(r.ctx, { replyTargetDays: 5 });
    expect(huddleOf(r).escalations).toEqual([]);
    updateWorkspaceSettings(r.ctx, { replyTargetDays: 1 });
    setCustomerLoop(r.ctx, waiting, { state: 'replied', replyUrl: 'https://reviews.example/reply/1' });
    expect(huddleOf(r).escalations).toEqual([]);
  });

  it('refuses settings outside their range', () => {
    const r = testReplica('mem_ana');
    expect(() => updateWorkspaceSettings(r.ctx, { escalationMinCaptures: 1 })).toThrow('from 2 to 100');
    expect(() => updateWorkspaceSettings(r.ctx, { replyTargetDays: 1.5 })).toThrow('whole number');
    expect(() => updateWorkspaceSettings(r.ctx, { boardCadence: 'daily' as never })).toThrow('Board cadence');
    expect(createWorkspaceView(r.doc).settings()).toEqual({
      escalationMinCaptures: 3, escalationWindowDays: 14, replyTargetDays: 2, boardCadence: 'monthly', nextBoardDate: null, redactPersonalData: true,
    });
  });
});
