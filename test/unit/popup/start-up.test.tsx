// @vitest-environment happy-dom
/**
 * @module Popup start-up from the cached views: the localStorage copy paints in the first render and
 * the hub is asked only after that paint; the hub's own cache in chrome.storage replaces an older
 * copy, withdraws one the hub no longer holds, and becomes the next open's copy.
 */
import { cleanup, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { currentViewCache } from '../../../extension/hub/view-cache-writer';
import { VIEW_CACHE_KEY, VIEW_CACHE_MIRROR_KEY, type ViewCache } from '../../../extension/messaging/view-cache';
import { FIRST_LIVE_VIEW, FIRST_VIEW_PAINT } from '../../../extension/popup/paint-marks';
import { setupPopup } from '../../../extension/popup/setup-popup';
import { readViewCacheMirror } from '../../../extension/ui/view-cache-mirror';
import { fakeBrowser, gatedClient, harness, recordingClient, settle, type Harness } from './helpers';

let h: Harness;
beforeEach(async () => {
  h = await harness();
  h.capture({ text: 'Checkout crashed with a coupon' });
  h.action({ title: 'Fix the coupon crash' });
});
afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
});

/** The hub's real cache, every quote replaced by `words` and every action title by "`words` (action)", saved at `savedAt`. */
function cacheOf(words: string, savedAt = '2026-11-22T08:00:00.000Z'): ViewCache {
  const cache = currentViewCache(h.hub)!;
  return {
    ...cache, savedAt,
    views: {
      inbox: { ...cache.views.inbox!, items: cache.views.inbox!.items.map((c) => ({ ...c, text: words })) },
      actions: { ...cache.views.actions!, items: cache.views.actions!.items.map((a) => ({ ...a, title: `${words} (action)` })) },
      huddle: { ...cache.views.huddle!, newCaptures: cache.views.huddle!.newCaptures.map((c) => ({ ...c, text: `${words} (huddle)` })) },
    },
  };
}
const copy = (cache: ViewCache) => localStorage.setItem(VIEW_CACHE_MIRROR_KEY, JSON.stringify(cache));
const mount = (client = h.client) => {
  const root = document.body.appendChild(document.createElement('div'));
  setupPopup(root, h.env, client);
  return root;
};

