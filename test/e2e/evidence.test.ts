/**
 * @module Evidence you can trust, end to end in Chromium with the built extension and the real
 * sync server: a capture is highlighted where it stands when its page is visited again and
 * hovering it names what the team did with it; an edited review is recorded as changed with its
 * new rating, a removed one as missing; personal data in a review never reaches the server; and a
 * selection made the moment a page loads gets its capture button. Takes the README's screenshots.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { PopupPage } from './helpers/popup-page';
import { screenshotPath } from './helpers/screenshots';

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

    await reviews.page.locator('#closeloop-target').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = (await reviews.page.locator('#closeloop-target').boundingBox())!;
    await reviews.page.mouse.move(box.x + 40, box.y + 6); // on the quote's first line
    const card = reviews.page.getByRole('dialog', { name: 'Captured feedback' });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Pay refunds within a week/);
    expect(await card.innerText()).toMatch(/Owner: Bob Chen/);
    expect(await card.innerText()).toMatch(/Due 3 Dec 2026/);
    // The keyboard's way in: the marker names the action too.
    expect(await reviews.page.getByRole('button', { name: /^Captured feedback “The charger died.*action Pay refunds within a week$/ }).count()).toBe(1);
    await reviews.page.screenshot({ path: screenshotPath('highlight.png'), clip: { x: 200, y: Math.max(0, box.y - 150), width: 800, height: 360 } });
    await reviews.page.close();
  });

  it('records an edited review as changed, with its new rating, and shows it on the capture', async () => {
    const view = createWorkspaceView(teammate.doc);
    const captured = view.captures().find((c) => c.text === QUOTE)!;
    // The reviewer came back after the refund: four stars now, and one word changed.
    writeFileSync(join(pagesDir, 'reviews.html'), original()
      .replace('data-service-review-rating="2"', 'data-service-review-rating="4"')
      .replace('alt="Rated 2 out of 5 stars"', 'alt="Rated 4 out of 5 stars"')
      .replaceAll('died after nine days', 'died after ten days')); // the review and the page's JSON-LD
    const reviews = await CapturePage.open(alice.context, fixtures.url('reviews.html'));
    const check = await waitFor('the changed review on the server', () => {
      const c = view.capture(captured.id)?.sourceCheck;
      return c?.state === 'changed' ? c : null;
    }, { timeoutMs: 60_000 });
    expect(check).toMatchObject({ state: 'changed', rating: 4, text: QUOTE.replace('nine days', 'ten days'), checkedBy: expect.stringMatching(/^mem_/) });
    expect(view.activity().filter((e) => e.verb === 'capture.source' && e.targetId === captured.id).map((e) => e.to)).toEqual(['changed']);
    await reviews.page.close();

    const popup = await PopupPage.open(alice, `#capture/${captured.id}`);
    const now = popup.page.getByRole('region', { name: 'The review now' });
    await now.waitFor();
    expect(await now.innerText()).toMatch(/^Review edited on \d{1,2} \w{3}: rating 2 -> 4, text changed/);
    await popup.page.screenshot({ path: screenshotPath('changed-review.png') });
    await popup.page.close();
  });

  it('records a review removed from its page as missing', async () => {
    const view = createWorkspaceView(teammate.doc);
    const captured = view.captures().find((c) => c.text === QUOTE)!;
    // The business has four reviews, all on one page; Priya's is gone.
    const html = original();
    const start = html.lastIndexOf('<article', html.indexOf('id="closeloop-target"'));
    const end = html.indexOf('</article>', start) + '</article>'.length;
    writeFileSync(join(pagesDir, 'reviews.html'), (html.slice(0, start) + html.slice(end)).replace(/<nav aria-label="Pagination">.*?<\/nav>/s, ''));
    const reviews = await CapturePage.open(alice.context, fixtures.url('reviews.html'));
    await waitFor('the missing review on the server', () => view.capture(captured.id)?.sourceCheck?.state === 'missing', { timeoutMs: 60_000 });
    expect(view.capture(captured.id)!.sourceCheck).toMatchObject({ state: 'missing', text: null, rating: null });
    await reviews.page.close();
  });
});

describe('personal data in a review', () => {
  it('is redacted in the dialog, and the document the server stores holds none of it', async () => {
    const email = 'priya.raman+refunds@example.com';
    const card = '4111 1111 1111 1111';
    writeFileSync(join(pagesDir, 'support.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Support forum</title></head>
<body><main><article class="comment" id="comment-7"><span class="author">Priya</span>
<p id="review">Still no refund. Write to ${email} or charge the card ${card} again, I do not care any more.</p></article></main></body></html>`);
    const page = await CapturePage.open(alice.context, fixtures.url('support.html'));
    await page.selectParagraph('#review');
    const dialog = await page.openDialogFromButton();
    expect(await dialog.getByLabel('Selected text').innerText()).toBe('Still no refund. Write to [email] or charge the card [card] again, I do not care any more.');
    expect(await dialog.getByRole('group', { name: 'Personal data: 2 of 2 replaced before saving' }).count()).toBe(1);
    await dialog.screenshot({ path: screenshotPath('redaction.png') });
    expect(await page.save()).toMatch(/^Saved on this device/);

    const view = createWorkspaceView(teammate.doc);
    await waitFor('the redacted capture on the server', () => view.captures().find((c) => c.text.startsWith('Still no refund')));
    expect(view.captures().find((c) => c.text.startsWith('Still no refund'))!.text).toContain('[email]');
    // What the server keeps on disk, byte for byte, and the document as any client reads it.
    const stored = readdirSync(join(server.dataDir, 'workspaces', WORKSPACE)).map((f) => readFileSync(join(server.dataDir, 'workspaces', WORKSPACE, f)));
    expect(stored.length).toBeGreaterThan(0);
    for (const secret of [email, 'priya.raman', card, card.replace(/ /g, ''), '4111 1111']) {
      for (const bytes of stored) expect(bytes.includes(Buffer.from(secret))).toBe(false);
      expect(JSON.stringify(teammate.doc.toJSON())).not.toContain(secret);
    }
    await page.page.close();
  });
});

describe('the first second of a page', () => {
  it('gives a selection made as soon as the page loaded its capture button, every time', async () => {
    copyFileSync(join(FIXTURES_DIR, 'hacker-news.html'), join(pagesDir, 'fast.html'));
    const page = await alice.context.newPage();
    for (let i = 0; i < 6; i++) {
      await page.goto(fixtures.url('fast.html'));
      // One triple click right after load, no retry: the person does not know the script is still starting.
      await page.locator('.commtext').first().click({ clickCount: 3 });
      await page.getByRole('button', { name: 'Capture feedback' }).waitFor({ timeout: 10_000 });
    }
    await page.close();
  });
});

/** The fixture page as it was when Priya's review was captured. */
function original(): string {
  return readFileSync(join(FIXTURES_DIR, 'trustpilot.html'), 'utf8');
}
