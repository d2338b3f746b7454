// @vitest-environment happy-dom
/** @module Re-finding on revisit: late pages retried for a bounded time, settling, painting, the page index read by content scripts. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeRange } from '../../../extension/capture/anchor';
import { watchPagePresence, type IndexStorage } from '../../../extension/capture/refind/page-presence';
import { createPainter, highlightRule, HIGHLIGHT_NAME, type Painter } from '../../../extension/capture/refind/painter';
import { createRefinder, type Settled } from '../../../extension/capture/refind/refinder';
import { pageIndexName, pageIndexNames, pageUrls } from '../../../extension/messaging/page-index';
import { loadPage, selectText } from './helpers';

function fakePainter() {
  const painted: string[][] = [];
  const painter: Painter = { paint: (ranges) => painted.push(ranges.map((r) => r.toString())), clear: () => painted.push([]) };
  return { painter, painted };
}

const stops: (() => void)[] = [];
afterEach(() => { stops.splice(0).forEach((stop) => stop()); });

function anchorOf(html: string, id: string) {
  loadPage(html);
  return describeRange(selectText(document.getElementById(id)!));
}

describe('the refinder', () => {
  it('finds what is there at once and paints it', () => {
    const anchor = anchorOf('<main><p id="q">Checkout fails with a discount code.</p></main>', 'q');
    const { painter, painted } = fakePainter();
    const refinder = createRefinder({ win: window, painter, isOwn: () => false });
    stops.push(() => refinder.stop());
    refinder.update([{ id: 'cap_1', anchor }], '#9333ea');
    expect([...refinder.found().keys()]).toEqual(['cap_1']);
    expect(painted.at(-1)).toEqual(['Checkout fails with a discount code.']);
  });

  it('tries again as a late page renders, then settles with an approximate pass', async () => {
    const anchor = anchorOf('<main><p id="q">The export times out on workspaces with many captures.</p></main>', 'q');
    loadPage('<main id="app">Loading…</main>');
    const { painter } = fakePainter();
    const refinder = createRefinder({ win: window, painter, isOwn: () => false, settleMs: 200, windowMs: 5_000 });
    stops.push(() => refinder.stop());
    const settled = new Promise<Settled>((resolve) => refinder.onSettled(resolve));
    refinder.update([{ id: 'cap_1', anchor }], '#9333ea');
    expect(refinder.found().size).toBe(0);
    // The app renders a moment later, with the quote slightly edited.
    setTimeout(() => { document.getElementById('app')!.innerHTML = '<p>The export times out on workspaces with many, many captures.</p>'; }, 50);
    const result = await settled;
    expect(result.quiet).toBe(true);
    expect(result.found.get('cap_1')?.method).toBe('fuzzy');
  });

  it('gives up after the window on a page that never stops changing, and says it was not quiet', async () => {
    const anchor = anchorOf('<main><p id="q">Search ignores accents in names.</p></main>', 'q');
    loadPage('<main id="feed"></main>');
    const refinder = createRefinder({ win: window, painter: null, isOwn: () => false, settleMs: 100, windowMs: 400 });
    stops.push(() => refinder.stop());
    const ticker = setInterval(() => document.getElementById('feed')!.append(document.createElement('p')), 30);
    stops.push(() => clearInterval(ticker));
    const settled = new Promise<Settled>((resolve) => refinder.onSettled(resolve));
    refinder.update([{ id: 'cap_1', anchor }], '#2454d6');
    expect(await settled).toMatchObject({ quiet: false });
  });

  it('ignores changes to our own UI', async () => {
    const anchor = anchorOf('<main><p id="q">Search ignores accents in names.</p></main><div id="ours"></div>', 'q');
    const ours = document.getElementById('ours')!;
    const refinder = createRefinder({ win: window, painter: null, isOwn: (node) => ours.contains(node), settleMs: 100, windowMs: 2_000 });
    stops.push(() => refinder.stop());
    const settled = new Promise<Settled>((resolve) => refinder.onSettled(resolve));
    refinder.update([{ id: 'cap_1', anchor }], '#2454d6');
    const churn = setInterval(() => ours.append(document.createElement('span')), 20);
    stops.push(() => clearInterval(churn));
    expect(await settled).toMatchObject({ quiet: true });
  });
});

describe('the painter', () => {
  it('sets the closeloop highlight and styles it in the workspace colour', () => {
    loadPage('<p id="q">Quote</p>');
    const highlights = new Map<string, unknown>();
    class FakeHighlight { ranges: Range[]; constructor(...ranges: Range[]) { this.ranges = ranges; } }
    const win = Object.assign(Object.create(window), { CSS: { highlights }, Highlight: FakeHighlight, document });
    const painter = createPainter(win as Window)!;
    const range = selectText(document.getElementById('q')!);
    painter.paint([range], '#9333ea');
    expect((highlights.get(HIGHLIGHT_NAME) as FakeHighlight).ranges).toEqual([range]);
    painter.clear();
    expect(highlights.has(HIGHLIGHT_NAME)).toBe(false);
    expect(highlightRule('#9333ea')).toBe('::highlight(closeloop) { background-color: #9333ea33; text-decoration: underline 2px #9333ea; text-underline-offset: 3px; }');
    expect(highlightRule('red; } body { display: none')).toContain('#2454d6');
  });

  it('is absent where the browser has no Highlight API', () => {
    expect(createPainter(Object.assign(Object.create(window), { CSS: {} }) as Window)).toBeNull();
  });
});

describe('the page index, as a content script reads it', () => {
  it('knows a page by its address, canonical link and Open Graph URL, without tracking parameters', () => {
    loadPage('<link rel="canonical" href="https://www.trustpilot.com/review/acme.com"><meta property="og:url" content="/review/acme.com?utm_source=x">');
    const urls = pageUrls(document, 'https://www.trustpilot.com/review/acme.com?utm_campaign=mail#r3');
    const names = pageIndexNames(urls);
    // All three are the same page once fragment, tracking and www. are gone.
    expect(names).toEqual([pageIndexName('trustpilot.com/review/acme.com')]);
  });

  it('reads only its own entries, and follows them appearing and going', async () => {
    const listeners = new Set<(changes: Record<string, unknown>, area: string) => void>();
    const stored: Record<string, unknown> = {};
    const get = vi.fn(async (keys: string[]) => Object.fromEntries(keys.filter((k) => k in stored).map((k) => [k, stored[k]])));
    const storage: IndexStorage = { get, onChanged: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) } };
    const fire = (name: string) => listeners.forEach((l) => l({ [name]: {} }, 'local'));
    const seen: boolean[] = [];
    const url = 'https://forum.example/t/42';
    const name = pageIndexNames([url])[0]!;
    stops.push(watchPagePresence([url], storage, (present) => seen.push(present)));
    await vi.waitFor(() => expect(get).toHaveBeenCalledWith([name]));
    expect(seen).toEqual([]); // nothing captured here: no call, no hub
    stored[name] = { v: 1, n: 1 };
    fire(name);
    await vi.waitFor(() => expect(seen).toEqual([true]));
    stored[name] = { v: 9, n: 'x' }; // a format it does not know is no entry
    fire(name);
    await vi.waitFor(() => expect(seen).toEqual([true, false]));
    fire(pageIndexName('other.example/page'));
    expect(get).toHaveBeenCalledTimes(3);
  });
});
