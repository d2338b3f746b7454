/**
 * @module Writes the default state of every cached view (messaging/view-cache.ts) to
 * `chrome.storage.local` after changes (at most once a second, and in at most a fifth of the
 * worker's time), so the next popup can paint before a cold hub has loaded the workspace.
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

/**
 * The writer's share of the worker's time at most: after a write that took `t` ms, the next waits at
 * least `t * (1 / share - 1)`. Writing computes every cached view (the Huddle's is 150–250 ms for
 * 10,000 captures on a busy 2-core machine); during a first sync, with changes arriving all the
 * time, writing once a second took most of the worker and the sync crawled.
 */
export const WRITER_SHARE = 0.2;

export function setupViewCacheWriter(browser: Browser, hub: Hub, intervalMs = 1000, clock: () => number = () => performance.now()): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let written: string | null = null;
  let lastCost = 0;
  const write = () => {
    timer = null;
    // While a restarted worker is still loading the workspace (seconds for a large one) the stored
    // cache is exactly what the next popup needs: keep it. Only no workspace at all removes it.
    if (hub.status().state === 'loading') return;
    const started = clock();
    const cache = currentViewCache(hub);
    // Most changes (a remote edit to an old capture) leave the default views as they were.
    const content = cache ? JSON.stringify({ ...cache, savedAt: '' }) : '';
    lastCost = clock() - started;
    if (content === written) return;
    written = content;
    if (cache) void browser.storage.local.set({ [VIEW_CACHE_KEY]: cache });
    else void browser.storage.local.remove(VIEW_CACHE_KEY);
  };
  const schedule = () => { timer ??= setTimeout(write, Math.max(intervalMs, lastCost * (1 / WRITER_SHARE - 1))); };
  const off = hub.onChange(schedule);
  // Not at once: a popup that woke the worker asks for its own views right then.
  void hub.ready.then(schedule);
  return () => {
    off();
    if (timer) clearTimeout(timer);
  };
}
