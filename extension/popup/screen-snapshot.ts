/**
 * @module Keeping the popup's first screen (first-screen.ts): once the view the popup was opened at
 * has painted its first live content, and the page is idle, the markup of what the window shows is
 * stored as that address's next first screen. Only what lies above the fold is kept (the Huddle's
 * full markup was 85 KB, and parsing it delayed the copy's paint by more than the copy saved), with
 * the form controls' current values written into it.
 *
 * It is taken at that moment, not when the popup closes: then the view is as a fresh open shows
 * it (at the top, no detail or dialog open) with the data just answered by the hub.
 */
import { afterNextPaint, whenIdle, type PaintWindow } from './after-paint';
import { pageBuild, pagePath, saveFirstScreen } from './first-screen';
import { FIRST_LIVE_VIEW, type MarkTimeline } from './paint-marks';
import { parseRoute, routeHash, TABS, type Tab } from './router-model';

/** The markup of `root`'s content that is on screen above `fold` px (the window's height). */
export function screenMarkup(root: Element, fold: number): string {
  const copy = root.cloneNode(true) as Element;
  keepOnScreen(root, copy, fold);
  return copy.innerHTML;
}

function keepOnScreen(live: Element, copy: Element, fold: number): void {
  const copies = [...copy.children];
  [...live.children].forEach((child, i) => {
    const twin = copies[i]!;
    if ((child as HTMLElement).hidden || child.getBoundingClientRect().top >= fold) {
      twin.remove();
      return;
    }
    freezeValue(child, twin);
    if (child.localName !== 'select') keepOnScreen(child, twin, fold);
  });
}

/** Form controls hold their state in properties, which markup does not carry: write it into attributes. */
function freezeValue(live: Element, copy: Element): void {
  if (live instanceof HTMLInputElement) {
    if (live.type === 'checkbox' || live.type === 'radio') copy.toggleAttribute('checked', live.checked);
    else copy.setAttribute('value', live.value);
  } else if (live instanceof HTMLTextAreaElement) {
    copy.textContent = live.value;
  } else if (live instanceof HTMLSelectElement) {
    // A closed select shows its chosen option only: the others (every member, in each owner
    // field of the Huddle) are most of a view's markup.
    const chosen = live.selectedOptions[0];
    copy.replaceChildren(...(chosen ? [chosen.cloneNode(true)] : []));
    (copy.firstElementChild as HTMLOptionElement | null)?.setAttribute('selected', '');
  }
}

/** The tab whose first screen `hash` keeps, or null for an address that keeps none (a detail, a mistyped hash). */
export function firstScreenTab(hash: string): Tab | null {
  const route = parseRoute(hash);
  const tab = (TABS as readonly string[]).includes(route.view) ? (route.view as Tab) : null;
  // '' is the toolbar button's address; other addresses only as the router writes them, so the
  // number of copies kept is bounded by the number of tabs.
  return tab && (hash === '' || hash === routeHash(route)) ? tab : null;
}

export interface FirstScreenOptions {
  /** The page's root, whose content is kept. */
  root: Element;
  win: PaintWindow & Pick<Window, 'innerHeight' | 'location' | 'localStorage' | 'document'>;
  /** Whether the view the page opened at is still as an open shows it (no detail, dialog, hidden page). */
  stillOpening: (tab: Tab) => boolean;
}

/**
 * Wraps the timeline the views mark on: every mark is forwarded, and once the view the page was
 * opened at has committed its first live content, the next copy is kept when the page is next
 * idle after that paint.
 */
export function keepFirstScreen(timeline: MarkTimeline, { root, win, stillOpening }: FirstScreenOptions): MarkTimeline {
  const path = pagePath(win.location);
  const tab = firstScreenTab(win.location.hash);
  const build = pageBuild(win.document);
  let kept = !tab;
  return {
    mark(name, options) {
      const result = timeline.mark(name, options);
      if (!kept && name === FIRST_LIVE_VIEW && (options?.detail as { view?: string } | undefined)?.view === tab) {
        kept = true;
        afterNextPaint(win, () => whenIdle(win, () => {
          if (stillOpening(tab!)) saveFirstScreen(win.localStorage, path, build, tab!, screenMarkup(root, win.innerHeight));
        }));
      }
      return result;
    },
  };
}
