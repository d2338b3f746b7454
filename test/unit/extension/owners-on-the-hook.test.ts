import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor, setupBadge } from '../../../extension/hub/badge';
import { announcements, notificationId, setupNotifier } from '../../../extension/hub/notifier';
import { currentViewCache } from '../../../extension/hub/view-cache-writer';
import { parseViewCache } from '../../../extension/messaging/view-cache';
import { assignAction, createAction, setActionStatus } from '../../../shared/mutations/actions';
import { addCapture } from '../../../shared/mutations/captures';
import { inMemoryHub } from '../../helpers/in-memory-hub';
import { sampleCapture } from '../../helpers/workspace';

const TODAY = '2026-11-22'; // the in-memory hub's clock reads 2026-11-22 09:00 UTC
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => fakeBrowser.reset());

describe('the toolbar badge', () => {
  it('counts my open actions that are due or overdue, red when one is overdue', async () => {
    const { hub, client, peer, memberId } = await inMemoryHub();
    expect(badgeFor(hub)).toEqual({ text: '', color: '#2454d6', title: 'Closeloop — 0 of your actions are due or overdue' });
    const bob = peer('mem_bob', 'Bob');
    createAction(bob, { title: 'Due today', assignee: memberId, dueDate: TODAY });
    expect(badgeFor(hub)).toMatchObject({ text: '1', color: '#2454d6', title: 'Closeloop — 1 of your actions is due or overdue' });
    const late = createAction(bob, { title: 'Late', assignee: memberId, dueDate: '2026-11-01' });
    createAction(bob, { title: 'Not mine', assignee: 'mem_bob', dueDate: '2026-11-01' });
    expect(badgeFor(hub)).toMatchObject({ text: '2', color: '#b42318' });
    setActionStatus(bob, late, 'done', 'Fixed');
    expect(badgeFor(hub)).toMatchObject({ text: '1', color: '#2454d6' });
    await client.call('setPreferences', { preferences: { badge: 'inbox' } });
    addCapture(bob, sampleCapture());
    expect(badgeFor(hub)).toMatchObject({ text: '1', title: 'Closeloop — 1 new capture in the inbox' });
  });

  it('is written to the browser action after changes', async () => {
    const { hub, peer, memberId } = await inMemoryHub();
    const badge = setupBadge(fakeBrowser as never, hub);
    createAction(peer('mem_bob', 'Bob'), { title: 'Late', assignee: memberId, dueDate: '2026-11-01' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    badge.stop();
  });

  it('is written to browserAction in Firefox\'s MV2 build, which has no `action`', async () => {
    const { hub, peer, memberId } = await inMemoryHub();
    const mv2 = { ...fakeBrowser, action: undefined, browserAction: fakeBrowser.action };
    const badge = setupBadge(mv2 as never, hub);
    createAction(peer('mem_bob', 'Bob'), { title: 'Late', assignee: memberId, dueDate: '2026-11-01' });
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({})).toBe('1'), { timeout: 5_000 });
    expect(await fakeBrowser.action.getTitle({})).toBe('Closeloop — 1 of your actions is due or overdue');
    badge.stop();
  });
});

describe('notifications', () => {
  it('announces assignments by others and overdue actions, once each', async () => {
    const { hub, peer, memberId, doc } = await inMemoryHub();
    const bob = peer('mem_bob', 'Bob');
    const before = createAction(bob, { title: 'Assigned before notifications started', assignee: memberId });
    let { next, announce } = announcements(hub, null, TODAY);
    expect(announce).toEqual([]);
    expect(next.assigned).toEqual([before]);

    const fresh = createAction(bob, { title: 'Fix coupon codes', assignee: memberId, dueDate: '2026-11-21' });
    ({ next, announce } = announcements(hub, next, TODAY));
    expect(announce).toEqual([
      { id: notificationId('assigned', fresh), title: 'Assigned to you', message: 'Bob gave you “Fix coupon codes”, due 2026-11-21.' },
      { id: notificationId('overdue', fresh), title: 'Overdue', message: '“Fix coupon codes” was due 2026-11-21.' },
    ]);
    expect(announcements(hub, next, TODAY).announce).toEqual([]);

    // Self-assignment is not news; a new due date that is also past is.
    const mine = createAction({ doc, actor: memberId }, { title: 'Mine', assignee: memberId });
    ({ next, announce } = announcements(hub, next, TODAY));
    expect(announce.map((a) => a.id)).not.toContain(notificationId('assigned', mine));
    assignAction(bob, fresh, 'mem_bob');
    ({ next } = announcements(hub, next, TODAY));
    assignAction(bob, fresh, memberId);
    // Given back while overdue: both are news again.
    expect(announcements(hub, next, TODAY).announce.map((a) => a.title)).toEqual(['Assigned to you', 'Overdue']);
  });

  it('creates browser notifications and opens the action when one is clicked', async () => {
    const { hub, peer, memberId } = await inMemoryHub();
    const notifier = setupNotifier(fakeBrowser as never, hub);
    await notifier.settled();
    const id = createAction(peer('mem_bob', 'Bob'), { title: 'Call the customer back', assignee: memberId });
    await settle();
    await notifier.settled();
    const shown = await fakeBrowser.notifications.getAll();
    expect(Object.keys(shown)).toEqual([notificationId('assigned', id)]);
    await fakeBrowser.notifications.onClicked.trigger(notificationId('assigned', id));
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(`chrome-extension://test-extension-id/popup.html#action/${id}`);
    notifier.stop();
  });
});

describe('the cached view', () => {
  it('holds the default inbox and actions pages of the current workspace', async () => {
    const { hub, peer } = await inMemoryHub();
    const bob = peer('mem_bob', 'Bob');
    addCapture(bob, sampleCapture());
    createAction(bob, { title: 'Open one' });
    const cache = parseViewCache(JSON.parse(JSON.stringify(currentViewCache(hub))));
    expect(cache).toMatchObject({ version: 1, workspace: 'team', inbox: { total: 1 }, actions: { total: 1 } });
    expect(cache!.members.map((m) => m.name)).toEqual(['Bob', 'Me']);
    expect(parseViewCache({ ...cache, version: 2 })).toBeNull();
    expect(parseViewCache('garbage')).toBeNull();
  });
});
