/**
 * @module Routing inside the popup through the URL hash: `#inbox`, `#actions`, `#capture/<id>` and
 * `#action/<id>`. Notifications open `popup.html#action/<id>` in a tab, so the hash is read at start
 * and followed when it changes; going back returns to where the person came from, or to the list.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';

export type Tab = 'inbox' | 'actions';
export type Route =
  | { view: 'inbox' }
  | { view: 'actions' }
  | { view: 'capture'; id: string }
  | { view: 'action'; id: string };

export function parseRoute(hash: string): Route {
  const [head = '', ...rest] = hash.replace(/^#/, '').split('/');
  const id = safeDecode(rest.join('/'));
  if (head === 'capture' && id) return { view: 'capture', id };
  if (head === 'action' && id) return { view: 'action', id };
  if (head === 'actions') return { view: 'actions' };
  return { view: 'inbox' };
}

export function routeHash(route: Route): string {
  return route.view === 'capture' || route.view === 'action' ? `#${route.view}/${encodeURIComponent(route.id)}` : `#${route.view}`;
}

/** The tab a route belongs to: a capture lives under Inbox, an action under Actions. */
export function tabOf(route: Route): Tab {
  return route.view === 'inbox' || route.view === 'capture' ? 'inbox' : 'actions';
}

export interface Router {
  route: ReadonlySignal<Route>;
  tab: ReadonlySignal<Tab>;
  go(route: Route): void;
  /** Back to the previous view inside the popup, or to the list the current detail belongs to. */
  back(): void;
  dispose(): void;
}

export function createRouter(win: Window = window): Router {
  const route = signal(parseRoute(win.location.hash));
  const trail: Route[] = [];
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
    go(next) {
      if (routeHash(next) === routeHash(route.value)) return;
      // Switching tabs starts a new trail: back from a detail never jumps across tabs unexpectedly.
      if (next.view === 'inbox' || next.view === 'actions') trail.length = 0;
      else trail.push(route.value);
      show(next);
    },
    back() {
      const current = route.value;
      show(trail.pop() ?? { view: tabOf(current) });
    },
    dispose: () => win.removeEventListener('hashchange', onHash),
  };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return '';
  }
}
