/**
 * @module Evidence you can trust, end to end in Chromium with the built extension and the real
 * sync server: a capture is highlighted where it stands when its page is visited again, and
 * hovering it names what the team did with it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeInvite } from '../../shared/invite';
import { createAction } from '../../shared/mutations/actions';
import { registerMember } from '../../shared/mutations/members';
import { createWorkspaceView } from '../../shared/read/workspace-view';
import { connectClient, destroyClients, synced, type TestClient } from '../integration/helpers/clients';
import { removeDir, startTestServer, type TestServer } from '../integration/helpers/test-server';
import { waitFor } from '../integration/helpers/wait-for';
import { launchProfile, type Profile } from './helpers/browser';
import { FIXTURES_DIR, startFixtureServer } from './helpers/fixture-server';
import { CapturePage, OptionsPage } from './helpers/pages';

const WORKSPACE = 'evidence';
const QUOTE = 'The charger died after nine days. Support asked for the same photos three times and the refund took five weeks to arrive.';
let server: TestServer;
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
let pagesDir: string;
let alice: Profile;
let teammate: TestClient;

beforeAll(async () => {
  server = await startTestServer();
  pagesDir = mkdtempSync(join(tmpdir(), 'closeloop-evidence-pages-'));
  copyFileSync(join(FIXTURES_DIR, 'trustpilot.html'), join(pagesDir, 'reviews.html'));
  fixtures = await startFixtureServer(pagesDir);
  alice = await launchProfile('alice-evidence');
  const options = await OptionsPage.open(alice);
  await options.join(encodeInvite({ server: server.url, workspace: WORKSPACE, token: server.token(WORKSPACE) }), 'Alice Ortega');
  await options.waitForState(/^Connected$/);
  teammate = await synced(connectClient(server.url, WORKSPACE, server.token(WORKSPACE)));
});
afterAll(async () => {
  destroyClients();
  await alice?.close();
  await server?.stop();
  await fixtures?.close();
  if (server) removeDir(server.dataDir);
  if (pagesDir) rmSync(pagesDir, { recursive: true, force: true });
});

/** The ranges in the page's `closeloop` highlight, as text (read from the page's own world). */
function highlighted(page: CapturePage): Promise<string[]> {
  return page.page.evaluate(() => [...((CSS.highlights.get('closeloop') as Highlight | undefined) ?? [])].map((r) => (r as Range).toString()));
}

describe('evidence on the page it came from', () => {
  it('highlights a capture when its page is visited again, and hovering it names the action and its owner', async () => {
    const reviews = await CapturePage.open(alice.context, fixtures.url('reviews.html'));
    await reviews.selectParagraph('#closeloop-target');
    await reviews.openDialogFromButton();
    expect(await reviews.save()).toBe('Saved on this device — syncing now');

    // A teammate (Bob) makes it an action he owns, due on 3 December.
    const view = createWorkspaceView(teammate.doc);
    const captured = await waitFor('the capture on the server', () => view.captures().find((c) => c.text === QUOTE));
    registerMember({ doc: teammate.doc, actor: 'mem_bob' }, { name: 'Bob Chen', role: 'editor' });
    createAction({ doc: teammate.doc, actor: 'mem_bob' }, { title: 'Pay refunds within a week', captureIds: [captured.id], assignee: 'mem_bob', dueDate: '2026-12-03' });

    await reviews.page.reload();
    await waitFor('the quote in the closeloop highlight', async () => (await highlighted(reviews)).join() === QUOTE, { timeoutMs: 30_000 });
    // The page's own DOM is unchanged: no element was wrapped around its text.
    expect(await reviews.page.locator('#closeloop-target').innerHTML()).toBe(QUOTE);

    const box = (await reviews.page.locator('#closeloop-target').boundingBox())!;
    await reviews.page.mouse.move(box.x + 40, box.y + 6); // on the quote's first line
    const card = reviews.page.getByRole('dialog', { name: 'Captured feedback' });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Pay refunds within a week/);
    expect(await card.innerText()).toMatch(/Owner: Bob Chen/);
    expect(await card.innerText()).toMatch(/Due 3 Dec 2026/);
    // The keyboard's way in: the marker names the action too.
    expect(await reviews.page.getByRole('button', { name: /^Captured feedback “The charger died.*action Pay refunds within a week$/ }).count()).toBe(1);
  });
});
