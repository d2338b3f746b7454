/**
 * @module The last views the hub computed, so a popup can paint its first content at once: before
 * a cold service worker has loaded the workspace (hundreds of milliseconds to seconds for tens of
 * thousands of captures), and before even a warm one has answered. Live queries replace it within
 * moments. Only each view's default state is cached: it is what a popup shows when it opens.
 *
 * A view joins the cache with one entry in `CACHED_VIEWS` (the query and arguments it opens with,
 * and a shape check); the hub's writer and the popup's reader both go by that list.
 */
import type { ActionFilter } from '../../shared/queries/actions';
import type { InboxFilter, PageRequest } from '../../shared/queries/inbox';
import type { Member } from '../../shared/schema/records';
import type { HubStatus, QueryArgs, QueryName, QueryResult } from './protocol';

/** What the Inbox tab shows when the popup opens. */
export const DEFAULT_INBOX_FILTER: InboxFilter = { status: 'new' };
/** What the Actions tab shows when it opens (its "Mine" view needs the member id, so "all" open ones). */
export const DEFAULT_ACTION_FILTER: ActionFilter = { view: 'all', openOnly: true };
/** The first window of a list: enough rows to fill a 600px popup several times over. */
export const FIRST_PAGE: PageRequest = { offset: 0, limit: 40 };

interface CachedViewSpec<Q extends QueryName> {
  query: Q;
  args: QueryArgs<Q>;
  /** True when a stored value still has the shape the view expects (an older build may have written it). */
  valid(value: unknown): boolean;
}

const spec = <Q extends QueryName>(s: CachedViewSpec<Q>) => s;
const isPage = (value: unknown) => Array.isArray((value as { items?: unknown } | null)?.items)
  && typeof (value as { total?: unknown }).total === 'number';

const HUDDLE_LISTS = ['escalations', 'newCaptures', 'overdue', 'blocked', 'dueThisWeek', 'done'] as const;
const isHuddle = (value: unknown) => {
  const huddle = value as Record<string, unknown> | null;
  return typeof huddle?.watermark === 'string' && typeof huddle.counts === 'object' && huddle.counts !== null
    && HUDDLE_LISTS.every((list) => Array.isArray(huddle[list]));
};

/** Every view that paints from the cache, by the name its marks and routes use. */
export const CACHED_VIEWS = {
  inbox: spec({ query: 'inbox', args: { filter: DEFAULT_INBOX_FILTER, page: FIRST_PAGE }, valid: isPage }),
  actions: spec({ query: 'actions', args: { filter: DEFAULT_ACTION_FILTER, page: FIRST_PAGE }, valid: isPage }),
  huddle: spec({ query: 'huddle', args: {}, valid: isHuddle }),
};
export type CachedViewName = keyof typeof CACHED_VIEWS;
type QueryOf<V extends CachedViewName> = (typeof CACHED_VIEWS)[V]['query'];
export type CachedViewValue<V extends CachedViewName> = QueryResult<QueryOf<V>>;

export interface ViewCache {
  /** Format version of this cache; a popup ignores a cache it does not understand. */
  version: 2;
  savedAt: string;
  /** Which workspace the cache belongs to; a popup ignores a cache of another one. */
  workspace: string;
  status: HubStatus;
  members: Member[];
  /** Each cached view's default state; a view missing here (or malformed) just waits for the hub. */
  views: { [V in CachedViewName]?: CachedViewValue<V> };
}

/** Where the hub writes the cache (`chrome.storage.local`). */
export const VIEW_CACHE_KEY = 'view-cache';
/** Where extension pages keep their copy (`localStorage`: synchronous, so the first render can use it). */
export const VIEW_CACHE_MIRROR_KEY = 'closeloop:view-cache';

/** Accepts only a cache of the current format; anything else (older build, damage) is no cache. */
export function parseViewCache(raw: unknown): ViewCache | null {
  if (!raw || typeof raw !== 'object') return null;
  const cache = raw as Partial<ViewCache>;
  if (cache.version !== 2 || typeof cache.workspace !== 'string' || typeof cache.savedAt !== 'string') return null;
  if (!cache.status || !Array.isArray(cache.members) || !cache.views || typeof cache.views !== 'object') return null;
  const views: ViewCache['views'] = {};
  for (const name of Object.keys(CACHED_VIEWS) as CachedViewName[]) {
    const value = (cache.views as Record<string, unknown>)[name];
    if (value !== undefined && CACHED_VIEWS[name].valid(value)) (views as Record<string, unknown>)[name] = value;
  }
  return { ...(cache as ViewCache), views };
}

/** True when `next` is a later save than `current` (or of another workspace, which replaces it). */
export function isNewerCache(next: ViewCache, current: ViewCache | null): boolean {
  return !current || next.workspace !== current.workspace || next.savedAt > current.savedAt;
}
