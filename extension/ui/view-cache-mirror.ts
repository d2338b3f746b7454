/**
 * @module Extension pages' copy of the hub's cached views (messaging/view-cache.ts) in
 * `localStorage`. The hub can only write `chrome.storage`, whose read is an asynchronous round trip
 * that lands after the page's first render; `localStorage` is read synchronously, so the popup's
 * first render already holds the list. The popup refreshes this copy from `chrome.storage` after
 * each open; the options page forgets it when the workspace changes.
 */
import { parseViewCache, VIEW_CACHE_KEY, VIEW_CACHE_MIRROR_KEY, type ViewCache } from '../messaging/view-cache';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & Partial<Pick<Storage, 'key' | 'length'>>;

/** Every key extension pages keep in `localStorage` starts so: all of it is a copy of hub state. */
const PAGE_COPY_PREFIX = 'closeloop:';

/** The copy, or null when there is none, it is damaged or of an older format, or storage is off. */
export function readViewCacheMirror(store: Store | undefined): ViewCache | null {
  try {
    const text = store?.getItem(VIEW_CACHE_MIRROR_KEY);
    return text ? parseViewCache(JSON.parse(text)) : null;
  } catch {
    return null;
  }
}

/**
 * Replaces the copy; null (no workspace, or another one joined) forgets every copy the pages keep,
 * the popup's stored first screens too (popup/first-screen.ts). A full or disabled storage only
 * costs the next open its head start.
 */
export function writeViewCacheMirror(store: Store | undefined, cache: ViewCache | null): void {
  try {
    if (cache) store?.setItem(VIEW_CACHE_MIRROR_KEY, JSON.stringify(cache));
    else forgetPageCopies(store);
  } catch {
    // Quota or privacy settings: the popup then paints from chrome.storage, a moment later.
  }
}

export interface CacheStorageArea {
  get(keys: string): Promise<Record<string, unknown>>;
}

/**
 * The hub's own cache from `chrome.storage.local`: the cache, null when the hub holds none (no
 * workspace), or undefined when storage could not be read (then nothing should be concluded).
 */
export async function readStoredViewCache(area: CacheStorageArea): Promise<ViewCache | null | undefined> {
  try {
    const stored = await area.get(VIEW_CACHE_KEY);
    return parseViewCache(stored[VIEW_CACHE_KEY]);
  } catch {
    return undefined;
  }
}

/** Removes every copy of hub state the extension's pages keep in `localStorage`. */
export function forgetPageCopies(store: Store | undefined): void {
  if (!store) return;
  store.removeItem(VIEW_CACHE_MIRROR_KEY);
  const keys: string[] = [];
  for (let i = 0; i < (store.length ?? 0); i++) {
    const key = store.key?.(i);
    if (key?.startsWith(PAGE_COPY_PREFIX)) keys.push(key);
  }
  for (const key of keys) store.removeItem(key);
}
