/**
 * @module `npm run bench:capture`: in Chromium, the time from a click on Save to the capture being
 * stored on the device (the dialog confirms only after IndexedDB committed it) and to it being
 * visible in a second member's browser; then what the content script costs: re-finding the page's
 * captures on load, and redacting a 10,000-character selection (content-costs.ts). Both clocks are this machine's wall clock, read in each
 * page (performance.timeOrigin + performance.now()), so the two profiles can be compared.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchProfile, type Profile } from '../../test/e2e/helpers/browser';
import { startFixtureServer } from '../../test/e2e/helpers/fixture-server';
import { CapturePage, OptionsPage } from '../../test/e2e/helpers/pages';
import { removeDir, startTestServer, type TestServer } from '../../test/integration/helpers/test-server';
import { waitFor } from '../../test/integration/helpers/wait-for';
import { median, percentile } from '../stats';
import { measureRedaction, measureRefind } from './content-costs';
import { writeLongReviewPage, writeReviewPage } from './page';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({ options: { captures: { type: 'string', default: '50' }, loads: { type: 'string', default: '30' } } });
const LOADS = Math.max(10, Number(args.loads));
const COUNT = Math.max(50, Number(args.captures));
const WORKSPACE = 'bench-capture';

/** Records, in the second member's options page, when its capture count reaches each value. */
const WATCH_COUNT = `(() => {
  const el = document.querySelector('[data-testid="capture-count"]');
  window.__seenAt = {};
  const note = () => { const n = Number(el.textContent); if (!(n in window.__seenAt)) window.__seenAt[n] = performance.timeOrigin + performance.now(); };
  new MutationObserver(note).observe(el, { childList: true, characterData: true, subtree: true });
  note();
})()`;

/** Records, in the captured page, the click on Save and the moment the dialog says it is saved. */
const WATCH_SAVE = `(() => {
  const root = document.querySelector('closeloop-capture-dialog').shadowRoot;
  window.__clickAt = null; window.__savedAt = null;
  root.addEventListener('click', (e) => { if (e.target.closest && e.target.closest('button') && e.target.closest('button').textContent.trim() === 'Save') window.__clickAt = performance.timeOrigin + performance.now(); }, true);
  new MutationObserver(() => {
    const s = root.querySelector('.cl-saved');
    if (!window.__savedAt && s && s.textContent.startsWith('Saved')) window.__savedAt = performance.timeOrigin + performance.now();
  }).observe(root, { subtree: true, childList: true, characterData: true });
})()`;

async function main() {
  const out = join(ROOT, '.output/bench');
  // A bench build: the content script records its own work as User Timing measures (extension/capture/marks.ts).
  execFileSync(process.execPath, [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
    cwd: ROOT, stdio: 'pipe', env: { ...process.env, EXTENSION_OUT_DIR: out, VITE_CLOSELOOP_MARKS: '1' },
  });
  const pagesDir = mkdtempSync(join(tmpdir(), 'closeloop-bench-pages-'));
  const pageName = writeReviewPage(pagesDir, COUNT);
  const longName = writeLongReviewPage(pagesDir);
  let server: TestServer | null = null;
  const profiles: Profile[] = [];
  const fixtures = await startFixtureServer(pagesDir);
  try {
    server = await startTestServer({ config: { heartbeatMs: 30_000 } });
    const [a, b] = await Promise.all([launchProfile('bench-a', { extensionDir: join(out, 'chrome-mv3') }), launchProfile('bench-b', { extensionDir: join(out, 'chrome-mv3') })]);
    profiles.push(a!, b!);
    const [optionsA, optionsB] = await Promise.all([OptionsPage.open(a!), OptionsPage.open(b!)]);
    await optionsA.join(server.invite(WORKSPACE, 'Bench A').code, 'Bench A');
    await optionsB.join(server.invite(WORKSPACE, 'Bench B').code, 'Bench B');
    await Promise.all([optionsA.waitForState(/^Connected$/), optionsB.waitForState(/^Connected$/)]);
    await optionsB.page.evaluate(WATCH_COUNT);

    const page = await CapturePage.open(a!.context, fixtures.url(pageName));
    const local: number[] = [];
    const remote: number[] = [];
    for (let i = 0; i < COUNT; i++) {
      await page.selectParagraph(`#review-${i}`);
      await page.openDialogFromButton();
      await page.page.evaluate(WATCH_SAVE);
      await page.dialog().getByRole('button', { name: 'Save', exact: true }).click();
      const saved = await waitFor('saved locally', () => page.page.evaluate('window.__savedAt && window.__clickAt ? [window.__clickAt, window.__savedAt] : null') as Promise<[number, number] | null>);
      const seen = await waitFor('visible in the second profile', () => optionsB.page.evaluate(`window.__seenAt[${i + 1}] ?? null`) as Promise<number | null>, { timeoutMs: 30_000, intervalMs: 10 });
      local.push(saved[1] - saved[0]);
      remote.push(seen - saved[0]);
      await page.dialog().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => page.page.keyboard.press('Escape'));
    }
    await page.page.close();
    // The page now has COUNT captures: load it again and again, as a teammate revisiting it would.
    const refind = await measureRefind(a!.context, fixtures.url(pageName), COUNT, LOADS);
    const redaction = await measureRedaction(a!.context, fixtures.url(longName), Math.max(10, Math.round(LOADS / 2)));
    const row = (name: string, v: number[]) => `| ${name} | ${v.length} | ${median(v).toFixed(1)} | ${percentile(v, 95).toFixed(1)} | ${Math.min(...v).toFixed(1)} | ${Math.max(...v).toFixed(1)} |`;
    console.log([
      '', `Capture benchmark — ${COUNT} captures from one page, two Chromium profiles, one sync server on 127.0.0.1;`,
      `${cpus().length} cores, Node ${process.version}. Milliseconds from the click on Save.`, '',
      '| measure | n | median | p95 | min | max |', '|---|---:|---:|---:|---:|---:|',
      row('stored on this device (IndexedDB committed, dialog confirms)', local),
      row('visible in a second profile (its hub has it)', remote),
      '', `Content script costs, milliseconds (page with ${COUNT} captures loaded ${LOADS} times; a 10,000-character review with personal data):`, '',
      '| measure | n | median | p95 | min | max |', '|---|---:|---:|---:|---:|---:|',
      row(`re-find ${COUNT} captures on page load: the anchoring pass (main thread)`, refind.anchor),
      row(`re-find ${COUNT} captures on page load: navigation start to all highlights painted`, refind.painted),
      row('redaction of a 10,000-character selection: finding (when the dialog opens)', redaction.find),
      row('redaction of a 10,000-character selection: replacing (on save)', redaction.apply),
    ].join('\n'));
    mkdirSync(join(ROOT, '.bench'), { recursive: true });
    const file = join(ROOT, '.bench', `capture-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, JSON.stringify({ count: COUNT, local, remote, refind, redaction }, null, 2));
    console.log(`\nRaw figures: ${file}`);
  } finally {
    await Promise.all(profiles.map((p) => p.close()));
    await server?.stop();
    if (server) removeDir(server.dataDir);
    await fixtures.close();
    rmSync(pagesDir, { recursive: true, force: true });
  }
}

await main();
