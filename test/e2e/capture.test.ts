/**
 * @module Capture end to end: the built extension in Chromium, fixture pages over HTTP, the real
 * sync server. A member joins with an invite, captures the third review of a review page with
 * the in-page button, a stock y-websocket client reads it back from the server; with the server
 * stopped a second capture waits on the device and arrives after a restart with no one touching
 * anything; a second member's browser receives both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspaceView } from '../../shared/read/workspace-view';
import { connectClient, destroyClients, synced } from '../integration/helpers/clients';
import { removeDir, startTestServer, type TestServer } from '../integration/helpers/test-server';
import { waitFor } from '../integration/helpers/wait-for';
import { launchProfile, type Profile } from './helpers/browser';
import { startFixtureServer } from './helpers/fixture-server';
import { CapturePage, OptionsPage } from './helpers/pages';

const WORKSPACE = 'acme-support';
let server: TestServer;
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
const profiles: Profile[] = [];

beforeAll(async () => {
  server = await startTestServer();
  fixtures = await startFixtureServer();
});
afterAll(async () => {
  destroyClients();
  await Promise.all(profiles.map((p) => p.close()));
  await server?.stop();
  await fixtures?.close();
  if (server) removeDir(server.dataDir);
});

/** What the server holds, read the way an outside tool would: the stock client with a viewer invite. */
async function serverCaptures() {
  const client = await synced(connectClient(server.url, WORKSPACE, server.invite(WORKSPACE, 'Export script', 'viewer').token));
  const view = createWorkspaceView(client.doc);
  return { client, view };
}

describe('capturing feedback from a page', () => {
  it('joins, captures the third review, works offline and reaches a second member', async () => {
    // Personal invites: each person joins as the member the server chose for them.
    const aliceInvite = server.invite(WORKSPACE, 'Alice Ortega');
    const alice = await launchProfile('alice');
    profiles.push(alice);
    const aliceOptions = await OptionsPage.open(alice);
    await aliceOptions.join(aliceInvite.code, 'Alice Ortega');
    await aliceOptions.waitForState(/^Connected$/);

    // The third review on a Trustpilot-like page, selected and captured with the in-page button.
    const reviews = await CapturePage.open(alice.context, fixtures.url('trustpilot.html'));
    await reviews.selectParagraph('#closeloop-target');
    const dialog = await reviews.openDialogFromButton();
    expect(await dialog.getByText('Priya Raman').count()).toBeGreaterThan(0);
    expect(await dialog.getByLabel('Sentiment').inputValue()).toBe('negative');
    expect(await dialog.getByLabel('Channel').inputValue()).toBe('review');
    await dialog.getByLabel('Note').fill('Refund delays again — third this week');
    await reviews.addTag('Refunds');
    expect(await reviews.save()).toBe('Saved on this device — syncing now');

    const { client, view } = await serverCaptures();
    const first = await waitFor('the capture on the server', () => view.captures()[0]);
    expect(first).toMatchObject({
      text: 'The charger died after nine days. Support asked for the same photos three times and the refund took five weeks to arrive.',
      note: 'Refund delays again — third this week',
      tags: ['refunds'],
      sentiment: 'negative',
      channel: 'review',
      capturedBy: aliceInvite.member,
      source: {
        url: 'https://www.trustpilot.com/review/acme-widgets.com',
        site: 'trustpilot.com',
        platform: 'trustpilot',
        author: 'Priya Raman',
        rating: 2,
        ratingMax: 5,
        postedAt: '2024-02-11T09:15:42.000Z',
        permalink: 'https://www.trustpilot.com/reviews/65c8a1f2e3d4b5a6c7d8e9f0',
      },
    });
    expect(first.anchor?.quote.exact).toBe(first.text);
    expect(first.anchor?.quote.prefix.length).toBeGreaterThan(0);
    expect(first.anchor?.quote.suffix.length).toBeGreaterThan(0);
    expect(first.anchor?.position?.end).toBeGreaterThan(first.anchor!.position!.start);
    expect(first.anchor?.range?.startContainer).toMatch(/^\/html\[1\]\/body\[1\]\//);
    client.destroy();

    // Pull the plug: the next capture is kept on the device and counted as waiting.
    const { port, dataDir } = server;
    await server.stop();
    await aliceOptions.waitForState(/^(Server unreachable|Connecting)/);
    await reviews.page.reload();
    await reviews.selectParagraph('article:nth-of-type(4) p[data-service-review-text-typography]');
    await reviews.openDialogFromButton();
    expect(await reviews.save()).toBe('Saved on this device — will sync when the server is back');
    await aliceOptions.waitForState(/— 1 change waiting/);

    // The server comes back; nobody touches anything; the capture arrives.
    server = await startTestServer({ dataDir, config: { port } });
    await aliceOptions.waitForState(/^Connected$/, 90_000);
    const after = await serverCaptures();
    await waitFor('both captures on the server', () => after.view.captures().length === 2, { timeoutMs: 30_000 });
    expect(after.view.captures().map((c) => c.source.author).sort()).toEqual(['Grace Liu', 'Priya Raman']);

    // A second member joins the same workspace and receives both through their own hub.
    const bob = await launchProfile('bob');
    profiles.push(bob);
    const bobOptions = await OptionsPage.open(bob);
    await bobOptions.join(server.invite(WORKSPACE, 'Bob Chen').code, 'Bob Chen');
    await bobOptions.waitForState(/^Connected$/);
    await waitFor('Bob\'s hub to hold both captures', async () => (await bobOptions.captureCount()) === 2);
    await waitFor('Bob to see Alice online', async () => /Alice Ortega/.test(await bobOptions.page.locator('dl').innerText()));
  });
});
