/**
 * @module One Chromium profile with the built extension loaded: Debian's Chromium driven by
 * playwright-core, a fresh user-data dir per profile, the extension id read from its worker.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { waitFor } from '../../integration/helpers/wait-for';

/** The e2e suite's own build (see global-setup.ts), apart from what `npm start` builds. */
export const E2E_BUILD_DIR = resolve(import.meta.dirname, '../../../.output/e2e');
export const EXTENSION_DIR = resolve(E2E_BUILD_DIR, 'chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Profile {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** Opens an extension page (e.g. "options.html") in a new tab. */
  openExtensionPage(path: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchProfile(name = 'profile', options: { extensionDir?: string; viewport?: { width: number; height: number } } = {}): Promise<Profile> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const userDataDir = mkdtempSync(join(tmpdir(), `closeloop-${name}-`));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // the flag below asks for the new headless mode, which runs extensions
    viewport: options.viewport ?? { width: 1200, height: 900 },
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu',
      `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`,
      '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--disable-quic', '--no-default-browser-check',
    ],
  });
  // Poll rather than wait for the event: the worker may register between a check and a listener.
  const worker = await waitFor('the extension service worker', () =>
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')), { timeoutMs: 30_000, intervalMs: 50 });
  const extensionId = new URL(worker.url()).host;
  // The install opens the options page (once the hub has loaded); tests open their own, so wait
  // for that one and close it, or openOptionsPage may later take over a page a test navigated.
  const installPage = await waitFor('the options page the install opens', () =>
    context.pages().find((p) => p.url().startsWith(`chrome-extension://${extensionId}/options.html`)), { timeoutMs: 20_000, intervalMs: 50 })
    .catch(() => null);
  await installPage?.close();
  return {
    context,
    extensionId,
    worker,
    async openExtensionPage(path) {
      const page = await context.newPage();
      const url = `chrome-extension://${extensionId}/${path}`;
      // A late openOptionsPage() of the install can still navigate the same URL over ours: go again.
      await page.goto(url).catch((error: Error) => (/interrupted by another navigation/.test(error.message) ? page.goto(url) : Promise.reject(error)));
      return page;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
