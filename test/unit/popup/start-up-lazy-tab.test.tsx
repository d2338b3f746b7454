// @vitest-environment happy-dom
/**
 * @module A popup opened at a tab whose code loads on first use (#huddle): the chunk is loaded
 * before the first render, so that render already holds the cached Huddle (no "Loading the
 * Huddle…" first), and the hub is asked only after it. Its own file: the other popup tests load
 * every view up front, and a loaded chunk stays loaded for the file.
 */
import { cleanup, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { currentViewCache } from '../../../extension/hub/view-cache-writer';
import { VIEW_CACHE_MIRROR_KEY } from '../../../extension/messaging/view-cache';
import { FIRST_VIEW_PAINT } from '../../../extension/popup/paint-marks';
import { HuddlePanel } from '../../../extension/popup/lazy-views';
import { setupPopup } from '../../../extension/popup/setup-popup';
import { gatedClient, harness, recordingClient, settle } from './helpers';

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  window.location.hash = '';
});

describe('start-up at a tab loaded on first use', () => {
  it('loads the Huddle\'s code first, then paints the cached Huddle in the first render, then asks the hub', async () => {
    const h = await harness({ preload: false });
    h.capture({ text: 'Checkout crashed with a coupon' });
    const cache = currentViewCache(h.hub)!;
    const huddle = cache.views.huddle!;
    localStorage.setItem(VIEW_CACHE_MIRROR_KEY, JSON.stringify({
      ...cache, views: { ...cache.views, huddle: { ...huddle, newCaptures: huddle.newCaptures.map((c) => ({ ...c, text: 'Cached words' })) } },
    }));
    window.location.hash = '#huddle';
    expect(HuddlePanel.loaded()).toBe(false);
    const gate = gatedClient(h.client);
    const recorded = recordingClient(gate.client);
    const root = document.body.appendChild(document.createElement('div'));
    const seen: string[] = [];
    new MutationObserver(() => seen.push(root.textContent ?? '')).observe(root, { childList: true, subtree: true, characterData: true });
    setupPopup(root, h.env, recorded.client);
    expect(root.textContent).toBe(''); // nothing rendered while the chunk loads
    await waitFor(() => expect(within(root).getByText('Cached words')).toBeTruthy());
    expect(HuddlePanel.loaded()).toBe(true);
    expect(seen.some((text) => text.includes('Loading the Huddle'))).toBe(false);
    expect(h.marks.filter((m) => m.name === FIRST_VIEW_PAINT)).toEqual([{ name: FIRST_VIEW_PAINT, detail: { view: 'huddle', source: 'cache' } }]);
    expect(seen[0]).toContain('Cached words'); // the first render already had it
    await waitFor(() => expect(recorded.subscriptions.length).toBeGreaterThan(0));
    await gate.release();
    await settle();
    expect(within(root).getByText('Checkout crashed with a coupon')).toBeTruthy();
  });
});
