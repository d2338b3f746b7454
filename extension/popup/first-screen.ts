/**
 * @module The popup's first screen: a stored copy of what the popup last showed at this address
 * (`/popup.html`, `/popup.html#huddle`, the side panel), painted by a tiny classic script
 * (entrypoints/first-screen.ts) that runs before the application's modules. Measured on the
 * 2-core machine, the application's scripts and first render cost about 100 ms above a blank
 * extension page; the copy paints with one.
 *
 * The copy is inert (no clicks, no focus) and marked busy until the application, loaded once the
 * copy is on screen, replaces it in its first render (setup-popup.tsx), so nothing done on it is
 * lost; what it shows is the opened view as its first live content showed it last time
 * (screen-snapshot.ts).
 * Keys sit under `closeloop:`, the namespace of the pages' copies of hub state, which is forgotten
 * as a whole when the workspace changes (ui/view-cache-mirror.ts, `forgetPageCopies`).
 */
import { FIRST_VIEW_PAINT, type FirstPaintDetail, type MarkTimeline } from './paint-marks';

/** Bumped whenever the stored shape changes; a copy of another format is ignored. */
const FORMAT = 1;
/** A larger copy is not kept: parsing it would cost the first paint more than it saves. */
export const MAX_FIRST_SCREEN_CHARS = 200_000;
/**
 * The meta tags a built page names its application's entry and that entry's imports in, instead
 * of loading them (scripts/vite-first-paint.ts, `appAfterFirstScreen`): `loadApplication` loads
 * them once the copy is painted, so their fetching and compiling does not delay it.
 */
export const APP_ENTRY_META = 'closeloop-app';
export const APP_IMPORT_META = 'closeloop-app-import';
/** On the root while it holds a copy: the view the copy shows. */
const SHOWN_ATTRIBUTE = 'data-first-screen';

type Store = Pick<Storage, 'getItem' | 'setItem'>;

interface Stored {
  format: number;
  /** The build that rendered it: markup from another build may not fit this one's code. */
  build: string;
  view: string;
  html: string;
}

/** Where the first screen of the page at `path` (pathname and hash) is kept. */
export const firstScreenKey = (path: string) => `closeloop:first-screen:${path}`;

/** The page's address as a key: its path and hash (`/popup.html#huddle`). */
export const pagePath = (location: Pick<Location, 'pathname' | 'hash'>) => location.pathname + location.hash;

/**
 * The build a page runs: its module entry's file name, which carries the content hash of the whole
 * application (Rollup's hashes follow the chunks each file imports). Read by the copy's painter and
 * its keeper alike, so a copy from another build is never shown.
 */
export function pageBuild(document: Pick<Document, 'querySelector'>): string {
  return document.querySelector(`meta[name="${APP_ENTRY_META}"]`)?.getAttribute('content')
    ?? document.querySelector('script[type="module"][src]')?.getAttribute('src') ?? '';
}

/** Loads the application the page names (see APP_ENTRY_META); a page that loads it itself (the dev server's) names none. */
export function loadApplication(document: Document): void {
  const entry = document.querySelector(`meta[name="${APP_ENTRY_META}"]`)?.getAttribute('content');
  if (!entry) return;
  const add = <K extends 'link' | 'script'>(tag: K, set: (element: HTMLElementTagNameMap[K]) => void) => {
    const element = document.createElement(tag);
    element.crossOrigin = 'anonymous';
    set(element);
    document.head.append(element);
  };
  // The entry's imports are fetched beside it, not after it has been read.
  for (const meta of document.querySelectorAll(`meta[name="${APP_IMPORT_META}"]`)) {
    add('link', (link) => { link.rel = 'modulepreload'; link.href = meta.getAttribute('content')!; });
  }
  add('script', (script) => { script.type = 'module'; script.src = entry; });
}

/** The page's `localStorage`, or undefined where reading it throws (storage disabled). */
export function pageStorage(): Store | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/**
 * Paints the stored copy for `path` into `root` when there is one from this `build` and the
 * application has not rendered yet, and marks its paint. Returns the view shown, or null. Never
 * throws: a damaged copy, a full or disabled storage only costs the open its head start.
 */
export function paintFirstScreen(root: HTMLElement, store: Store | undefined, path: string, build: string, timeline: MarkTimeline): string | null {
  if (root.firstChild) return null;
  try {
    const stored = JSON.parse(store?.getItem(firstScreenKey(path)) ?? 'null') as Partial<Stored> | null;
    if (!stored || stored.format !== FORMAT || stored.build !== build || typeof stored.html !== 'string' || typeof stored.view !== 'string') return null;
    // Markup this extension's own page rendered (Preact escapes every text), from the extension's
    // storage, which no web page or content script can write. innerHTML runs no script in it, and
    // the extension pages' CSP runs no inline handler.
    root.innerHTML = stored.html;
    root.inert = true;
    root.setAttribute('aria-busy', 'true');
    root.setAttribute(SHOWN_ATTRIBUTE, stored.view);
    timeline.mark(FIRST_VIEW_PAINT, { detail: { view: stored.view, source: 'snapshot' } satisfies FirstPaintDetail });
    return stored.view;
  } catch {
    return null;
  }
}

/** Whether `root` holds a painted copy the application has not replaced yet. */
export const showsFirstScreen = (root: Element) => root.hasAttribute(SHOWN_ATTRIBUTE);

/** The application takes the page over: the copy goes, in the same task as its first render. */
export function takeOverFirstScreen(root: HTMLElement): void {
  if (!showsFirstScreen(root)) return;
  root.replaceChildren();
  root.inert = false;
  root.removeAttribute('aria-busy');
  root.removeAttribute(SHOWN_ATTRIBUTE);
}

/** Keeps `html`, showing `view`, as the next first screen of `path`. Returns whether it was kept. */
export function saveFirstScreen(store: Store | undefined, path: string, build: string, view: string, html: string): boolean {
  if (html.length > MAX_FIRST_SCREEN_CHARS) return false;
  try {
    store?.setItem(firstScreenKey(path), JSON.stringify({ format: FORMAT, build, view, html } satisfies Stored));
    return true;
  } catch {
    return false; // full or disabled: the next open paints without a copy
  }
}
