/**
 * @module The team's cadence views in real Chromium over a lived-in workspace (the demo seed on a
 * real server): the Huddle's sections and escalations, the Change board's proposals and ranking, a
 * declined proposal's reason, the transformation map's progress, People leading to one owner's
 * list, and the tab bar at the popup's 400 px. `npm run screenshots` also takes the README's three
 * screenshots from it (a plain run keeps them under .output/e2e/screenshots).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOnDisk } from '../helpers/seed-on-disk';
import { removeDir, startTestServer, tempDataDir, type TestServer } from '../integration/helpers/test-server';
import { waitFor } from '../integration/helpers/wait-for';
import { launchProfile, type Profile } from './helpers/browser';
import { OptionsPage } from './helpers/pages';
import { PopupPage } from './helpers/popup-page';
import { screenshotPath } from './helpers/screenshots';

const WORKSPACE = 'acme-cx';
const ME = 'mem_danakim00000001';
let server: TestServer;
let dana: Profile;
let popup: PopupPage;

beforeAll(async () => {
  const dataDir = tempDataDir();
  await seedOnDisk(dataDir, WORKSPACE, { captures: 120, actions: 30 }, ME);
  server = await startTestServer({ dataDir });
  dana = await launchProfile('dana');
  const options = await OptionsPage.open(dana);
  // Dana is the seeded member: her personal invite is for that member id, so the history is hers.
  await options.join(server.adopt(WORKSPACE, ME, 'Dana Kim').code, 'Dana Kim');
  await options.waitForState(/^Connected$/);
  popup = await PopupPage.open(dana);
});
afterAll(async () => {
  await dana?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});

describe('the cadence views over a lived-in workspace', () => {
  it('fits six tabs in the 400 px popup without wrapping', async () => {
    const boxes = await popup.page.getByRole('tablist', { name: 'Views' }).getByRole('tab').evaluateAll((tabs) =>
      tabs.map((t) => { const r = t.getBoundingClientRect(); return { top: r.top, right: r.right }; }));
    expect(boxes).toHaveLength(6);
    expect(new Set(boxes.map((b) => b.top)).size).toBe(1);
    // The last tab is reachable: on screen, or scrolled to when selected.
    await popup.tab('People').click();
    const people = await popup.tab('People').boundingBox();
    expect(people!.x + people!.width).toBeLessThanOrEqual(400);
  });

  it('shows the Huddle: the watermark, the sections with counts, the escalated theme', async () => {
    await popup.openHuddle();
    await popup.waitForText(/^Since the huddle that ended /);
    const delivery = popup.sectionRows('Escalations').filter({ hasText: 'delivery' });
    await delivery.waitFor();
    expect(await delivery.textContent()).toContain('3 captures');
    expect(await popup.sectionCount('Escalations')).toBeGreaterThanOrEqual(1);
    expect(await popup.sectionCount('Done since last huddle')).toBeGreaterThanOrEqual(2);
    await popup.sectionRows('Done since last huddle').filter({ hasText: 'Closed by Sam Okafor' }).first().waitFor();
    await popup.page.evaluate(() => document.fonts.ready);
    await popup.screenshot(screenshotPath('huddle.png'));
  });

  it('shows the Change board in score order; my ranking is saved; a declined proposal shows why', async () => {
    await popup.openBoard();
    const first = popup.proposal('Warn customers 60 days before a renewal price change');
    await first.waitFor();
    expect(await first.textContent()).toContain('4 captures · 4 customers');
    await popup.screenshot(screenshotPath('board.png'));

    await popup.rank(['Keyboard support across the booking form', 'Public API for tags']);
    const ranking = popup.page.getByRole('list', { name: 'Your ranking' }).locator('.pp-rank-title');
    expect(await ranking.allTextContents()).toEqual(['Keyboard support across the booking form', 'Public API for tags']);

    await popup.openBoard('Decisions');
    await popup.openProposal('Loyalty points programme');
    const decision = await popup.decision();
    expect(decision).toEqual({ outcome: 'Declined', reason: expect.stringMatching(/^Few customers ask for it/) });
  });

  it('lays out the transformation map with progress, and People leads to an owner’s list', async () => {
    await popup.openInitiatives();
    expect(await popup.initiativeProgress('Refund and billing clarity')).toMatch(/^1 of 3 done/);
    expect(await popup.initiativeProgress('Customer voice in the roadmap')).toBe('No actions yet');
    await popup.screenshot(screenshotPath('initiatives.png'));

    await popup.openOwnerList('Sam Okafor');
    await waitFor('Sam’s list', async () => (await popup.page.getByRole('grid', { name: 'Actions' }).getByRole('row').count()) > 0);
  });

  it('opens at #huddle from the stored first screen, then the application takes over and works', async () => {
    const marks = (page: PopupPage['page']) => page.evaluate(() => performance.getEntriesByName('closeloop:first-view-paint')
      .map((m) => (m as PerformanceMark).detail as { view: string; source: string }));
    // The first open at this address keeps its first screen once its live Huddle is on screen.
    const first = await PopupPage.open(dana, '#huddle');
    await first.waitForText(/^Since the huddle that ended /);
    const key = 'closeloop:first-screen:/popup.html#huddle';
    await waitFor('the stored first screen', () => first.page.evaluate((k) => localStorage.getItem(k) !== null, key), { timeoutMs: 10_000 });
    const stored = await first.page.evaluate((k) => JSON.parse(localStorage.getItem(k)!) as { view: string; html: string }, key);
    expect(stored.view).toBe('huddle');
    expect(stored.html).toContain('Escalations');
    expect(stored.html.length).toBeLessThan(200_000);
    await first.page.close();

    const again = await PopupPage.open(dana, '#huddle');
    // The built page names the application instead of loading it, and its first script loaded it
    // after the copy (scripts/vite-first-paint.ts): were Vite's markup to change, this would say so.
    expect(await again.page.locator('meta[name="closeloop-app"]').count()).toBe(1);
    await waitFor('the application\'s own first render', async () => (await marks(again.page)).length >= 2, { timeoutMs: 10_000 });
    expect((await marks(again.page)).slice(0, 2)).toEqual([{ view: 'huddle', source: 'snapshot' }, { view: 'huddle', source: 'cache' }]);
    // The copy is gone, and what shows now is the application: inert no more, and it answers clicks.
    expect(await again.page.locator('#app').evaluate((root) => [(root as HTMLElement).inert, root.hasAttribute('data-first-screen')])).toEqual([false, false]);
    await again.tab('Board').click();
    await again.page.getByRole('tab', { name: 'Board', selected: true }).waitFor();
    await again.page.close();
  });
});
