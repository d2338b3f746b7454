/**
 * @module A hostile page: CSS that restyles everything (our UI included, by tag name), script tags
 * inside the review, a 1 MB selection, and scripts that try to drive our UI. Capture must still
 * look right, store text only, cut the huge quote with a visible note, and never obey the page.
 * Also the background's open-capture message, which the context menu and the shortcut send.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/schema/constants';
import { createWorkspaceView } from '../../shared/read/workspace-view';
import { connectClient, destroyClients, synced } from '../integration/helpers/clients';
import { removeDir, startTestServer, type TestServer } from '../integration/helpers/test-server';
import { waitFor } from '../integration/helpers/wait-for';
import { launchProfile, type Profile } from './helpers/browser';
import { startFixtureServer } from './helpers/fixture-server';
import { CapturePage, OptionsPage } from './helpers/pages';

const WORKSPACE = 'hostile';
let server: TestServer;
let fixtures: Awaited<ReturnType<typeof startFixtureServer>>;
let profile: Profile;

beforeAll(async () => {
  server = await startTestServer();
  fixtures = await startFixtureServer();
  profile = await launchProfile('hostile');
  const options = await OptionsPage.open(profile);
  await options.join(server.invite(WORKSPACE, 'Hana Ito').code, 'Hana Ito');
  await options.waitForState(/^Connected$/);
});
afterAll(async () => {
  destroyClients();
  await profile?.close();
  await server?.stop();
  await fixtures?.close();
  if (server) removeDir(server.dataDir);
});

async function storedCaptures() {
  const client = await synced(connectClient(server.url, WORKSPACE, server.invite(WORKSPACE, 'Export script', 'viewer').token));
  return createWorkspaceView(client.doc);
}

describe('capturing on a hostile page', () => {
  it('keeps its own look, stores markup as text and runs no page script', async () => {
    const page = await CapturePage.open(profile.context, fixtures.url('hostile-restyle.html'));
    const scriptsBefore = await page.page.evaluate('window.__pageScripts');
    await page.selectParagraph('#script-review');
    const dialog = await page.openDialogFromButton();
    // The page's `* { font-size: 40px !important; ... }` and `display: none` on our tag must not reach the dialog.
    const look = await dialog.evaluate((el) => {
      const style = getComputedStyle(el);
      return { fontSize: style.fontSize, transform: style.textTransform, visible: el.getBoundingClientRect().height > 0 };
    });
    expect(look).toEqual({ fontSize: '14px', transform: 'none', visible: true });
    expect(await page.save()).toBe('Saved on this device — syncing now');
    expect(await page.page.evaluate('window.__pageScripts')).toBe(scriptsBefore);

    const view = await storedCaptures();
    const capture = await waitFor('the capture on the server', () => view.captures().find((c) => c.text.startsWith('The lid snaps')));
    expect(capture.text).toBe('The lid snaps off when hot <script>alert("x")</script> and support never answered.');
    expect(capture.text).not.toContain('__pageScripts');
  });

  it('cuts a 1 MB selection to the limit with a visible note, and stores the original length', async () => {
    const page = await CapturePage.open(profile.context, fixtures.url('hostile-restyle.html'));
    await page.selectParagraph('#huge-review');
    const dialog = await page.openDialogFromButton();
    await dialog.getByText('Selection cut to 10,000 characters (it had 1,048,576)').waitFor();
    expect(await page.save()).toMatch(/^Saved on this device/);
    const view = await storedCaptures();
    const capture = await waitFor('the huge capture on the server', () => view.captures().find((c) => c.text.startsWith('This review goes on')));
    expect(capture.text.length).toBeLessThanOrEqual(LIMITS.captureText);
    expect(capture.truncatedFrom).toBe(1_048_576);
  });

  it('ignores a page script that clicks our button or talks to the extension', async () => {
    const page = await CapturePage.open(profile.context, fixtures.url('hostile-restyle.html'));
    await page.selectParagraph('#review-1 p');
    const attempt = await page.page.evaluate(async (extensionId) => {
      const button = document.querySelector('closeloop-capture-button')?.shadowRoot?.querySelector('button');
      button?.click();
      button?.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      let messaged = 'no runtime';
      if (runtime && typeof runtime.sendMessage === 'function') {
        messaged = await new Promise<string>((resolve) => {
          try {
            (runtime.sendMessage as (id: string, m: unknown, cb: (r: unknown) => void) => void)(
              extensionId, { kind: 'command', id: 1, name: 'capture.save', args: {} }, (reply) => resolve(JSON.stringify(reply ?? null)));
          } catch (error) {
            resolve(`threw: ${(error as Error).message}`);
          }
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
      return { foundButton: Boolean(button), messaged };
    }, profile.extensionId);
    expect(attempt.foundButton).toBe(true);
    expect(attempt.messaged).not.toMatch(/"ok":true/);
    expect(await page.dialog().count()).toBe(0);
  });
});

describe('how a capture starts', () => {
  it('opens the dialog the way the context menu and the keyboard shortcut do', async () => {
    // Headless Chromium registers no extension shortcuts and Playwright cannot click native menus,
    // so this sends what both send: the background's open-capture message to the active tab.
    const page = await CapturePage.open(profile.context, fixtures.url('trustpilot.html'));
    await page.selectParagraph('#closeloop-target');
    await page.page.bringToFront();
    const answer = await profile.worker.evaluate(`chrome.tabs.query({ url: '${fixtures.url('trustpilot.html')}' })
      .then((tabs) => chrome.tabs.sendMessage(tabs[0].id, { type: 'closeloop:open-capture' }))`);
    expect(answer).toEqual({ opened: true });
    await page.dialog().waitFor();
    expect(await page.dialog().getByText('Priya Raman').count()).toBeGreaterThan(0);
    await page.dialog().getByRole('button', { name: 'Cancel' }).click();
  });
});
