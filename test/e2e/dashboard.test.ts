/**
 * @module The dashboard end to end: a seeded workspace of four months, opened from the popup; every
 * chart renders, "Show as table" shows the numbers behind one, the monthly report renders, and the
 * popup's export downloads a CSV whose rows are exactly the filtered Inbox. Takes the README's
 * screenshots of the dashboard and the report (docs/screenshots/).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initWorkspace } from '../../shared/doc/init';
import { encodeInvite } from '../../shared/invite';
import { CAPTURE_COLUMNS } from '../../shared/export/columns';
import { queryInbox } from '../../shared/queries/inbox';
import { createWorkspaceView } from '../../shared/read/workspace-view';
import { seedDemoWorkspace } from '../helpers/demo-workspace';
import { createDiskStorage } from '../../sync-server/storage/disk-storage';
import { removeDir, startTestServer, tempDataDir, type TestServer } from '../integration/helpers/test-server';
import { waitFor } from '../integration/helpers/wait-for';
import { launchProfile, type Profile } from './helpers/browser';
import { CHARTS, DashboardPage } from './helpers/dashboard-page';
import { OptionsPage } from './helpers/pages';
import { PopupPage } from './helpers/popup-page';
import { screenshotPath } from './helpers/screenshots';

const WORKSPACE = 'acme-dashboard';
const ME = 'mem_danakim00000001';
const SIZE = { captures: 400, actions: 80, spanDays: 120, now: Date.now() };
let server: TestServer;
let profile: Profile;
/** The workspace the server starts with, to say what the extension should show. */
const seeded = new Y.Doc();

beforeAll(async () => {
  const dataDir = tempDataDir();
  initWorkspace(seeded, { name: 'Acme Support' });
  seedDemoWorkspace(seeded, { ...SIZE, me: ME, meName: 'Dana Kim' });
  const storage = await createDiskStorage(join(dataDir, 'workspaces'));
  await storage.append(WORKSPACE, Y.encodeStateAsUpdate(seeded));
  await storage.close();
  server = await startTestServer({ dataDir });
  profile = await launchProfile('dashboard', { viewport: { width: 1280, height: 1000 } });
  await profile.worker.evaluate(`chrome.storage.local.get('settings').then(({ settings }) => chrome.storage.local.set({ settings: { ...settings, memberId: '${ME}' } }))`);
  const options = await OptionsPage.open(profile);
  await options.join(encodeInvite({ server: server.url, workspace: WORKSPACE, token: server.token(WORKSPACE) }), 'Dana Kim');
  await options.waitForState(/^Connected$/);
  let seen = 0;
  await waitFor('the whole workspace in the hub', async () => (seen = await options.captureCount()) === seeded.getMap('captures').size, { timeoutMs: 60_000, intervalMs: 200 })
    .catch((error: Error) => { throw new Error(`${error.message} (the hub has ${seen} captures)`); });
  await options.page.close();
});
afterAll(async () => {
  await profile?.close();
  await server?.stop();
  if (server) removeDir(server.dataDir);
});


