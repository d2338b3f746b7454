// @vitest-environment happy-dom
/**
 * @module The stored first screen (extension/popup/first-screen.ts, screen-snapshot.ts): painted
 * only from the same build, inert until the application renders over it, replaced in the
 * application's first render after the copy reached the screen, kept again once the opened view
 * shows live content, trimmed to what is on screen, and forgotten with the pages' other copies.
 */
import { cleanup, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { currentViewCache } from '../../../extension/hub/view-cache-writer';
import { VIEW_CACHE_MIRROR_KEY } from '../../../extension/messaging/view-cache';
import {
  APP_ENTRY_META, APP_IMPORT_META, firstScreenKey, loadApplication, MAX_FIRST_SCREEN_CHARS, pageBuild, paintFirstScreen, saveFirstScreen, showsFirstScreen, takeOverFirstScreen,
} from '../../../extension/popup/first-screen';
import { FIRST_LIVE_VIEW, FIRST_VIEW_PAINT } from '../../../extension/popup/paint-marks';
import { firstScreenTab, keepFirstScreen, screenMarkup } from '../../../extension/popup/screen-snapshot';
import { setupPopup } from '../../../extension/popup/setup-popup';
import { writeViewCacheMirror } from '../../../extension/ui/view-cache-mirror';
import { harness, settle, type Harness } from './helpers';

const BUILD = '/chunks/popup-AbC123.js';
const marksOf = () => {
  const marks: { name: string; detail: unknown }[] = [];
  return { marks, timeline: { mark: (name: string, options?: { detail?: unknown }) => marks.push({ name, detail: options?.detail }) } };
};
const newRoot = () => document.body.appendChild(document.createElement('div'));

afterEach(() => {
  cleanup();
  document.body.innerHTML = '';
  document.head.innerHTML = '';
  localStorage.clear();
});

describe('painting the stored first screen', () => {
  it('loads the application the built page names, with its imports preloaded, and nothing where the page loads it itself', () => {
    loadApplication(document);
    expect(document.head.children).toHaveLength(0);
    document.head.innerHTML = `<meta name="${APP_ENTRY_META}" content="${BUILD}"><meta name="${APP_IMPORT_META}" content="/chunks/popup-app-X1.js">`;
    expect(pageBuild(document)).toBe(BUILD);
    // happy-dom would fetch the script: only what is added is checked.
    const appended: Element[] = [];
    vi.spyOn(document.head, 'append').mockImplementation((...nodes) => { appended.push(...(nodes as Element[])); });
    loadApplication(document);
    expect(appended.map((e) => [e.localName, e.getAttribute('rel') ?? e.getAttribute('type'), e.getAttribute('href') ?? e.getAttribute('src')])).toEqual([
      ['link', 'modulepreload', '/chunks/popup-app-X1.js'],
      ['script', 'module', BUILD],
    ]);
  });

  it('paints a copy of this build, inert and busy, and marks its paint', () => {
    saveFirstScreen(localStorage, '/popup.html#huddle', BUILD, 'huddle', '<h2>Escalations <span>2</span></h2>');
    const root = newRoot();
    const { marks, timeline } = marksOf();
    expect(paintFirstScreen(root, localStorage, '/popup.html#huddle', BUILD, timeline)).toBe('huddle');
    expect(root.textContent).toBe('Escalations 2');
    expect(root.inert).toBe(true);
    expect(root.getAttribute('aria-busy')).toBe('true');
    expect(showsFirstScreen(root)).toBe(true);
    expect(marks).toEqual([{ name: FIRST_VIEW_PAINT, detail: { view: 'huddle', source: 'snapshot' } }]);

    takeOverFirstScreen(root);
    expect(root.childNodes).toHaveLength(0);
    expect(root.inert).toBe(false);
    expect(root.hasAttribute('aria-busy')).toBe(false);
    expect(showsFirstScreen(root)).toBe(false);
  });

  it('paints nothing from another build, another address, a damaged copy or a failing storage, and never throws', () => {
    saveFirstScreen(localStorage, '/popup.html', BUILD, 'inbox', '<p>Old markup</p>');
    const { marks, timeline } = marksOf();
    expect(paintFirstScreen(newRoot(), localStorage, '/popup.html', '/chunks/popup-Other9.js', timeline)).toBeNull();
    expect(paintFirstScreen(newRoot(), localStorage, '/popup.html#actions', BUILD, timeline)).toBeNull();
    localStorage.setItem(firstScreenKey('/popup.html'), '{"format":1,"build":');
    expect(paintFirstScreen(newRoot(), localStorage, '/popup.html', BUILD, timeline)).toBeNull();
    localStorage.setItem(firstScreenKey('/popup.html'), JSON.stringify({ format: 99, build: BUILD, view: 'inbox', html: '<p>x</p>' }));
    expect(paintFirstScreen(newRoot(), localStorage, '/popup.html', BUILD, timeline)).toBeNull();
    const broken = { getItem: () => { throw new Error('SecurityError'); }, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(paintFirstScreen(newRoot(), broken, '/popup.html', BUILD, timeline)).toBeNull();
    expect(saveFirstScreen(broken, '/popup.html', BUILD, 'inbox', '<p>x</p>')).toBe(false);
    expect(marks).toEqual([]);
    expect(document.body.textContent).toBe('');
  });

  it('leaves a root the application already rendered alone', () => {
    saveFirstScreen(localStorage, '/popup.html', BUILD, 'inbox', '<p>Copy</p>');
    const root = newRoot();
    root.innerHTML = '<p>Application</p>';
    expect(paintFirstScreen(root, localStorage, '/popup.html', BUILD, marksOf().timeline)).toBeNull();
    expect(root.textContent).toBe('Application');
    takeOverFirstScreen(root); // not a copy: kept
    expect(root.textContent).toBe('Application');
  });

  it('keeps no copy larger than the limit', () => {
    expect(saveFirstScreen(localStorage, '/popup.html', BUILD, 'inbox', 'x'.repeat(MAX_FIRST_SCREEN_CHARS + 1))).toBe(false);
    expect(localStorage.getItem(firstScreenKey('/popup.html'))).toBeNull();
  });

  it('names the build by the page module entry file where the page loads the application itself (the dev server)', () => {
    // A parsed document runs none of its scripts.
    const page = new DOMParser().parseFromString(`<head><script defer src="/first-screen.js"></script><script type="module" src="${BUILD}"></script></head>`, 'text/html');
    expect(pageBuild(page)).toBe(BUILD);
  });
});

describe('keeping the next first screen', () => {
  it('keeps copies only for the toolbar address and the tabs as the router writes them', () => {
    expect(firstScreenTab('')).toBe('inbox');
    expect(firstScreenTab('#inbox')).toBe('inbox');
    expect(firstScreenTab('#huddle')).toBe('huddle');
    expect(firstScreenTab('#action/act_1')).toBeNull();
    expect(firstScreenTab('#no-such-tab')).toBeNull();
  });

  it('keeps what is on screen: no hidden panel, nothing below the fold, form values written in, a select with its chosen option only', () => {
    const root = newRoot();
    root.innerHTML = `<div class="pp-panel"><input type="search" aria-label="Search"><input type="checkbox">
      <select><option value="a">Alex</option><option value="s">Sam</option><option value="d">Dana</option></select>
      <textarea></textarea><ul><li>First row</li><li>Second row</li><li>Below the fold</li></ul></div>
      <div class="pp-panel" hidden><p>Another tab</p></div>`;
    (root.querySelector('input[type=search]') as HTMLInputElement).value = 'coupon';
    (root.querySelector('input[type=checkbox]') as HTMLInputElement).checked = true;
    (root.querySelector('select') as HTMLSelectElement).value = 's';
    (root.querySelector('textarea') as HTMLTextAreaElement).value = 'Notes so far';
    const below = root.querySelectorAll('li')[2]!;
    vi.spyOn(below, 'getBoundingClientRect').mockReturnValue({ top: 640 } as DOMRect);

    const copy = newRoot();
    copy.innerHTML = screenMarkup(root, 600);
    expect(copy.querySelector('input[type=search]')!.getAttribute('value')).toBe('coupon');
    expect(copy.querySelector('input[type=checkbox]')!.hasAttribute('checked')).toBe(true);
    expect([...copy.querySelectorAll('option')].map((o) => [o.textContent, o.hasAttribute('selected')])).toEqual([['Sam', true]]);
    expect(copy.querySelector('textarea')!.textContent).toBe('Notes so far');
    expect([...copy.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['First row', 'Second row']);
    expect(copy.textContent).not.toContain('Another tab');
  });

  it('keeps the copy after the opened view first shows live content, once the page is idle, if it is still as opened', async () => {
    const root = newRoot();
    root.innerHTML = '<p>The Huddle, live</p>';
    window.location.hash = '#huddle';
    const { marks, timeline } = marksOf();
    let opening = true;
    const kept = keepFirstScreen(timeline, { root, win: window, stillOpening: () => opening });
    kept.mark(FIRST_VIEW_PAINT, { detail: { view: 'huddle', source: 'cache' } });
    kept.mark(FIRST_LIVE_VIEW, { detail: { view: 'inbox' } }); // another view: no copy
    expect(marks).toHaveLength(2); // forwarded
    await settle();
    expect(localStorage.getItem(firstScreenKey(`${location.pathname}#huddle`))).toBeNull();
    kept.mark(FIRST_LIVE_VIEW, { detail: { view: 'huddle' } });
    await waitFor(() => expect(localStorage.getItem(firstScreenKey(`${location.pathname}#huddle`))).not.toBeNull());
    const stored = JSON.parse(localStorage.getItem(firstScreenKey(`${location.pathname}#huddle`))!);
    expect(stored).toMatchObject({ view: 'huddle', html: '<p>The Huddle, live</p>' });

    // A second page that moved on (a detail open) before it was idle keeps nothing.
    localStorage.clear();
    opening = false;
    const moved = keepFirstScreen(timeline, { root, win: window, stillOpening: () => opening });
    moved.mark(FIRST_LIVE_VIEW, { detail: { view: 'huddle' } });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(localStorage.length).toBe(0);
    window.location.hash = '';
  });

  it('is forgotten with the pages\' other copies when the workspace changes', () => {
    saveFirstScreen(localStorage, '/popup.html', BUILD, 'inbox', '<p>Copy</p>');
    saveFirstScreen(localStorage, '/sidepanel.html#huddle', BUILD, 'huddle', '<p>Copy</p>');
    localStorage.setItem(VIEW_CACHE_MIRROR_KEY, '{}');
    localStorage.setItem('someone-else', 'kept');
    writeViewCacheMirror(localStorage, null);
    expect(Object.keys(localStorage)).toEqual(['someone-else']);
  });
});

describe('the application over its first screen', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await harness();
    h.capture({ text: 'Checkout crashed with a coupon' });
  });

  it('replaces the copy in its first render (its first script loads it once the copy is on screen) and keeps the next one', async () => {
    localStorage.setItem(VIEW_CACHE_MIRROR_KEY, JSON.stringify(currentViewCache(h.hub)));
    const path = location.pathname + location.hash;
    saveFirstScreen(localStorage, path, pageBuild(document), 'inbox', '<p data-testid="copy">Yesterday\'s inbox</p>');
    const root = newRoot();
    expect(paintFirstScreen(root, localStorage, path, pageBuild(document), h.env.performance)).toBe('inbox');

    expect(root.inert).toBe(true);
    setupPopup(root, h.env, h.client);
    // In the same task: the cached Inbox instead of the copy, live to clicks.
    expect(within(root).queryByTestId('copy')).toBeNull();
    expect(within(root).getByText('Checkout crashed with a coupon')).toBeTruthy();
    expect(root.inert).toBe(false);
    expect(root.hasAttribute('aria-busy')).toBe(false);
    expect(h.marks.filter((m) => m.name === FIRST_VIEW_PAINT).map((m) => (m.detail as { source: string }).source)).toEqual(['snapshot', 'cache']);

    await waitFor(() => expect(JSON.parse(localStorage.getItem(firstScreenKey(path))!).html).toContain('Checkout crashed with a coupon'));
    const next = newRoot();
    expect(paintFirstScreen(next, localStorage, path, pageBuild(document), h.env.performance)).toBe('inbox');
    expect(within(next).getByText('Checkout crashed with a coupon')).toBeTruthy();
  });
});
