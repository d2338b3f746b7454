/**
 * @module Whether this page has captures, from the page index in `chrome.storage.local`: one read
 * of its two or three entries at load, then only the storage events for those entries (a capture
 * saved here a moment ago, or the last one archived). The hub is not woken for pages without any.
 */
import { pageIndexNames, parsePageIndexEntry } from '../../messaging/page-index';

export interface IndexStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  onChanged: {
    addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
    removeListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  };
}

/** Calls `onChange(true)` when the page has captures (and again whenever that flips); returns the stop function. */
export function watchPagePresence(urls: readonly string[], storage: IndexStorage, onChange: (present: boolean) => void): () => void {
  const names = pageIndexNames(urls);
  let current = false;
  let stopped = false;
  let ticket = 0;
  const check = async () => {
    const mine = ++ticket;
    let present = false;
    try {
      const stored = await storage.get(names);
      present = names.some((name) => parsePageIndexEntry(stored[name]) !== null);
    } catch {
      // Storage gone (the extension is being updated): behave as a page without captures.
    }
    if (stopped || mine !== ticket || present === current) return;
    current = present;
    onChange(present);
  };
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && names.some((name) => name in changes)) void check();
  };
  storage.onChanged.addListener(listener);
  void check();
  return () => {
    stopped = true;
    storage.onChanged.removeListener(listener);
  };
}
