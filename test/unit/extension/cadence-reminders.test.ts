import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { cadenceReminders, lastDigestMoment } from '../../../extension/hub/cadence-reminders';
import { announcements, setupNotifier } from '../../../extension/hub/notifier';
import { notificationId, routeOfNotification } from '../../../extension/hub/notification-ids';
import { DEFAULT_PREFERENCES } from '../../../extension/settings/settings';
import { createAction } from '../../../shared/mutations/actions';
import { addCapture } from '../../../shared/mutations/captures';
import { acceptProposal, declineProposal } from '../../../shared/mutations/proposals';
import { updateWorkspaceSettings } from '../../../shared/mutations/settings';
import { inMemoryHub } from '../../helpers/in-memory-hub';
import { sampleCapture } from '../../helpers/workspace';

beforeEach(() => fakeBrowser.reset());

const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

describe('the weekly digest', () => {
  it('falls on the chosen local day and hour', () => {
    // Sunday 22 Nov 2026 -> the last Monday 09:00 is 16 Nov; on Monday 23 Nov at 09:00 it is that moment.
    expect(lastDigestMoment(local(2026, 11, 22, 12), 1, 9)).toBe(local(2026, 11, 16, 9));
    expect(lastDigestMoment(local(2026, 11, 23, 9), 1, 9)).toBe(local(2026, 11, 23, 9));
    expect(lastDigestMoment(local(2026, 11, 23, 8, 59), 1, 9)).toBe(local(2026, 11, 16, 9));
    expect(lastDigestMoment(local(2026, 11, 28, 18), 5, 17)).toBe(local(2026, 11, 27, 17));
  });

  it('announces once when the moment comes, not for a moment missed long ago, never when turned off', async () => {
    let now = local(2026, 11, 22, 12);
    const { hub, peer } = await inMemoryHub({ now: () => now });
    const bob = peer('mem_bob', 'Bob');
    addCapture(bob, sampleCapture());
    createAction(bob, { title: 'Late', dueDate: '2026-11-01' });
    const prefs = DEFAULT_PREFERENCES;
    let { next, announce } = cadenceReminders(hub, null, now, prefs);
    expect(announce).toEqual([]); // the first check sets the baseline
    now = local(2026, 11, 23, 9, 0);
    ({ next, announce } = cadenceReminders(hub, next, now, prefs));
    expect(announce).toEqual([{
      id: notificationId('digest', new Date(local(2026, 11, 23, 9)).toISOString()),
      title: 'Your week in Closeloop',
      message: '1 overdue, 0 due this week, 1 new capture, 0 escalations.',
    }]);
    now += 60_000;
    expect(cadenceReminders(hub, next, now, prefs).announce).toEqual([]);
    // A week later, but the browser was closed until the next evening: too late to be useful.
    now = local(2026, 11, 30, 23);
    expect(cadenceReminders(hub, next, now, prefs).announce).toEqual([]);
    now = local(2026, 11, 30, 10);
    expect(cadenceReminders(hub, next, now, { ...prefs, weeklyDigest: false }).announce).toEqual([]);
  });
});

describe('the change board reminder', () => {
  it('comes the day before the next board date, once', async () => {
    let now = local(2026, 11, 22, 10);
    const { hub, peer } = await inMemoryHub({ now: () => now });
    const bob = peer('mem_bob', 'Bob');
    updateWorkspaceSettings(bob, { nextBoardDate: '2026-11-24' });
    createAction(bob, { title: 'Idea', propose: true });
    const prefs = { ...DEFAULT_PREFERENCES, weeklyDigest: false }; // Monday 09:00 falls inside this test
    let { next, announce } = cadenceReminders(hub, null, now, prefs);
    expect(announce).toEqual([]);
    now = local(2026, 11, 23, 8);
    ({ next, announce } = cadenceReminders(hub, next, now, prefs));
    expect(announce).toEqual([{ id: notificationId('board', '2026-11-24'), title: 'Change board tomorrow', message: '1 proposal waiting: rank them before the board.' }]);
    expect(cadenceReminders(hub, next, now + 3_600_000, prefs).announce).toEqual([]);
    expect(next.boardReminded).toEqual(['2026-11-24']);
  });
});

describe('decisions on my proposals', () => {
  it('tells the proposer what the board decided, with the reason for a no', async () => {
    const { hub, peer, doc, memberId } = await inMemoryHub();
    const bob = peer('mem_bob', 'Bob');
    const mine = (title: string) => createAction({ doc, actor: memberId, now: () => Date.UTC(2026, 10, 22, 8) }, { title, propose: true });
    const yes = mine('Refund experience');
    const no = mine('Rewrite the app');
    let { next } = announcements(hub, null, '2026-11-22');
    acceptProposal(bob, yes, { assignee: 'mem_bob', dueDate: '2026-12-01' });
    declineProposal(bob, no, { reason: 'Not this year: payments first.' });
    const result = announcements(hub, next, '2026-11-22');
    // Both were decided in the same second: their order is by id, so compare as a set.
    expect(result.announce).toHaveLength(2);
    expect(result.announce).toEqual(expect.arrayContaining([
      { id: notificationId('decided', no), title: 'Your proposal was declined', message: 'Bob: Not this year: payments first. (“Rewrite the app”)' },
      { id: notificationId('decided', yes), title: 'Your proposal was accepted', message: 'Bob accepted “Refund experience”.' },
    ]));
    next = result.next;
    expect(announcements(hub, next, '2026-11-22').announce).toEqual([]);
  });
});

describe('clicking a notification', () => {
  it('opens what it is about', async () => {
    expect(routeOfNotification(notificationId('board', '2026-11-24'))).toBe('#board');
    expect(routeOfNotification(notificationId('digest', '2026-11-23T09:00:00.000Z'))).toBe('#huddle');
    expect(routeOfNotification(notificationId('decided', 'act_1'))).toBe('#action/act_1');
    expect(routeOfNotification('someone-else|x|y')).toBeNull();
    const now = local(2026, 11, 22, 10);
    const { hub, peer } = await inMemoryHub({ now: () => now });
    updateWorkspaceSettings(peer('mem_bob', 'Bob'), { nextBoardDate: '2026-11-23' });
    const notifier = setupNotifier(fakeBrowser as never, hub, undefined, () => now);
    await notifier.settled();
    const shown = Object.keys(await fakeBrowser.notifications.getAll());
    expect(shown).toEqual([notificationId('board', '2026-11-23')]);
    await fakeBrowser.notifications.onClicked.trigger(shown[0]!);
    expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).toContain('chrome-extension://test-extension-id/popup.html#board');
    notifier.stop();
  });
});
