/**
 * @module Writes the default views to `chrome.storage.local` after changes (at most once a second),
 * so the next popup can paint before a cold hub has loaded the workspace.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { DEFAULT_ACTION_FILTER, DEFAULT_INBOX_FILTER, FIRST_PAGE, VIEW_CACHE_KEY, type ViewCache } from '../messaging/view-cache';
import type { Hub } from './hub';

export function currentViewCache(hub: Hub, now: () => number = Date.now): ViewCache | null {
  const status = hub.status();
  if (!status.workspace || status.state === 'loading') return null;
  return {
    version: 1,
    savedAt: new Date(now()).toISOString(),
    workspace: status.workspace.id,
    status,
    inbox: hub.query('inbox', { filter: DEFAULT_INBOX_FILTER, page: FIRST_PAGE }),
    actions: hub.query('actions', { filter: DEFAULT_ACTION_FILTER, page: FIRST_PAGE }),
    members: hub.query('members', {}),
  };
}

export function setupViewCacheWriter(browser: Browser, hub: Hub, intervalMs = 1000): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written: string | null = null;
  const write = () => {
    timer = null;
    const cache = currentViewCache(hub);
    // Most changes (a remote edit to an old capture) leave the default views as they were.
    const content = cache ? JSON.stringify({ ...cache, savedAt: '' }) : '';
    if (content === written) return;
    written = content;
    if (cache) void browser.storage.local.set({ [VIEW_CACHE_KEY]: cache });
    else void browser.storage.local.remove(VIEW_CACHE_KEY);
  };
  const off = hub.onChange(() => { timer ??= setTimeout(write, intervalMs); });
  void hub.ready.then(write);
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
