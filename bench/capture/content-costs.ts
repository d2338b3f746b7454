/**
 * @module The content script's own costs, read from the User Timing measures a bench build makes
 * (VITE_CLOSELOOP_MARKS=1, see extension/capture/marks.ts): re-finding every capture of a page at
 * load (the first anchoring pass, and from navigation to all highlights painted), and redacting
 * a 10,000-character selection (finding personal data when the dialog opens, replacing it on save).
 */
import type { BrowserContext } from 'playwright-core';
import { CapturePage } from '../../test/e2e/helpers/pages';
import { waitFor } from '../../test/integration/helpers/wait-for';

/** Time from the start of navigation until the `closeloop` highlight holds `count` ranges, read in the page each frame. */
const WATCH_HIGHLIGHTS = (count: number) => `(() => {
  const tick = () => {
    const h = CSS.highlights.get('closeloop');
    if (h && h.size >= ${count}) { window.__paintedAt = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

export async function measureRefind(context: BrowserContext, url: string, count: number, loads: number): Promise<{ anchor: number[]; painted: number[] }> {
  const page = await context.newPage();
  await page.addInitScript(WATCH_HIGHLIGHTS(count));
  const anchor: number[] = [];
  const painted: number[] = [];
  for (let i = 0; i < loads; i++) {
    await page.goto(url);
    const done = await waitFor('all highlights painted', () => page.evaluate(() => {
      const at = (window as unknown as { __paintedAt?: number }).__paintedAt;
      const first = performance.getEntriesByName('closeloop:refind')[0] as PerformanceMeasure | undefined;
      return at !== undefined && first ? { at, first: first.duration, found: (first.detail as { found: number }).found } : null;
    }), { timeoutMs: 30_000, intervalMs: 20 });
    if (done.found < count) throw new Error(`only ${done.found} of ${count} captures re-found on load ${i}`);
    anchor.push(done.first);
    painted.push(done.at);
  }
  await page.close();
  return { anchor, painted };
}

export async function measureRedaction(context: BrowserContext, url: string, runs: number): Promise<{ find: number[]; apply: number[] }> {
  const page = await CapturePage.open(context, url);
  const find: number[] = [];
  const apply: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.page.evaluate(() => performance.clearMeasures());
    await page.selectParagraph('#long-review');
    const dialog = await page.openDialogFromButton();
    await dialog.getByRole('group', { name: /^Personal data/ }).waitFor();
    // Save runs the replacement; after the first save the hub refuses the copy as a duplicate, which is fine here.
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    // A string, not a function: tsx names inner functions with a helper the page does not have.
    const [f, a] = await waitFor('both redaction measures', () => page.page.evaluate(`(() => {
      const found = performance.getEntriesByName('closeloop:redact-find')[0];
      const applied = performance.getEntriesByName('closeloop:redact-apply')[0];
      return found && applied ? [found.duration, applied.duration] : null;
    })()`) as Promise<[number, number] | null>, { timeoutMs: 30_000 });
    find.push(f!);
    apply.push(a!);
    await dialog.getByRole('button', { name: /^(Cancel|Close)$/ }).click();
    await page.dialog().waitFor({ state: 'detached', timeout: 10_000 });
  }
  await page.page.close();
  return { find, apply };
}
