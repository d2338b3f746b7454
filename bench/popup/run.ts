/**
 * @module `npm run bench:popup`: the popup in real Chromium over a workspace of 10,000 captures
 * and 2,000 actions. Measures first list paint with a warm hub and with a cold one (service worker
 * stopped), and search keystrokes; prints medians and p95 against the targets.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchProfile, type Profile } from '../../test/e2e/helpers/browser';
import { OptionsPage } from '../../test/e2e/helpers/pages';
import { startTestServer, type TestServer } from '../../test/integration/helpers/test-server';
import { waitFor } from '../../test/integration/helpers/wait-for';
import { openPopup, typeSearch } from './measure';
import { seedOnDisk } from '../../test/helpers/seed-on-disk';
import { median, percentile } from '../stats';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({ options: {
  captures: { type: 'string', default: '10000' }, actions: { type: 'string', default: '2000' },
  opens: { type: 'string', default: '20' }, cold: { type: 'string', default: '10' }, quick: { type: 'boolean', default: false },
} });
const size = { captures: Number(args.captures), actions: Number(args.actions) };
const opens = args.quick ? 6 : Number(args.opens);
const coldOpens = args.quick ? 4 : Number(args.cold);
const WORKSPACE = 'bench';

function build(): string {
  const out = join(ROOT, '.output/bench');
  console.log('Building the extension…');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, EXTENSION_OUT_DIR: out } });
  return join(out, 'chrome-mv3');
}

async function stopServiceWorker(profile: Profile) {
  const page = profile.context.pages()[0] ?? (await profile.context.newPage());
  const cdp = await profile.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await new Promise((r) => setTimeout(r, 1_000)); // let it go fully before the next open wakes it
}

async function main() {
  const extensionDir = build();
  const dataDir = mkdtempSync(join(tmpdir(), 'closeloop-bench-popup-'));
  let server: TestServer | null = null;
  let profile: Profile | null = null;
  try {
    const me = 'mem_benchmember00001';
    const seeded = await seedOnDisk(dataDir, WORKSPACE, size, me);
    console.log(`Seeded ${size.captures} captures and ${size.actions} actions (${(seeded.bytes / 1e6).toFixed(1)} MB state).`);
    server = await startTestServer({ dataDir, config: { heartbeatMs: 30_000 } });
    profile = await launchProfile('bench-popup', { extensionDir });
    const options = await OptionsPage.open(profile);
    // The seeded member, given a personal invite for their existing member id.
    await options.join(server.adopt(WORKSPACE, me, 'Bench Member').code, 'Bench Member');
    await options.waitForState(/^Connected$/, 120_000);
    await waitFor('the whole workspace in the hub', async () => (await options.captureCount()) === size.captures, { timeoutMs: 180_000, intervalMs: 500 });
    await new Promise((r) => setTimeout(r, 3_000)); // IndexedDB write-behind and the cached view settle
    await options.page.close();

    const warm = [];
    for (let i = 0; i < opens; i++) {
      const { page, timing } = await openPopup(profile);
      warm.push(timing);
      await page.close();
    }
    const { page: searchPage } = await openPopup(profile);
    const keystrokes = [...await typeSearch(searchPage, 'coupon checkout'), ...await typeSearch(searchPage, ' crashed')];
    await searchPage.close();

    const cold = [];
    for (let i = 0; i < coldOpens; i++) {
      await stopServiceWorker(profile);
      const { page, timing } = await openPopup(profile);
      cold.push(timing);
      await page.close();
    }
    report({ warm, cold, keystrokes, seeded });
  } finally {
    await profile?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(r: { warm: { firstPaint: number; firstLive: number; source: string }[]; cold: { firstPaint: number; firstLive: number; source: string }[]; keystrokes: number[]; seeded: unknown }) {
  const row = (name: string, values: number[], target: number | null) => {
    const m = median(values);
    const verdict = target === null ? '' : m < target ? 'meets' : 'MISSES';
    return `| ${name} | ${values.length} | ${m.toFixed(1)} | ${percentile(values, 95).toFixed(1)} | ${target === null ? '—' : `< ${target}`} | ${verdict} |`;
  };
  const sources = (list: { source: string }[]) => [...new Set(list.map((t) => t.source))].join('/');
  const lines = [
    '', `Popup benchmark — ${size.captures} captures, ${size.actions} actions; Chromium (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}), popup page at 400x600;`,
    `${cpus().length} cores, Node ${process.version}. Times in ms from navigation start (marks set by the popup).`, '',
    '| measure | n | median | p95 | target | |', '|---|---:|---:|---:|---|---|',
    row(`first list paint, warm hub (source: ${sources(r.warm)})`, r.warm.map((t) => t.firstPaint), 100),
    row('first live list, warm hub', r.warm.map((t) => t.firstLive), null),
    row(`first list paint, cold hub (source: ${sources(r.cold)})`, r.cold.map((t) => t.firstPaint), 300),
    row('first live list, cold hub (workspace loaded from IndexedDB)', r.cold.map((t) => t.firstLive), null),
    row('search keystroke → list updated', r.keystrokes, 50),
  ];
  console.log(lines.join('\n'));
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  const file = join(ROOT, '.bench', `popup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ size, ...r }, null, 2));
  console.log(`\nRaw figures: ${file}`);
}

await main();
