/**
 * @module The last view the hub computed, kept in `chrome.storage.local` so a popup can paint its
 * first list at once while a cold service worker is still loading the workspace (which takes
 * hundreds of milliseconds for tens of thousands of captures). Live queries replace it within
 * moments. Only the default views are cached: they are what a popup shows when it opens.
 */
import type { ActionFilter } from '../../shared/queries/actions';
import type { InboxFilter, PageOf, PageRequest } from '../../shared/queries/inbox';
import type { Action, Capture, Member } from '../../shared/schema/records';
import type { HubStatus } from './protocol';

/** What the Inbox tab shows when the popup opens. */
export const DEFAULT_INBOX_FILTER: InboxFilter = { status: 'new' };
/** What the Actions tab shows when it opens (its "Mine" view needs the member id, so "all" open ones). */
export const DEFAULT_ACTION_FILTER: ActionFilter = { view: 'all', openOnly: true };
/** The first window of a list: enough rows to fill a 600px popup several times over. */
export const FIRST_PAGE: PageRequest = { offset: 0, limit: 40 };

export interface ViewCache {
  /** Format version of this cache; a popup ignores a cache it does not understand. */
  version: 1;
  savedAt: string;
  /** Which workspace the cache belongs to; a popup ignores a cache of another one. */
  workspace: string;
  status: HubStatus;
  inbox: PageOf<Capture>;
  actions: PageOf<Action>;
  members: Member[];
}

export const VIEW_CACHE_KEY = 'view-cache';

/** Accepts only a cache of the current format; anything else (older build, damage) is no cache. */
export function parseViewCache(raw: unknown): ViewCache | null {
  if (!raw || typeof raw !== 'object') return null;
  const cache = raw as Partial<ViewCache>;
  if (cache.version !== 1 || typeof cache.workspace !== 'string' || !cache.status || !cache.inbox || !cache.actions) return null;
  if (!Array.isArray(cache.inbox.items) || !Array.isArray(cache.actions.items) || !Array.isArray(cache.members)) return null;
  return cache as ViewCache;
}
