/**
 * @module Opens extension pages and reads the marks they leave (extension/popup/paint-marks.ts):
 * the first content of a view committed, from the cache or the hub, and the first live content.
 * The floor page (floor.ts) leaves the same first-paint mark, so both are timed the same way.
 */
import type { Page } from 'playwright-core';
import { FIRST_LIVE_VIEW, FIRST_VIEW_PAINT, type FirstPaintDetail } from '../../extension/popup/paint-marks';
import type { Profile } from '../../test/e2e/helpers/browser';
import { waitFor } from '../../test/integration/helpers/wait-for';

export interface OpenTiming {
  /** From navigation start to the view's first content committed (stored first screen, cache or live). */
  firstPaint: number;
  source: string;
  /** From navigation start to the application's own first render of the view (cache or live; not the stored first screen). */
  appPaint: number;
  /** From navigation start to the view's first content answered by the hub (NaN when not awaited). */
  firstLive: number;
  /** The browser's first contentful paint (NaN when none came): a check on the mark, from outside the page's code. */
  fcp: number;
}

/** The view's first mark of that name (entries come in time order), or its first left by the application itself. */
const readMark = (page: Page, name: string, view: string, byApp = false) =>
  page.evaluate(([mark, wanted, app]) => {
    const entry = (performance.getEntriesByName(mark!, 'mark') as PerformanceMark[]).find((m) => {
      const detail = m.detail as Partial<FirstPaintDetail> | null;
      return detail?.view === wanted && !(app && detail.source === 'snapshot');
    });
    return entry ? { at: entry.startTime, detail: entry.detail as FirstPaintDetail } : null;
  }, [name, view, byApp] as const);

const waitForMark = (page: Page, name: string, view: string, byApp = false) =>
  waitFor(`the ${name} mark of "${view}"`, () => readMark(page, name, view, byApp), { timeoutMs: 30_000, intervalMs: 10 });

/** Opens `path` (e.g. "popup.html#inbox") in a new tab at popup size and waits for `view`'s first paint. */
export async function openView(profile: Profile, path: string, view: string, options: { live?: boolean } = {}): Promise<{ page: Page; timing: OpenTiming }> {
  const page = await profile.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${profile.extensionId}/${path}`);
  const first = await waitForMark(page, FIRST_VIEW_PAINT, view);
  const app = first.detail.source === 'snapshot' ? await waitForMark(page, FIRST_VIEW_PAINT, view, true) : first;
  const live = options.live ? await waitForMark(page, FIRST_LIVE_VIEW, view) : null;
  const fcp = await waitFor('first contentful paint', () => page.evaluate(() =>
    performance.getEntriesByName('first-contentful-paint')[0]?.startTime), { timeoutMs: 5_000, intervalMs: 10 }).catch(() => Number.NaN);
  return { page, timing: { firstPaint: first.at, source: first.detail.source, appPaint: app.at, firstLive: live?.at ?? Number.NaN, fcp } };
}

/** Types into the search field one key at a time; returns input-to-list milliseconds per keystroke. */
export async function typeSearch(page: Page, text: string): Promise<number[]> {
  await page.evaluate(() => performance.clearMarks());
  const search = page.getByRole('searchbox', { name: 'Search captures' }).or(page.getByRole('textbox', { name: 'Search captures' }));
  await search.click();
  const durations: number[] = [];
  for (const char of text) {
    const before = await page.evaluate(() => performance.getEntriesByName('closeloop:filter-done').length);
    await page.keyboard.type(char);
    await waitFor(`the filter-done mark after typing "${char}"`, () =>
      page.evaluate((n) => performance.getEntriesByName('closeloop:filter-done').length > n, before), { timeoutMs: 10_000, intervalMs: 5 });
    durations.push(await page.evaluate(() => {
      const starts = performance.getEntriesByName('closeloop:filter-start');
      const dones = performance.getEntriesByName('closeloop:filter-done');
      return dones.at(-1)!.startTime - starts.at(-1)!.startTime;
    }));
  }
  return durations;
}
