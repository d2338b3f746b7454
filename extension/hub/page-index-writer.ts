/**
 * @module Keeps the page index in `chrome.storage.local` (see messaging/page-index.ts) in step with
 * the workspace: after changes (at most once a second) it writes the entries that changed and
 * removes the ones no capture needs any more. Leaving the workspace empties it.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { PAGE_INDEX_PREFIX, pageIndexName, type PageIndexEntry } from '../messaging/page-index';
import type { Hub } from './hub';

type Area = Pick<Browser['storage']['local'], 'get' | 'set' | 'remove'>;

export function setupPageIndexWriter(area: Area, hub: Hub, intervalMs = 1000): { flush(): Promise<void>; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** What storage holds, as this worker last wrote or read it; null until read once. */
  let written: Map<string, number> | null = null;
  let running: Promise<void> = Promise.resolve();

  const sync = async () => {
    timer = null;
    if (!written) {
      // A restarted worker does not know what its predecessor wrote: read the entries back once.
      const all = await area.get(null);
      written = new Map();
      for (const [name, value] of Object.entries(all)) {
        if (name.startsWith(PAGE_INDEX_PREFIX)) written.set(name, (value as Partial<PageIndexEntry>)?.n ?? 0);
      }
    }
    const status = hub.status();
    if (status.state === 'loading') return; // a replica still loading would look like an empty workspace
    const wanted = new Map<string, number>();
    for (const [key, count] of Object.entries(hub.query('pageIndex', {}))) wanted.set(pageIndexName(key), (wanted.get(pageIndexName(key)) ?? 0) + count);
    const set: Record<string, PageIndexEntry> = {};
    for (const [name, n] of wanted) if (written.get(name) !== n) set[name] = { v: 1, n };
    const remove = [...written.keys()].filter((name) => !wanted.has(name));
    if (Object.keys(set).length > 0) await area.set(set);
    if (remove.length > 0) await area.remove(remove);
    written = wanted;
  };
  const schedule = () => {
    running = running.then(sync).catch((error: unknown) => console.warn('[closeloop] could not update the page index', error));
    return running;
  };
  const later = () => { timer ??= setTimeout(schedule, intervalMs); };
  const off = hub.onChange(later);
  // Not at once when the hub is ready: a popup that woke the worker asks for its views right then
  // (the view cache writer waits too), and this reads all of storage once and walks every capture.
  void hub.ready.then(later);
  return {
    flush: () => schedule(),
    stop() {
      off();
      if (timer) clearTimeout(timer);
    },
  };
}