describe('the dashboard', () => {
  it('opens from the popup, renders every chart and shows the numbers behind one', async () => {
    const popup = await PopupPage.open(profile);
    const [tab] = await Promise.all([profile.context.waitForEvent('page'), popup.page.getByRole('button', { name: 'Dashboard' }).click()]);
    const dashboard = new DashboardPage(tab);
    await dashboard.waitForCharts();
    await dashboard.choose('Period', 'Last 365 days');
    await tab.getByText(/^\d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2} \(UTC days\)$/).waitFor();
    for (const name of CHARTS.filter((n) => !n.includes('rising'))) {
      await expect.poll(() => dashboard.picture(name).first().getAttribute('aria-label'), { timeout: 30_000 }).toMatch(new RegExp(`^${name.split(' ')[0]}`, 'i'));
    }
    // Themes show a picture or say that nothing rose or fell; either way the figure has a summary.
    for (const name of ['Tags rising and falling', 'Topics rising and falling'] as const) {
      await expect.poll(() => dashboard.chart(name).locator('.db-summary').innerText(), { timeout: 30_000 }).toMatch(/against/);
    }
    await tab.waitForTimeout(300);
    await tab.screenshot({ path: screenshotPath('dashboard.png'), fullPage: true });

    const weeks = await dashboard.showTable('Captures per week');
    const total = weeks.reduce((sum, row) => sum + Number(row[1]), 0);
    const yearAgo = new Date(Date.now() - 364 * 86_400_000).toISOString().slice(0, 10);
    const counted = createWorkspaceView(seeded).captures().filter((c) => c.status !== 'archived' && c.capturedAt.slice(0, 10) >= yearAgo);
    expect(total).toBe(counted.length);
    expect(total).toBeGreaterThanOrEqual(SIZE.captures);
    expect(weeks.length).toBeGreaterThanOrEqual(52);
    const speed = await dashboard.showTable('Loop speed');
    expect(speed.map((r) => r[0])).toEqual(['Capture → action', 'Action → done', 'Reply needed → replied']);
    expect(Number(speed[1]![3])).toBeGreaterThan(0);
    await expect.poll(() => dashboard.chart('Loop speed').getByRole('button', { name: 'Show as chart' }).count()).toBe(1);

    const [report] = await Promise.all([profile.context.waitForEvent('page'), tab.getByRole('button', { name: 'Monthly report' }).click()]);
    await report.getByRole('heading', { name: /report$/ }).waitFor();
    await report.getByRole('heading', { name: 'Wins: done this month' }).waitFor();
    await report.getByRole('figure', { name: 'Captures per week', exact: true }).waitFor();
    await report.getByRole('button', { name: 'Print or save as PDF' }).waitFor();
    await report.emulateMedia({ media: 'print' });
    await report.screenshot({ path: screenshotPath('report.png'), fullPage: true });
    expect(await report.getByRole('button', { name: 'Print or save as PDF' }).isVisible()).toBe(false);
  });

  it('exports from the popup a CSV whose rows are exactly the filtered Inbox', async () => {
    const popup = await PopupPage.open(profile);
    await popup.page.getByRole('radio', { name: 'All' }).check();
    await popup.page.getByRole('button', { name: /^Filters/ }).click();
    await popup.page.getByLabel('Tag').selectOption('billing');
    await popup.page.getByRole('button', { name: 'Export' }).click();
    const dialog = popup.page.getByRole('dialog', { name: 'Export' });
    await dialog.getByLabel('Records').selectOption('captures');
    await dialog.getByLabel('Format').selectOption('csv');
    await dialog.getByRole('button', { name: 'Download' }).click();
    await expect.poll(() => dialog.getByRole('status').innerText(), { timeout: 30_000 }).toMatch(/^Saved closeloop-acme-dashboard-captures-.*\.csv \(\d+ rows\)/);
    let last: unknown = null;
    const file = await waitFor('the download to finish', async () => {
      const items = await popup.page.evaluate("chrome.downloads.search({})") as { filename: string; state: string; url: string }[];
      last = items;
      return items.find((d) => d.state === 'complete')?.filename;
    }, { timeoutMs: 30_000, intervalMs: 200 }).catch((e: Error) => { throw new Error(`${e.message}: ${JSON.stringify(last)}`); });
    const rows: string[][] = parse(readFileSync(file, 'utf8'), { bom: true });
    expect(rows[0]).toEqual(CAPTURE_COLUMNS.map((c) => c.header));
    const view = createWorkspaceView(seeded);
    const expected = queryInbox(view.captures(), { tag: 'billing' }, { limit: 10_000 }).items;
    expect(expected.length).toBeGreaterThan(10);
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected.map((c) => c.id));
    expect(rows.slice(1).map((r) => r[5])).toEqual(expected.map((c) => c.text));
  });
});
