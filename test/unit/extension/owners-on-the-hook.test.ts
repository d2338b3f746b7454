import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeFor, setupBadge } from '../../../extension/hub/badge';
import { announcements, notificationId, setupNotifier } from '../../../extension/hub/notifier';
import type { Hub } from '../../../extension/hub/hub';
import { currentViewCache, setupViewCacheWriter } from '../../../extension/hub/view-cache-writer';
import { CACHED_VIEWS, parseViewCache, VIEW_CACHE_KEY, type CachedViewName } from '../../../extension/messaging/view-cache';
import { assignAction, createAction, setActionStatus } from '../../../shared/mutations/actions';
import { addCapture, setCaptureStatus, setCustomerLoop } from '../../../shared/mutations/captures';
import { inMemoryHub } from '../../helpers/in-memory-hub';
import { sampleCapture } from '../../helpers/workspace';

const TODAY = '2026-11-22'; // the in-memory hub's clock reads 2026-11-22 09:00 UTC
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

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

  it('counts the reply queue when asked to: customers waiting for a reply, archived ones left out', async () => {
    const { hub, client, peer } = await inMemoryHub();
    const bob = peer('mem_bob', 'Bob');
    await client.call('setPreferences', { preferences: { badge: 'replies' } });
    const [a, b, c] = ['one', 'two', 'three'].map((n) => addCapture(bob, sampleCapture({ text: `Waiting ${n}` })).id!);
    for (const id of [a!, b!, c!]) setCustomerLoop(bob, id, { state: 'reply_needed' });
    setCustomerLoop(bob, c!, { state: 'replied', reply: { text: 'Done', where: 'email', url: null } });
    setCaptureStatus(bob, [b!], 'archived');
    expect(badgeFor(hub)).toMatchObject({ text: '1', title: 'Closeloop — 1 customer is waiting for a reply' });
    expect(hub.query('inbox', { filter: { loop: 'reply_needed' }, page: {} }).items.map((x) => x.id)).toEqual([a]);
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
  it('holds the default state of every cached view of the current workspace', async () => {
    const { hub, peer } = await inMemoryHub();
    const bob = peer('mem_bob', 'Bob');
    addCapture(bob, sampleCapture());
    createAction(bob, { title: 'Open one' });
    const cache = parseViewCache(JSON.parse(JSON.stringify(currentViewCache(hub))));
    expect(cache).toMatchObject({ version: 2, workspace: 'team', views: { inbox: { total: 1 }, actions: { total: 1 } } });
    // A view joins the cache by its entry in CACHED_VIEWS alone: the writer goes by that list.
    expect(Object.keys(cache!.views).sort()).toEqual(Object.keys(CACHED_VIEWS).sort());
    for (const [name, { query, args }] of Object.entries(CACHED_VIEWS)) {
      expect(cache!.views[name as CachedViewName]).toEqual(hub.query(query, args as never));
    }
    expect(cache!.members.map((m) => m.name)).toEqual(['Bob', 'Me']);
    expect(parseViewCache({ ...cache, version: 1 })).toBeNull();
    expect(parseViewCache('garbage')).toBeNull();
    // A view whose stored value has the wrong shape is left out; the others still paint.
    expect(Object.keys(parseViewCache({ ...cache, views: { ...cache!.views, actions: { rows: 'old shape' } } })!.views)).toEqual(Object.keys(CACHED_VIEWS).filter((name) => name !== 'actions'));
  });

  it('keeps the stored cache while a restarted hub is still loading, and removes it only without a workspace', async () => {
    const { hub } = await inMemoryHub();
    let state: 'loading' | 'connected' | 'not_joined' = 'loading';
    const listeners = new Set<() => void>();
    const changed = () => listeners.forEach((listener) => listener());
    const restarted: Hub = {
      ...hub,
      ready: Promise.resolve(),
      status: () => ({ ...hub.status(), state, ...(state === 'not_joined' ? { workspace: null } : {}) }),
      onChange: (listener) => { listeners.add(listener); return () => listeners.delete(listener); },
    };
    await fakeBrowser.storage.local.set({ [VIEW_CACHE_KEY]: currentViewCache(hub) });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    const remove = vi.spyOn(fakeBrowser.storage.local, 'remove');
    vi.useFakeTimers();
    const stop = setupViewCacheWriter(fakeBrowser as never, restarted, 1000);
    await Promise.resolve(); // the write a second after `ready`
    changed(); // IndexedDB still loading, a second in
    vi.advanceTimersByTime(1000);
    expect(set).not.toHaveBeenCalled();
    expect(remove).not.toHaveBeenCalled();
    state = 'connected';
    changed();
    vi.advanceTimersByTime(1000);
    expect(set).toHaveBeenCalledTimes(1);
    expect(set.mock.calls[0]![0]).toMatchObject({ [VIEW_CACHE_KEY]: { version: 2, workspace: 'team' } });
    state = 'not_joined';
    changed();
    vi.advanceTimersByTime(1000);
    expect(remove).toHaveBeenCalledWith(VIEW_CACHE_KEY);
    stop();
  });

  it('writes in at most a fifth of the worker\'s time: a write that took 500 ms waits 2 s before the next', async () => {
    const { hub, peer } = await inMemoryHub();
    const bob = peer('mem_bob', 'Bob');
    let clock = 0;
    let cost = 500;
    const eachReadCosts = () => { clock += cost; return clock; };
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    vi.useFakeTimers();
    const stop = setupViewCacheWriter(fakeBrowser as never, hub, 1000, eachReadCosts);
    await Promise.resolve(); // `ready`: the first write is a second later
    vi.advanceTimersByTime(1000);
    expect(set).toHaveBeenCalledTimes(1);
    addCapture(bob, sampleCapture());
    vi.advanceTimersByTime(1999);
    expect(set).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(set).toHaveBeenCalledTimes(2);
    cost = 0; // a cheap write: back to once a second
    addCapture(bob, sampleCapture({ text: 'Another one' }));
    vi.advanceTimersByTime(2000);
    expect(set).toHaveBeenCalledTimes(3);
    addCapture(bob, sampleCapture({ text: 'And one more' }));
    vi.advanceTimersByTime(1000);
    expect(set).toHaveBeenCalledTimes(4);
    stop();
  });
});
