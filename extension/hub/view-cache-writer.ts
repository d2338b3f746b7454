/**
 * @module Writes the default state of every cached view (messaging/view-cache.ts) to
 * `chrome.storage.local` after changes (at most once a second), so the next popup can paint before
 * a cold hub has loaded the workspace.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { CACHED_VIEWS, VIEW_CACHE_KEY, type CachedViewName, type ViewCache } from '../messaging/view-cache';
import type { Hub } from './hub';

export function currentViewCache(hub: Hub, now: () => number = Date.now): ViewCache | null {
  const status = hub.status();
  if (!status.workspace || status.state === 'loading') return null;
  const views: Record<string, unknown> = {};
  for (const name of Object.keys(CACHED_VIEWS) as CachedViewName[]) {
    const { query, args } = CACHED_VIEWS[name];
    views[name] = hub.query(query, args as never);
  }
  return {
    version: 2,
    savedAt: new Date(now()).toISOString(),
    workspace: status.workspace.id,
    status,
    members: hub.query('members', {}),
    views: views as ViewCache['views'],
  };
}

export function setupViewCacheWriter(browser: Browser, hub: Hub, intervalMs = 1000): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written: string | null = null;
  const write = () => {
    timer = null;
    // While a restarted worker is still loading the workspace (seconds for a large one) the stored
    // cache is exactly what the next popup needs: keep it. Only no workspace at all removes it.
    if (hub.status().state === 'loading') return;
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
