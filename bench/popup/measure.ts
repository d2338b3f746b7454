/** @module Opens the popup page and reads the marks it leaves (see extension/popup/paint-marks.ts). */
import type { Page } from 'playwright-core';
import type { Profile } from '../../test/e2e/helpers/browser';

export interface OpenTiming {
  /** From navigation start to the first list committed (cache or live). */
  firstPaint: number;
  source: string;
  /** From navigation start to the first list answered by the hub. */
  firstLive: number;
}

const readMark = (page: Page, name: string) =>
  page.evaluate((mark) => {
    const entry = performance.getEntriesByName(mark, 'mark')[0] as PerformanceMark | undefined;
    return entry ? { at: entry.startTime, detail: entry.detail as unknown } : null;
  }, name);

async function waitForMark(page: Page, name: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mark = await readMark(page, name);
    if (mark) return mark;
    if (Date.now() > deadline) throw new Error(`no ${name} mark within ${timeoutMs} ms`);
    await page.waitForTimeout(20);
  }
}

export async function openPopup(profile: Profile): Promise<{ page: Page; timing: OpenTiming }> {
  const page = await profile.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  await page.goto(`chrome-extension://${profile.extensionId}/popup.html`);
  const first = await waitForMark(page, 'closeloop:first-list-paint');
  const live = await waitForMark(page, 'closeloop:first-live-list');
  return {
    page,
    timing: { firstPaint: first.at, source: (first.detail as { source?: string })?.source ?? '?', firstLive: live.at },
  };
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
    const deadline = Date.now() + 10_000;
    for (;;) {
      const done = await page.evaluate(() => performance.getEntriesByName('closeloop:filter-done').length);
      if (done > before) break;
      if (Date.now() > deadline) throw new Error(`no filter-done mark after typing "${char}"`);
      await page.waitForTimeout(5);
    }
    durations.push(await page.evaluate(() => {
      const starts = performance.getEntriesByName('closeloop:filter-start');
      const dones = performance.getEntriesByName('closeloop:filter-done');
      return dones.at(-1)!.startTime - starts.at(-1)!.startTime;
    }));
  }
  return durations;
}
