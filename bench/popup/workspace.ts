/**
 * @module Everything the popup benchmark opens pages against: the extension built into the
 * benchmark's own folder (with the floor page added), a sync server holding a seeded workspace,
 * and one Chromium profile joined to it with the whole workspace in its hub. `close()` stops
 * the browser and the server and deletes their folders.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchProfile, type Profile } from '../../test/e2e/helpers/browser';
import { OptionsPage } from '../../test/e2e/helpers/pages';
import { seedOnDisk } from '../../test/helpers/seed-on-disk';
import { startTestServer, type TestServer } from '../../test/integration/helpers/test-server';
import { waitFor } from '../../test/integration/helpers/wait-for';
import { writeFloorPage } from './floor';

const ROOT = resolve(import.meta.dirname, '../..');
const WORKSPACE = 'bench';
const ME = 'mem_benchmember00001';

export interface BenchWorkspace {
  profile: Profile;
  seeded: { bytes: number; seedMs: number; captures: number };
  close(): Promise<void>;
}

/** Builds into .output/bench (never the folder `npm run build` or the e2e suite use) and adds the floor page. */
export function buildForBench(): string {
  const out = join(ROOT, '.output/bench');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    cwd: ROOT, stdio: 'pipe', env: { ...process.env, EXTENSION_OUT_DIR: out },
  });
  const extensionDir = join(out, 'chrome-mv3');
  writeFloorPage(extensionDir);
  return extensionDir;
}

export async function openBenchWorkspace(extensionDir: string, size: { captures: number; actions: number }): Promise<BenchWorkspace> {
  const dataDir = mkdtempSync(join(tmpdir(), 'closeloop-bench-popup-'));
  let server: TestServer | null = null;
  let profile: Profile | null = null;
  const close = async () => {
    await profile?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const seeded = await seedOnDisk(dataDir, WORKSPACE, size, ME);
    server = await startTestServer({ dataDir, config: { heartbeatMs: 30_000 } });
    profile = await launchProfile('bench-popup', { extensionDir });
    const options = await OptionsPage.open(profile);
    // The seeded member, given a personal invite for their existing member id.
    await options.join(server.adopt(WORKSPACE, ME, 'Bench Member').code, 'Bench Member');
    await options.waitForState(/^Connected$/, 120_000);
    await waitFor('the whole workspace in the hub', async () => (await options.captureCount()) === seeded.captures, { timeoutMs: 180_000, intervalMs: 500 });
    await options.page.close();
    await settle(profile);
    return { profile, seeded, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Waits until the hub has written its cached views (the popup's cold paint reads them). */
async function settle(profile: Profile) {
  await waitFor('the cached views in storage', () =>
    profile.worker.evaluate(`chrome.storage.local.get('view-cache').then((s) => Boolean(s['view-cache']))`), { timeoutMs: 60_000, intervalMs: 200 });
  // IndexedDB write-behind of the synced workspace: let it finish before timing anything.
  await new Promise((r) => setTimeout(r, 3_000));
}

/**
 * Stops the extension's service worker, as Chromium does after 30 s idle: the next page wakes it.
 * Waits until DevTools reports every worker version stopped, then lets the process wind down.
 */
export async function stopServiceWorker(profile: Profile) {
  const page = profile.context.pages()[0] ?? (await profile.context.newPage());
  const cdp = await profile.context.newCDPSession(page);
  const running = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) running.set(v.versionId, v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  // A worker still starting (a page just woke it) may miss one stop: ask again until it is down.
  let asked = 0;
  await waitFor('the service worker to stop', async () => {
    if (Date.now() - asked > 500) {
      asked = Date.now();
      await cdp.send('ServiceWorker.stopAllWorkers');
    }
    return running.size > 0 && [...running.values()].every((s) => s === 'stopped');
  }, { timeoutMs: 60_000, intervalMs: 20 });
  await cdp.detach();
  await new Promise((r) => setTimeout(r, 500));
}
