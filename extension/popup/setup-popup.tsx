/**
 * @module Starts the popup. With a cached copy of the last views in `localStorage`, the first render
 * already holds the route's content, and the hub is asked only after that first paint: opening
 * the port wakes a stopped service worker, whose start would compete with the paint for the CPU.
 * Then the hub's own cache in `chrome.storage` is read: it replaces the copy when newer (changes
 * that came in while no popup was open), and becomes the next open's copy. Without a copy, the hub
 * is asked at once and the view paints from `chrome.storage` or the hub, whichever answers first.
 * A tab whose code loads on first use (#huddle, #actions) has it loaded before that first render:
 * otherwise the hub's wake-up and answers would compete with the chunk for the CPU, and the view
 * would paint twice.
 * When the page's first script painted a stored first screen (first-screen.ts; it loads this code
 * once that copy is on screen), the first render replaces the copy; and the next copy is kept once
 * the opened view has shown live content (screen-snapshot.ts).
 */
import { render } from 'preact';
import { deferredClient } from '../messaging/deferred-client';
import { connectHub, type HubClient } from '../messaging/hub-client';
import { isNewerCache, parseViewCache, VIEW_CACHE_KEY } from '../messaging/view-cache';
import { readStoredViewCache, readViewCacheMirror, writeViewCacheMirror } from '../ui/view-cache-mirror';
import { afterNextPaint, whenIdle } from './after-paint';
import { takeOverFirstScreen } from './first-screen';
import { preloadViews } from './lazy-view';
import { createPopupModel, type PopupModel } from './popup-model';
import { loadPanel, PopupApp } from './PopupApp';
import { popupEnv, type PopupEnv } from './popup-env';
import { keepFirstScreen } from './screen-snapshot';

export function setupPopup(root: HTMLElement, env: PopupEnv = popupEnv(), client: HubClient = connectHub()): PopupModel {
  const store = env.window.localStorage;
  const mirror = readViewCacheMirror(store);
  const hub = deferredClient(client);
  const performance = keepFirstScreen(env.performance, { root, win: env.window, stillOpening: (tab) =>
    model.router.route.value.view === tab && !model.helpOpen.value && !model.exportOpen.value && env.window.document.visibilityState !== 'hidden' });
  const model: PopupModel = createPopupModel(hub, { ...env, performance });
  model.applyCache(mirror);

  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'local' || !(VIEW_CACHE_KEY in changes)) return;
    const cache = parseViewCache(changes[VIEW_CACHE_KEY]!.newValue);
    model.applyCache(cache);
    writeViewCacheMirror(store, cache);
  };
  const start = () => {
    hub.release();
    void readStoredViewCache(env.browser.storage.local).then((stored) => {
      if (stored === undefined) return;
      model.applyCache(stored);
      if (!stored || isNewerCache(stored, mirror)) writeViewCacheMirror(store, stored);
    });
    // The hub rewrites its cache after changes; keep the copy current while the popup is open.
    env.browser.storage.onChanged.addListener(onStorage);
    // The other tabs' code, so switching to one rarely waits (a failed load is retried on the visit).
    whenIdle(env.window, () => void preloadViews().catch(() => {}));
  };
  // Without a copy nothing paints before the hub or chrome.storage answers: ask them at once.
  if (!mirror) start();
  const mount = () => {
    takeOverFirstScreen(root);
    render(<PopupApp model={model} />, root);
    if (mirror) afterNextPaint(env.window, start);
  };
  // A chunk that fails to load shows its own error in the panel (lazy-view.tsx): mount anyway.
  const code = loadPanel(model.router.tab.value);
  if (code) void code.then(mount, mount);
  else mount();

  env.window.addEventListener('pagehide', () => {
    env.browser.storage.onChanged.removeListener(onStorage);
    model.dispose();
    hub.close();
  });
  return model;
}
