/**
 * @module The team's cadence end to end: two Chromium profiles on one real server. Alice captures
 * three refund complaints; Bob's Huddle escalates the theme, he turns it into a proposal, Alice
 * ranks it, Bob's change board accepts it with Alice as owner into a new initiative and declines
 * her other proposal with a reason she reads; Alice closes the work and the next huddle names her.
 * Then the same with Alice offline while Bob runs the board: it converges when she reconnects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeInvite, encodeInvite } from '../../shared/invite';
import { addDays, localCalendarDate } from '../../shared/util/dates';
import { removeDir, startTestServer, tempDataDir, type TestServer } from '../integration/helpers/test-server';
import { waitFor } from '../integration/helpers/wait-for';
import { launchProfile, type Profile } from './helpers/browser';
import { startCuttableProxy, type CuttableProxy } from './helpers/cuttable-proxy';
import { startFixtureServer } from './helpers/fixture-server';
import { CapturePage, OptionsPage } from './helpers/pages';
import { PopupPage } from './helpers/popup-page';

const WORKSPACE = 'northwind-cx';
const due = addDays(localCalendarDate(), 14);
let server: TestServer;
let proxy: CuttableProxy;
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
let alice: Profile;
let bob: Profile;

beforeAll(async () => {
  server = await startTestServer({ dataDir: tempDataDir() });
  proxy = await startCuttableProxy(server.port);
  fixtures = await startFixtureServer();
  [alice, bob] = await Promise.all([launchProfile('alice'), launchProfile('bob')]);
  // Each joins with a personal invite; Alice's names the proxy the test cuts to take her offline.
  const aliceInvite = server.invite(WORKSPACE, 'Alice Ortega');
  const aliceOptions = await OptionsPage.open(alice);
  await aliceOptions.join(encodeInvite({ ...decodeInvite(aliceInvite.code), server: proxy.url }), 'Alice Ortega');
  const bobOptions = await OptionsPage.open(bob);
  await bobOptions.join(server.invite(WORKSPACE, 'Bob Chen').code, 'Bob Chen');
  await Promise.all([aliceOptions.waitForState(/^Connected$/), bobOptions.waitForState(/^Connected$/)]);
});
afterAll(async () => {
  await Promise.all([alice?.close(), bob?.close()]);
  await proxy?.close();
  await server?.stop();
  await fixtures?.close();
  if (server) removeDir(server.dataDir);
});

/** Captures each paragraph of the review page with one tag, as a person does with the in-page button. */
async function captureTagged(profile: Profile, paragraphs: string[], tag: string): Promise<void> {
  const page = await CapturePage.open(profile.context, fixtures.url('refund-reviews.html'));
  for (const id of paragraphs) {
    await page.selectParagraph(`#${id}`);
    await page.openDialogFromButton();
    await page.addTag(tag);
    expect(await page.save()).toMatch(/^Saved/);
  }
  await page.page.close();
}

/** Turns the theme's escalation into a proposal from the Huddle; returns the proposal's title. */
async function proposeTheme(popup: PopupPage, theme: string): Promise<string> {
  await popup.openHuddle();
  const row = popup.sectionRows('Escalations').filter({ hasText: theme });
  await row.waitFor();
  expect(await row.textContent()).toContain('3 captures');
  await popup.proposeEscalation(theme);
  return popup.page.getByRole('textbox', { name: 'Title', exact: true }).inputValue();
}

