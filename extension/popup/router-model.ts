/**
 * @module Routing inside the popup through the URL hash: the tabs (`#inbox`, `#actions`, `#huddle`,
 * `#board`, `#initiatives`, `#people`), an owner's list (`#owner/<member id>`, under Actions) and the
 * details (`#capture/<id>`, `#action/<id>`, `#initiative/<id>`). Notifications open
 * `popup.html#action/<id>` or `#huddle` in a tab, so the hash is read at start and followed when it
 * changes; going back returns to where the person came from, or to the list.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';

export const TABS = ['inbox', 'actions', 'huddle', 'board', 'initiatives', 'people'] as const;
export type Tab = (typeof TABS)[number];
export type Route =
  | { view: Tab }
  | { view: 'owner'; id: string }
  | { view: 'capture'; id: string }
  | { view: 'action'; id: string }
  | { view: 'initiative'; id: string };

const WITH_ID = ['owner', 'capture', 'action', 'initiative'] as const;
type WithId = (typeof WITH_ID)[number];

export function parseRoute(hash: string): Route {
  const [head = '', ...rest] = hash.replace(/^#/, '').split('/');
  const id = safeDecode(rest.join('/'));
  if ((WITH_ID as readonly string[]).includes(head) && id) return { view: head as WithId, id };
  if ((TABS as readonly string[]).includes(head)) return { view: head as Tab };
  return { view: 'inbox' };
}

export function routeHash(route: Route): string {
  return 'id' in route ? `#${route.view}/${encodeURIComponent(route.id)}` : `#${route.view}`;
}

const TAB_OF: Record<Route['view'], Tab> = {
  inbox: 'inbox', capture: 'inbox', actions: 'actions', action: 'actions', owner: 'actions',
  huddle: 'huddle', board: 'board', initiatives: 'initiatives', initiative: 'initiatives', people: 'people',
};

/** The tab a route belongs to: a capture lives under Inbox, an action and an owner's list under Actions. */
export function tabOf(route: Route): Tab {
  return TAB_OF[route.view];
}

const isTab = (route: Route): route is { view: Tab } => (TABS as readonly string[]).includes(route.view);

export interface Router {
  route: ReadonlySignal<Route>;
  tab: ReadonlySignal<Tab>;
  /** Where Back goes from here: the previous view, or the list the current one belongs to. */
  previous: ReadonlySignal<Route>;
  go(route: Route): void;
  /** Back to the previous view inside the popup, or to the list the current detail belongs to. */
  back(): void;
  dispose(): void;
}

export function createRouter(win: Window = window): Router {
  const route = signal(parseRoute(win.location.hash));
  const trail = signal<Route[]>([]);
  const show = (next: Route) => {
    route.value = next;
    const hash = routeHash(next);
    // Assigning the hash fires hashchange later; the check there makes that echo a no-op.
    if (win.location.hash !== hash) win.location.hash = hash;
  };
  const onHash = () => {
    const next = parseRoute(win.location.hash);
    if (routeHash(next) !== routeHash(route.value)) route.value = next;
  };
  win.addEventListener('hashchange', onHash);
  return {
    route,
    tab: computed(() => tabOf(route.value)),
    previous: computed(() => trail.value[trail.value.length - 1] ?? { view: tabOf(route.value) }),
    go(next) {
      if (routeHash(next) === routeHash(route.value)) return;
      // Switching tabs starts a new trail: back from a detail never jumps across tabs unexpectedly.
      trail.value = isTab(next) ? [] : [...trail.value, route.value];
      show(next);
    },
    back() {
      const current = route.value;
      const previous = trail.value[trail.value.length - 1];
      trail.value = trail.value.slice(0, -1);
      show(previous ?? { view: tabOf(current) });
    },
    dispose: () => win.removeEventListener('hashchange', onHash),
  };
}

/** Words for a Back button that returns to `route`: "Huddle", "Back to huddle". */
export function backWords(route: Route): { text: string; label: string } {
  const text = BACK_TEXT[route.view];
  return { text, label: `Back to ${route.view === 'owner' ? 'the list' : text.toLowerCase()}` };
}

const BACK_TEXT: Record<Route['view'], string> = {
  inbox: 'Inbox', actions: 'Actions', huddle: 'Huddle', board: 'Change board', initiatives: 'Initiatives', people: 'People',
  owner: 'List', capture: 'Capture', action: 'Action', initiative: 'Initiative',
};

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
