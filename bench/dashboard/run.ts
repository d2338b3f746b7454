/**
 * @module `npm run bench:dashboard`: the dashboard in real Chromium over a workspace of 10,000
 * captures and 2,000 actions. Measures the first paint of the dashboard page with a warm hub (the
 * aggregates already built by an earlier open), the first open after the hub loaded, and, in Node on
 * the same shared code, how long one new capture takes to update the aggregates. Prints medians.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { encodeInvite } from '../../shared/invite';
import { launchProfile, type Profile } from '../../test/e2e/helpers/browser';
import { OptionsPage } from '../../test/e2e/helpers/pages';
import { seedOnDisk } from '../../test/helpers/seed-on-disk';
import { startTestServer, type TestServer } from '../../test/integration/helpers/test-server';
import { waitFor } from '../../test/integration/helpers/wait-for';
import { median, percentile } from '../stats';
import { measureAggregates } from './aggregates';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({ options: {
  captures: { type: 'string', default: '10000' }, actions: { type: 'string', default: '2000' },
  opens: { type: 'string', default: '15' }, updates: { type: 'string', default: '50' }, quick: { type: 'boolean', default: false },
} });
const size = { captures: Number(args.captures), actions: Number(args.actions) };
const opens = args.quick ? 5 : Number(args.opens);
const WORKSPACE = 'bench';
const ME = 'mem_benchmember00001';

function build(): string {
  const out = join(ROOT, '.output/bench-dashboard');
  console.log('Building the extension…');
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, EXTENSION_OUT_DIR: out } });
  return join(out, 'chrome-mv3');
}

/** Opens dashboard.html and returns ms from navigation start to the first charts committed. */
async function openDashboard(profile: Profile): Promise<{ page: Page; ms: number; dataMs: number }> {
  const page = await profile.context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`chrome-extension://${profile.extensionId}/dashboard.html`);
  const ms = await waitFor('the dashboard paint mark', () => page.evaluate(() => performance.getEntriesByName('closeloop:dashboard-paint')[0]?.startTime),
    { timeoutMs: 120_000, intervalMs: 10 });
  const dataMs = await page.evaluate(() => performance.getEntriesByName('closeloop:dashboard-data')[0]?.startTime ?? Number.NaN);
  return { page, ms, dataMs };
}

async function main() {
  console.log(`Aggregates in Node (${size.captures} captures, ${size.actions} actions)…`);
  const node = measureAggregates(size, Number(args.updates));
  const extensionDir = build();
  const dataDir = mkdtempSync(join(tmpdir(), 'closeloop-bench-dashboard-'));
  let server: TestServer | null = null;
  let profile: Profile | null = null;
  try {
    const seeded = await seedOnDisk(dataDir, WORKSPACE, { ...size, spanDays: 365 }, ME);
    console.log(`Seeded ${size.captures} captures and ${size.actions} actions (${(seeded.bytes / 1e6).toFixed(1)} MB state).`);
    server = await startTestServer({ dataDir, config: { heartbeatMs: 30_000 } });
    profile = await launchProfile('bench-dashboard', { extensionDir });
    await profile.worker.evaluate(`chrome.storage.local.get('settings').then(({ settings }) => chrome.storage.local.set({ settings: { ...settings, memberId: '${ME}' } }))`);
    const options = await OptionsPage.open(profile);
    await options.join(encodeInvite({ server: server.url, workspace: WORKSPACE, token: server.token(WORKSPACE) }), 'Bench Member');
    await options.waitForState(/^Connected$/, 120_000);
    await waitFor('the whole workspace in the hub', async () => (await options.captureCount()) >= size.captures, { timeoutMs: 180_000, intervalMs: 500 });
    await new Promise((r) => setTimeout(r, 3_000));
    await options.page.close();
    const first = await openDashboard(profile);
    await first.page.close();
    const warm: number[] = [];
    const warmData: number[] = [];
    for (let i = 0; i < opens; i++) {
      const { page, ms, dataMs } = await openDashboard(profile);
      warm.push(ms);
      warmData.push(dataMs);
      await page.close();
    }
    report({ firstOpen: first.ms, warm, warmData, node });
  } finally {
    await profile?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function report(r: { firstOpen: number; warm: number[]; warmData: number[]; node: ReturnType<typeof measureAggregates> }) {
  const row = (name: string, values: number[], target: number | null) => {
    const m = median(values);
    const verdict = target === null ? '' : m < target ? 'meets' : 'MISSES';
    return `| ${name} | ${values.length} | ${m.toFixed(2)} | ${percentile(values, 95).toFixed(2)} | ${target === null ? '—' : `< ${target}`} | ${verdict} |`;
  };
  console.log([
    '', `Dashboard benchmark — ${size.captures} captures, ${size.actions} actions over a year; Chromium (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}) at 1280x900;`,
    `${cpus().length} cores, Node ${process.version}. Times in ms.`, '',
    '| measure | n | median | p95 | target | |', '|---|---:|---:|---:|---|---|',
    row('dashboard first paint, warm hub (from navigation start)', r.warm, 300),
    row('hub\'s first answer arrived in the page, warm hub', r.warmData, null),
    row('dashboard first paint, first open after the hub loaded (aggregates built)', [r.firstOpen], null),
    row('one new capture → aggregates updated (Node)', r.node.updateMs, 5),
    row('one new capture saved: mutation + view + aggregates (Node)', r.node.saveMs, null),
    row('dashboard query answered from the aggregates, 90 days (Node)', r.node.queryMs, null),
    row('aggregates built from scratch (Node)', [r.node.buildMs], null),
  ].join('\n'));
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  const file = join(ROOT, '.bench', `dashboard-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ size, ...r }, null, 2));
  console.log(`\nRaw figures: ${file}`);
}

await main();
