/**
 * @module Views whose code loads on first use (a dynamic import; the build puts all such views in
 * one chunk, scripts/vite-first-paint.ts). The first bundle then holds only the shell and the
 * Inbox, however many tabs the popup grows: a new tab costs the first paint nothing. Once loaded, a view renders synchronously; all
 * of them are fetched in idle time after the first paint, so switching tabs rarely waits.
 */
import type { ComponentType, JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export interface LazyView<P> {
  (props: P): JSX.Element | null;
  /** Loads the view's code (once); resolves when it can render synchronously. */
  preload(): Promise<void>;
  /** Whether the code is loaded, so the view renders at once. */
  loaded(): boolean;
}

const views: LazyView<never>[] = [];

/** `load` imports the module and picks the component, e.g. `() => import('./ActionsPanel').then((m) => m.ActionsPanel)`. */
export function lazyView<P extends object>(name: string, load: () => Promise<ComponentType<P>>): LazyView<P> {
  let component: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const preload = () => {
    loading ??= load().then((loaded) => { component = loaded; }, (error: unknown) => {
      loading = null; // a later visit tries again
      throw error;
    });
    return loading;
  };

  function View(props: P) {
    const [failed, setFailed] = useState(false);
    const [, setLoaded] = useState(0);
    useEffect(() => {
      if (component) return;
      let live = true;
      preload().then(() => live && setLoaded((n) => n + 1), () => live && setFailed(true));
      return () => { live = false; };
    }, []);
    const Loaded = component as ComponentType<P> | null;
    if (Loaded) return <Loaded {...props} />;
    if (failed) return <p class="pp-empty" role="alert">Could not load {name}. Close and reopen Closeloop.</p>;
    return <p class="pp-empty" role="status">Loading {name}…</p>;
  }
  const view = Object.assign(View, { preload, loaded: () => component !== null });
  views.push(view as LazyView<never>);
  return view;
}

/** Loads every lazy view: in idle time after the first paint, and in tests before rendering. */
export async function preloadViews(): Promise<void> {
  // A loaded view may declare lazy views of its own: go on until no new ones appear.
  for (let done = 0; done < views.length;) {
    const batch = views.slice(done);
    done = views.length;
    await Promise.all(batch.map((view) => view.preload()));
  }
}
