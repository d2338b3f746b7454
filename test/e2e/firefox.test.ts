/**
 * @module Firefox end to end: the Firefox build in Debian's Firefox ESR, installed temporarily
 * through WebDriver BiDi, with an administrator's policies.json; a real sync server on port 0.
 * Carol joins in Firefox with an invite on the options page (her name preset by the policy),
 * captures a review with the in-page button (her popup lists it) and another with the capture
 * shortcut (the background asks the tab to open the dialog). Dave, in Chromium, captures too
 * and gives Carol an action that was due yesterday: Carol's Firefox popup shows his capture and
 * the action as overdue, her toolbar badge counts it in red, she is notified. Revisiting the pages,
 * Firefox highlights her capture (hovering it names Dave's action, its marker opens the capture) and
 * Dave's; the sidebar (Firefox's sidebar_action) shows the same triage app.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../extension/capture/format';
import { localCalendarDate } from '../../shared/util/dates';
import { seedOnDisk } from '../helpers/seed-on-disk';
import { removeDir, startTestServer, tempDataDir, type TestServer } from '../integration/helpers/test-server';
import { waitFor } from '../integration/helpers/wait-for';
import { launchProfile, type Profile } from './helpers/browser';
import { launchFirefox, type FirefoxProfile } from './helpers/firefox/launch';
import { FirefoxCapturePage, FirefoxOptionsPage, FirefoxTriagePage } from './helpers/firefox/pages';
import { startFixtureServer } from './helpers/fixture-server';
import { CapturePage, OptionsPage } from './helpers/pages';
import { PopupPage } from './helpers/popup-page';
import { screenshotPath } from './helpers/screenshots';

const WORKSPACE = 'acme-support';
const yesterday = localCalendarDate(Date.now() - 86_400_000);
const QUOTE = 'The charger died after nine days. Support asked for the same photos three times and the refund took five weeks to arrive.';
let server: TestServer;
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
let carol: FirefoxProfile;
let dave: Profile;
let carolOptions: FirefoxOptionsPage;

beforeAll(async () => {
  const dataDir = tempDataDir();
  // A lived-in workspace, so the screenshots show the product as a team sees it (none of it is Carol's).
  await seedOnDisk(dataDir, WORKSPACE, { captures: 24, actions: 9 }, 'mem_teammate00000001');
  server = await startTestServer({ dataDir });
  fixtures = await startFixtureServer();
  [carol, dave] = await Promise.all([
    launchFirefox('carol', { policy: { memberName: 'Support team' } }),
    launchProfile('dave'),
  ]);
});
afterAll(async () => {
  await Promise.all([carol?.close(), dave?.close()]);
  await server?.stop();
  await fixtures?.close();
  if (server) removeDir(server.dataDir);
});

describe('Closeloop in Firefox ESR', () => {
  it('opens the options page at install and joins there, with the name the policy preset', async () => {
    await waitFor('the options page to open by itself', async () => {
      for (const tab of await carol.tabs()) if (await tab.url() === carol.extensionUrl('options.html')) return true;
      return false;
    }, { timeoutMs: 30_000, intervalMs: 250 });
    carolOptions = await FirefoxOptionsPage.open(carol);
    expect(await carolOptions.tab.value(await carolOptions.nameField())).toBe('Support team');
    await carolOptions.join(server.invite(WORKSPACE, 'Carol Diaz').code, 'Carol Diaz');
    await carolOptions.waitForState(/^Connected$/);
    await carolOptions.watchNotifications();
  });

  it('captures a review with the in-page button and lists it in the popup', async () => {
    const reviews = await FirefoxCapturePage.open(carol, fixtures.url('trustpilot.html'));
    await reviews.selectParagraph('#closeloop-target');
    const dialog = await reviews.openDialogFromButton();
    expect(await reviews.save(dialog)).toBe('Saved on this device — syncing now');
    const popup = await FirefoxTriagePage.open(carol);
    await popup.waitForText(/The charger died after nine days/);
  });

  it('opens the capture dialog with the keyboard shortcut (the background messages the tab)', async () => {
    const page = await FirefoxCapturePage.open(carol, fixtures.url('trustpilot.html'));
    await page.selectParagraph('article:nth-of-type(4) p[data-service-review-text-typography]');
    await page.pressShortcut(carol);
    const dialog = await page.tab.getByRole('dialog', 'Capture feedback');
    expect(await page.save(dialog)).toBe('Saved on this device — syncing now');
  });

  it('shows a teammate\'s capture from Chromium and keeps Carol on the hook for an overdue action', async () => {
    const daveOptions = await OptionsPage.open(dave);
    await daveOptions.join(server.invite(WORKSPACE, 'Dave Okafor').code, 'Dave Okafor');
    await daveOptions.waitForState(/^Connected$/);
    const page = await CapturePage.open(dave.context, fixtures.url('g2.html'));
    await page.selectParagraph('#closeloop-target');
    await page.openDialogFromButton();
    await page.save();
    const davePopup = await PopupPage.open(dave);
    await davePopup.waitForText('Carol Diaz');
    await davePopup.page.getByRole('checkbox', { name: /^Select The charger died/ }).check();
    await davePopup.page.getByRole('group', { name: 'Selected captures' }).getByRole('button', { name: 'Create action' }).click();
    await davePopup.page.getByLabel('Action title').fill('Refunds: ask for photos once');
    await davePopup.page.getByRole('button', { name: 'Create', exact: true }).click();
    await davePopup.showActions('All');
    const actionId = await davePopup.openAction('Refunds: ask for photos once');
    await davePopup.field('Owner').selectOption({ label: 'Carol Diaz' });
    await davePopup.field('Due date').fill(yesterday);

    const popup = await FirefoxTriagePage.open(carol);
    await popup.waitForText(/Custom reports time out/);
    await popup.screenshot(screenshotPath('firefox-popup.png'));
    await popup.showActions('Overdue');
    await popup.waitForText('Refunds: ask for photos once');
    const badge = await waitFor('Carol\'s badge to count it', async () => {
      const shown = await carolOptions.badge();
      return shown.text === '1' ? shown : null;
    });
    expect(badge.color).toEqual([180, 35, 24, 255]); // red: one of hers is overdue
    expect(badge.title).toBe('Closeloop — 1 of your actions is due or overdue');
    const notified = await waitFor('notifications for it', async () => {
      const ids = (await carolOptions.notifications()).filter((id) => id.endsWith(`|${actionId}`));
      return ids.length >= 2 ? ids : null;
    });
    expect(notified.map((id) => id.split('|')[1]).sort()).toEqual(['assigned', 'overdue']);
  });

  it('highlights Carol\'s capture when she opens its page again, and the highlight names the action Dave gave her', async () => {
    const reviews = await FirefoxCapturePage.open(carol, fixtures.url('trustpilot.html'));
    await waitFor('the quote in the closeloop highlight', async () =>
      (await reviews.highlights()).some(([name, text]) => name === 'closeloop' && text === QUOTE), { timeoutMs: 30_000 });
    // The page's own DOM is unchanged: no element was wrapped around its text.
    expect(await reviews.tab.evaluate('return document.querySelector("#closeloop-target").innerHTML;')).toBe(QUOTE);
    // And it is painted: a ::highlight(closeloop) rule reached the page (adopted, or the <style> fallback).
    expect(await reviews.tab.evaluate(`const sheets = [...document.styleSheets, ...document.adoptedStyleSheets];
      return sheets.some((sheet) => Array.from(sheet.cssRules).some((rule) => rule.cssText.includes('::highlight(closeloop)')));`)).toBe(true);

    await reviews.hoverOver('#closeloop-target', 40, 6); // on the quote's first line
    const card = await reviews.tab.getByRole('dialog', 'Captured feedback');
    const said = await reviews.tab.textOf(card);
    expect(said).toMatch(/Refunds: ask for photos once/);
    expect(said).toMatch(/Owner: Carol Diaz/);
    expect(said).toContain(`Due ${formatDate(yesterday)}`);
    // The keyboard's way in: the marker names the action, and activating it opens the capture in Closeloop.
    await reviews.tab.clickRole('button', /^Captured feedback “The charger died.*action Refunds: ask for photos once$/);
    await waitFor('the capture to open in a Closeloop tab', async () => {
      for (const tab of await carol.tabs()) if ((await tab.url()).startsWith(carol.extensionUrl('popup.html#capture/'))) return true;
      return false;
    }, { timeoutMs: 30_000, intervalMs: 250 });
  });

  it('highlights a teammate\'s capture from Chromium on its page in Firefox', async () => {
    const page = await FirefoxCapturePage.open(carol, fixtures.url('g2.html'));
    const quote = await page.tab.evaluate<string>('return document.querySelector("#closeloop-target").textContent;');
    await waitFor('Dave\'s quote in the closeloop highlight', async () =>
      (await page.highlights()).some(([name, text]) => name === 'closeloop' && text === quote), { timeoutMs: 30_000 });
  });

  it('shows the triage app in Firefox\'s sidebar', async () => {
    const panel = await FirefoxTriagePage.open(carol, 'sidepanel.html', { width: 360, height: 800 });
    await panel.waitForText(/Custom reports time out/);
    const reviews = await carol.open(fixtures.url('trustpilot.html'), 'window');
    await reviews.setViewport(1100, 720);
    await reviews.getByRole('heading', 'Acme Widgets');
    expect(await carol.showSidebar()).toBe(carol.extensionUrl('sidepanel.html'));
    await carol.screenshotWindow(screenshotPath('firefox-sidebar.png'));
  });
});