describe('the cadence across two members', () => {
  it('escalates, proposes, ranks, decides at the board, and recognises who closed it', async () => {
    await captureTagged(alice, ['refund-1', 'refund-2', 'refund-3'], 'refund');

    const bobPopup = await PopupPage.open(bob);
    await bobPopup.openHuddle();
    await bobPopup.startHuddle();
    await waitFor('one escalation', async () => (await bobPopup.sectionCount('Escalations')) === 1);
    const title = await proposeTheme(bobPopup, 'refund');

    const alicePopup = await PopupPage.open(alice);
    await alicePopup.rank([title]);
    // A second proposal of Alice's, which the board will decline.
    await alicePopup.tab('Actions').click();
    await alicePopup.page.getByRole('button', { name: 'Propose a change' }).click();
    await alicePopup.page.getByLabel('Proposal title').fill('Rebuild the returns portal');
    await alicePopup.page.getByRole('button', { name: 'Propose', exact: true }).click();

    await bobPopup.startBoard();
    await waitFor('Alice\'s ranking to reach Bob', async () =>
      /ranked by 1/i.test((await bobPopup.proposal(title).textContent()) ?? ''), { timeoutMs: 60_000 });
    await bobPopup.accept(title, { owner: 'Alice Ortega', due, newInitiative: 'Refund experience' });
    await bobPopup.proposal('Rebuild the returns portal').waitFor();
    await bobPopup.decline('Rebuild the returns portal', 'Not this quarter: fixing the refund process comes first.');
    expect(await bobPopup.endBoard()).toMatch(/^Board meeting ended\. Next change board: /);

    await alicePopup.showActions('Mine');
    await alicePopup.waitForText(title);
    await alicePopup.openInitiatives();
    await waitFor('the initiative at 0 of 1', async () => (await alicePopup.initiativeProgress('Refund experience')) === '0 of 1 done');
    await alicePopup.openBoard('Decisions');
    await alicePopup.openProposal('Rebuild the returns portal');
    await waitFor('Alice to read the reason', async () => {
      const decision = await alicePopup.decision();
      return decision.outcome === 'Declined' && decision.reason?.includes('fixing the refund process comes first');
    });

    await bobPopup.openHuddle();
    await bobPopup.endHuddle();

    await alicePopup.showActions('Mine');
    await alicePopup.openAction(title);
    await alicePopup.field('Status').selectOption('done');
    await alicePopup.field('Resolution').fill('Refunds now go out within 3 days; the form keeps the order number.');
    await alicePopup.page.getByRole('button', { name: 'Mark done' }).click();

    await bobPopup.openHuddle();
    const done = bobPopup.sectionRows('Done since last huddle').filter({ hasText: title });
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toContain('Closed by Alice Ortega');
    await alicePopup.openInitiatives();
    await waitFor('the initiative at 1 of 1', async () => (await alicePopup.initiativeProgress('Refund experience')) === '1 of 1 done');
  });

  it('converges when Alice was offline while Bob ran the board', async () => {
    await captureTagged(alice, ['sizing-1', 'sizing-2', 'sizing-3'], 'sizing');
    const bobPopup = await PopupPage.open(bob);
    const title = await proposeTheme(bobPopup, 'sizing');
    const alicePopup = await PopupPage.open(alice);
    await alicePopup.openBoard('Proposals');
    await alicePopup.proposal(title).waitFor({ timeout: 60_000 });

    proxy.cut();
    await alicePopup.waitForText(/Server unreachable|Connecting/);
    // Offline, Alice ranks the proposal and proposes another change.
    await alicePopup.rank([title]);
    await alicePopup.tab('Actions').click();
    await alicePopup.page.getByRole('button', { name: 'Propose a change' }).click();
    await alicePopup.page.getByLabel('Proposal title').fill('A size chart on every product page');
    await alicePopup.page.getByRole('button', { name: 'Propose', exact: true }).click();
    await alicePopup.waitForText(/changes? waiting/);
    // Meanwhile Bob runs the board.
    await bobPopup.startBoard();
    await bobPopup.accept(title, { owner: 'Alice Ortega', due, newInitiative: 'Sizing you can trust' });
    await bobPopup.endBoard();

    proxy.restore();
    await alicePopup.waitForText(/^Connected$/, 90_000);
    await alicePopup.showActions('Mine');
    await alicePopup.waitForText(title);
    await alicePopup.openInitiatives();
    await waitFor('the new initiative on Alice\'s map', async () => (await alicePopup.initiativeProgress('Sizing you can trust')) === '0 of 1 done', { timeoutMs: 60_000 });
    await bobPopup.openBoard('Proposals');
    await bobPopup.proposal('A size chart on every product page').waitFor({ timeout: 60_000 });
    await bobPopup.openBoard('Decisions');
    await bobPopup.waitForText(title);
  });
});