describe('start-up from the cached views', () => {
  it('paints the copy in the first render, asks the hub only after that paint, then shows live rows', async () => {
    copy(cacheOf('Copied words'));
    const gate = gatedClient(h.client);
    const recorded = recordingClient(gate.client);
    const root = mount(recorded.client);
    // Synchronously, in the same task as the script: no storage read, no port.
    expect(within(root).getByText('Copied words')).toBeTruthy();
    expect(within(root).getByTestId('sync-words').textContent).toBe('Opening your workspace…');
    expect(h.marks).toEqual([{ name: FIRST_VIEW_PAINT, detail: { view: 'inbox', source: 'cache' } }]);
    expect(recorded.subscriptions).toEqual([]);
    await waitFor(() => expect(recorded.of('inbox')).toHaveLength(1));
    await gate.release();
    await settle();
    expect(within(root).getByText('Checkout crashed with a coupon')).toBeTruthy();
    expect(within(root).queryByText('Copied words')).toBeNull();
    expect(h.marks.filter((m) => m.name === FIRST_VIEW_PAINT)).toHaveLength(1);
    expect(h.marks.filter((m) => m.name === FIRST_LIVE_VIEW)).toEqual([{ name: FIRST_LIVE_VIEW, detail: { view: 'inbox' } }]);
  });

  it('without a copy, asks the hub at once, paints the stored cache first and keeps it as the next copy', async () => {
    const stored = cacheOf('Stored words');
    await fakeBrowser.storage.local.set({ [VIEW_CACHE_KEY]: stored });
    const gate = gatedClient(h.client);
    const recorded = recordingClient(gate.client);
    const root = mount(recorded.client);
    expect(within(root).getByText('Loading captures…')).toBeTruthy();
    expect(recorded.of('inbox')).toHaveLength(1);
    await waitFor(() => expect(within(root).getByText('Stored words')).toBeTruthy());
    expect(readViewCacheMirror(localStorage)).toEqual(stored);
    await gate.release();
    await settle();
    expect(within(root).getByText('Checkout crashed with a coupon')).toBeTruthy();
  });

  it('replaces an older copy by a newer stored cache while the hub has not answered, and updates the copy', async () => {
    copy(cacheOf('Old copy', '2026-11-22T07:00:00.000Z'));
    const newer = cacheOf('Newer words', '2026-11-22T08:30:00.000Z');
    await fakeBrowser.storage.local.set({ [VIEW_CACHE_KEY]: newer });
    const gate = gatedClient(h.client);
    const root = mount(gate.client);
    expect(within(root).getByText('Old copy')).toBeTruthy();
    await waitFor(() => expect(within(root).getByText('Newer words')).toBeTruthy());
    expect(readViewCacheMirror(localStorage)?.savedAt).toBe(newer.savedAt);
    // An older stored cache never replaces what is shown.
    await fakeBrowser.storage.local.set({ [VIEW_CACHE_KEY]: cacheOf('Older words', '2026-11-22T06:00:00.000Z') });
    await settle();
    expect(within(root).getByText('Newer words')).toBeTruthy();
  });

  it('withdraws the copy when the hub holds no cache any more (the workspace was left), and forgets it', async () => {
    copy(cacheOf('Left workspace'));
    const gate = gatedClient(h.client);
    const root = mount(gate.client);
    expect(within(root).getByText('Left workspace')).toBeTruthy();
    await waitFor(() => expect(within(root).queryByText('Left workspace')).toBeNull());
    expect(within(root).getByText('Loading captures…')).toBeTruthy();
    expect(localStorage.getItem(VIEW_CACHE_MIRROR_KEY)).toBeNull();
  });

  it('ignores a cache of another workspace, or a damaged one, and marks the live list as the first paint', async () => {
    copy({ ...cacheOf('Other workspace'), workspace: 'elsewhere' });
    await fakeBrowser.storage.local.set({ [VIEW_CACHE_KEY]: { version: 1, inbox: { items: [] } } });
    const gate = gatedClient(h.client);
    const root = mount(gate.client);
    await settle();
    expect(within(root).queryByText('Other workspace')).toBeNull();
    expect(within(root).getByText('Loading captures…')).toBeTruthy();
    await gate.release();
    await settle();
    expect(h.marks.map((m) => m.name)).toEqual([FIRST_VIEW_PAINT, FIRST_LIVE_VIEW]);
    expect(h.marks[0]).toEqual({ name: FIRST_VIEW_PAINT, detail: { view: 'inbox', source: 'live' } });
  });

  it('paints any cached view from it, here the Actions tab opened straight from the hash', async () => {
    window.location.hash = '#actions';
    copy(cacheOf('Cached'));
    const gate = gatedClient(h.client);
    const root = mount(gate.client);
    await waitFor(() => expect(within(root).getByRole('grid', { name: 'Actions' })).toBeTruthy());
    expect(within(root).getByText('Cached (action)')).toBeTruthy();
    await gate.release();
    await settle();
    expect(within(root).getByText('Fix the coupon crash')).toBeTruthy();
    // The same marks as the Inbox, with its own name: the benchmark times #actions like #inbox.
    expect(h.marks.filter((m) => m.detail && (m.detail as { view: string }).view === 'actions')).toEqual([
      { name: FIRST_VIEW_PAINT, detail: { view: 'actions', source: 'cache' } },
      { name: FIRST_LIVE_VIEW, detail: { view: 'actions' } },
    ]);
  });

  it('paints the Huddle from it when opened at #huddle, builds no Inbox list first, then shows the live Huddle', async () => {
    window.location.hash = '#huddle';
    copy(cacheOf('Cached'));
    const gate = gatedClient(h.client);
    const root = mount(gate.client);
    const newSince = await waitFor(() => within(root).getByRole('region', { name: 'New since last huddle' }));
    expect(within(newSince).getByRole('button', { name: 'Open capture Cached (huddle)' })).toBeTruthy();
    expect(within(root).queryByRole('tabpanel', { name: 'Inbox' })).toBeNull();
    await gate.release();
    await settle();
    expect(within(newSince).getByRole('button', { name: 'Open capture Checkout crashed with a coupon' })).toBeTruthy();
    expect(within(root).queryByText('Cached (huddle)')).toBeNull();
    expect(h.marks.filter((m) => m.detail && (m.detail as { view: string }).view === 'huddle')).toEqual([
      { name: FIRST_VIEW_PAINT, detail: { view: 'huddle', source: 'cache' } },
      { name: FIRST_LIVE_VIEW, detail: { view: 'huddle' } },
    ]);
  });

  it('keeps the copy current while the popup is open', async () => {
    const root = mount();
    await settle();
    expect(within(root).getByText('Checkout crashed with a coupon')).toBeTruthy();
    const next = cacheOf('Written while open', '2026-11-22T09:30:00.000Z');
    await fakeBrowser.storage.local.set({ [VIEW_CACHE_KEY]: next });
    await waitFor(() => expect(readViewCacheMirror(localStorage)?.savedAt).toBe(next.savedAt));
    // Live rows stay: a cache never replaces what the hub sent.
    expect(within(root).queryByText('Written while open')).toBeNull();
  });
});
