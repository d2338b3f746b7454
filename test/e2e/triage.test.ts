/**
 * @module Triage end to end, two members on one real server. Alice captures on a review page; Bob
 * sees it in his Inbox, makes one action from it and a second capture, names Alice as owner with a
 * due date of yesterday; Alice's popup lists it under Mine and Overdue, her badge counts it and a
 * notification exists; she marks it done with a resolution; Bob sees it done, with the history.
 * Then the same with Alice offline while Bob assigns: it converges when she reconnects.
 * The run also takes the README's screenshots (written to docs/screenshots/ by `npm run screenshots`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeInvite, encodeInvite } from '../../shared/invite';
import { localCalendarDate } from '../../shared/util/dates';
import { seedOnDisk } from '../helpers/seed-on-disk';
import { removeDir, startTestServer, tempDataDir, type TestServer } from '../integration/helpers/test-server';
import { waitFor } from '../integration/helpers/wait-for';
import { launchProfile, type Profile } from './helpers/browser';
import { startCuttableProxy, type CuttableProxy } from './helpers/cuttable-proxy';
import { startFixtureServer } from './helpers/fixture-server';
import { CapturePage, OptionsPage } from './helpers/pages';
import { PopupPage } from './helpers/popup-page';
import { screenshotPath } from './helpers/screenshots';

const WORKSPACE = 'acme-support';
const yesterday = localCalendarDate(Date.now() - 86_400_000);
let server: TestServer;
let proxy: CuttableProxy;
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
let alice: Profile;
let bob: Profile;

beforeAll(async () => {
  const dataDir = tempDataDir();
  // A lived-in workspace, so the screenshots show the product as a team sees it.
  await seedOnDisk(dataDir, WORKSPACE, { captures: 24, actions: 9 }, 'mem_bobchen000000001');
  server = await startTestServer({ dataDir });
  proxy = await startCuttableProxy(server.port);
  fixtures = await startFixtureServer();
  [alice, bob] = await Promise.all([launchProfile('alice'), launchProfile('bob')]);
  // Bob is the seeded member "Bench Member", who joined with a shared invite once: his personal
  // invite is for that same member, so his history stays his. Joining renames him.
  const bobInvite = server.adopt(WORKSPACE, 'mem_bobchen000000001', 'Bench Member');
  // Alice goes through a proxy the test can cut: her invite names the proxy.
  const aliceInvite = server.invite(WORKSPACE, 'Alice Ortega');
  const aliceOptions = await OptionsPage.open(alice);
  await aliceOptions.join(encodeInvite({ ...decodeInvite(aliceInvite.code), server: proxy.url }), 'Alice Ortega');
  const bobOptions = await OptionsPage.open(bob);
  await bobOptions.join(bobInvite.code, 'Bob Chen');
  await Promise.all([aliceOptions.waitForState(/^Connected$/), bobOptions.waitForState(/^Connected$/)]);
});
afterAll(async () => {
  await Promise.all([alice?.close(), bob?.close()]);
  await proxy?.close();
  await server?.stop();
  await fixtures?.close();
  if (server) removeDir(server.dataDir);
});

const badge = (profile: Profile) => profile.worker.evaluate('chrome.action.getBadgeText({})') as Promise<string>;
const notifications = (profile: Profile) => profile.worker.evaluate('chrome.notifications.getAll().then(Object.keys)') as Promise<string[]>;

describe('triage across two members', () => {
  it('turns captures into an owned action, keeps the owner on the hook, and closes the loop', async () => {
    const reviews = await CapturePage.open(alice.context, fixtures.url('trustpilot.html'));
    await reviews.selectParagraph('#closeloop-target');
    await reviews.openDialogFromButton();
    await reviews.save();
    await reviews.selectParagraph('p[data-service-review-text-typography]:has-text("Packaging was excessive")');
    await reviews.openDialogFromButton();
    await reviews.save();

    const bobPopup = await PopupPage.open(bob);
    await bobPopup.waitForText(/The charger died after nine days/);
    await bobPopup.screenshot(screenshotPath('inbox.png'));
    await bobPopup.page.getByRole('checkbox', { name: /^Select The charger died/ }).check();
    await bobPopup.page.getByRole('checkbox', { name: /^Select It does what it says/ }).check();
    await bobPopup.page.getByRole('group', { name: 'Selected captures' }).getByRole('button', { name: 'Create action' }).click();
    await bobPopup.page.getByLabel('Action title').fill('Refunds: ask for photos once');
    await bobPopup.page.getByRole('button', { name: 'Create', exact: true }).click();

    await bobPopup.showActions('All');
    const actionId = await bobPopup.openAction('Refunds: ask for photos once');
    await bobPopup.field('Owner').selectOption({ label: 'Alice Ortega' });
    await bobPopup.field('Due date').fill(yesterday);
    await bobPopup.field('Impact').selectOption('5');
    await bobPopup.field('Effort').selectOption('2');
    await bobPopup.waitForText('Evidence');
    expect(await bobPopup.page.getByText(/The charger died after nine days/).count()).toBeGreaterThan(0);

    const alicePopup = await PopupPage.open(alice);
    await alicePopup.showActions('Mine');
    await alicePopup.waitForText('Refunds: ask for photos once');
    await alicePopup.showActions('Overdue');
    await alicePopup.waitForText('Refunds: ask for photos once');
    await waitFor('Alice\'s badge to count it', async () => (await badge(alice)) === '1');
    await waitFor('a notification for it', async () => (await notifications(alice)).some((id) => id.endsWith(`|${actionId}`)));

    await alicePopup.openAction('Refunds: ask for photos once');
    await alicePopup.field('Status').selectOption('done');
    await alicePopup.field('Resolution').fill('Support now asks for one photo; refunds go out within 5 days.');
    await alicePopup.page.getByRole('button', { name: 'Mark done' }).click();
    await waitFor('Alice\'s badge to clear', async () => (await badge(alice)) === '');

    await waitFor('Bob to see it done', async () => (await bobPopup.field('Status').inputValue()) === 'done');
    await bobPopup.waitForText(/Alice Ortega .*done/);
    await bobPopup.waitForText(/Bob Chen .*Alice Ortega/);
    await bobPopup.screenshot(screenshotPath('action.png'));

    const quickWins = await PopupPage.open(bob);
    await quickWins.showActions('Quick wins');
    await quickWins.waitForText('Quick wins');
    await quickWins.page.waitForTimeout(300);
    await quickWins.screenshot(screenshotPath('quick-wins.png'));
  });

  it('converges when the owner was offline while being assigned', async () => {
    const reviews = await CapturePage.open(alice.context, fixtures.url('trustpilot.html'));
    await reviews.selectParagraph('p[data-service-review-text-typography]:has-text("Hardware is great")');
    await reviews.openDialogFromButton();
    await reviews.save();
    const bobPopup = await PopupPage.open(bob);
    await bobPopup.waitForText(/Hardware is great/);
    await bobPopup.page.getByRole('checkbox', { name: /^Select Hardware is great/ }).check();
    await bobPopup.page.getByRole('group', { name: 'Selected captures' }).getByRole('button', { name: 'Create action' }).click();
    await bobPopup.page.getByLabel('Action title').fill('Fix the app logging people out');
    await bobPopup.page.getByRole('button', { name: 'Create', exact: true }).click();
    const alicePopup = await PopupPage.open(alice);
    await alicePopup.showActions('All');
    await alicePopup.waitForText('Fix the app logging people out');

    proxy.cut();
    await alicePopup.waitForText(/Server unreachable|Connecting/);
    await bobPopup.showActions('All');
    const id = await bobPopup.openAction('Fix the app logging people out');
    await bobPopup.field('Owner').selectOption({ label: 'Alice Ortega' });
    await bobPopup.field('Due date').fill(yesterday);
    // Meanwhile Alice, offline, scores the same action.
    await alicePopup.openAction('Fix the app logging people out');
    await alicePopup.field('Impact').selectOption('4');
    await alicePopup.waitForText(/1 change waiting/);

    proxy.restore();
    await alicePopup.waitForText(/^Connected$/, 90_000);
    await waitFor('Alice to see herself as owner', async () => (await alicePopup.field('Owner').inputValue()).length > 0, { timeoutMs: 60_000 });
    expect(await alicePopup.field('Owner').inputValue()).toMatch(/^mem_/);
    expect(await alicePopup.field('Due date').inputValue()).toBe(yesterday);
    await waitFor('Bob to see Alice\'s score', async () => (await bobPopup.field('Impact').inputValue()) === '4', { timeoutMs: 60_000 });
    await alicePopup.showActions('Overdue');
    await alicePopup.waitForText('Fix the app logging people out');
    await waitFor('a notification for it', async () => (await notifications(alice)).some((n) => n.endsWith(`|${id}`)));
  });
});
