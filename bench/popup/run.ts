/**
 * @module `npm run bench:popup`: the popup in real Chromium over a workspace of 10,000 captures and
 * 2,000 actions. In the same browser profile and the same run it opens a blank page of the same
 * extension (floor.ts) as the floor, and each route the popup has (the Inbox; the Huddle once the
 * router knows `#huddle`), with a warm hub and with a cold one (service worker stopped), opens
 * interleaved so load on the machine falls on all of them alike. Prints medians, p95 and each
 * first paint as a ratio to the floor's, against the goals; and search keystrokes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseRoute } from '../../extension/popup/router-model';
import { median, percentile } from '../stats';
import { FLOOR_PAGE, FLOOR_VIEW } from './floor';
import { openView, typeSearch, type OpenTiming } from './measure';
import { buildForBench, openBenchWorkspace, stopServiceWorker } from './workspace';

const ROOT = resolve(import.meta.dirname, '../..');
const { values: args } = parseArgs({ options: {
  captures: { type: 'string', default: '10000' }, actions: { type: 'string', default: '2000' },
  opens: { type: 'string', default: '20' }, cold: { type: 'string', default: '10' }, quick: { type: 'boolean', default: false },
  routes: { type: 'string', default: 'inbox,huddle' },
} });
const size = { captures: Number(args.captures), actions: Number(args.actions) };
const warmOpens = args.quick ? 6 : Number(args.opens);
const coldOpens = args.quick ? 4 : Number(args.cold);
/** First paint at most this many times the floor's (medians). */
const GOALS = { warm: 1.3, cold: 2 } as const;

/**
 * What is opened: the floor, then each asked-for route (`--routes`, by default the Inbox and the
 * Huddle) that the popup's router knows; a route it does not know yet is left out and said so.
 * Each view leaves its own first-view-paint mark (use-first-paint.ts), named like its route.
 */
const ROUTE_NAMES: Record<string, string> = { inbox: 'Inbox, first list', huddle: 'Huddle, first paint', actions: 'Actions, first list' };
const asked = args.routes.split(',').map((r) => r.trim()).filter(Boolean);
const known = asked.filter((view) => (parseRoute(`#${view}`) as { view: string }).view === view);
const PAGES = [
  { name: 'blank extension page (floor)', path: FLOOR_PAGE, view: FLOOR_VIEW },
  ...known.map((view) => ({ name: ROUTE_NAMES[view] ?? `#${view}, first paint`, path: `popup.html#${view}`, view })),
];
type Phase = 'warm' | 'cold';
type Runs = Record<Phase, Record<string, OpenTiming[]>>;

async function main() {
  const missing = asked.filter((view) => !known.includes(view));
  if (missing.length) console.log(`Not measured, the popup's router does not know them yet: ${missing.map((v) => `#${v}`).join(', ')}.`);
  console.log('Building the extension…');
  const extensionDir = buildForBench();
  const bench = await openBenchWorkspace(extensionDir, size);
  const runs: Runs = { warm: {}, cold: {} };
  const load: number[] = [];
  const round = async (phase: Phase) => {
    load.push(loadavg()[0]!);
    for (const target of PAGES) {
      if (phase === 'cold') await stopServiceWorker(bench.profile);
      const { page, timing } = await openView(bench.profile, target.path, target.view, { live: target.view !== FLOOR_VIEW });
      (runs[phase][target.view] ??= []).push(timing);
      await page.close();
    }
  };
  try {
    console.log(`Seeded ${bench.seeded.captures} captures and ${size.actions} actions (${(bench.seeded.bytes / 1e6).toFixed(1)} MB state).`);
    for (let i = 0; i < warmOpens; i++) await round('warm');
    const keystrokes = await searchKeystrokes(bench.profile);
    for (let i = 0; i < coldOpens; i++) await round('cold');
    report(runs, keystrokes, load);
  } finally {
    await bench.close();
  }
}

async function searchKeystrokes(profile: Parameters<typeof openView>[0]) {
  const { page } = await openView(profile, 'popup.html#inbox', 'inbox', { live: true });
  const times = [...await typeSearch(page, 'coupon checkout'), ...await typeSearch(page, ' crashed')];
  await page.close();
  return times;
}

function report(runs: Runs, keystrokes: number[], load: number[]) {
  const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1));
  const lines = [
    '', `Popup benchmark — ${size.captures} captures, ${size.actions} actions; Chromium (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'}), pages at 400x600;`,
    `${cpus().length} cores, Node ${process.version}, 1-minute load average ${Math.min(...load).toFixed(2)}–${Math.max(...load).toFixed(2)} during the opens.`,
    'Times in ms from navigation start to the first-view-paint mark (content committed); FCP is the browser\'s first contentful paint.',
    'A view painted from its stored first screen (extension/popup/first-screen.ts) shows "snapshot"; "app render" is the',
    'application\'s own first render of the view over it (from its cached views), when the copy stops being inert.', '',
    'Cold: the service worker is stopped and no page of the extension is open, so Chromium starts the extension\'s renderer',
    'process again for either page; the goal is judged against the blank page opened the same way, and the ratio to the warm',
    'blank page (the process already running) is shown beside it.', '',
    '| page | hub | n | median | p95 | ratio to floor | goal | | ratio to warm floor | FCP median | FCP ratio | app render median | app render ratio | first live median |',
    '|---|---|---:|---:|---:|---:|---|---|---:|---:|---:|---:|---:|---:|',
  ];
  const warmFloor = median(runs.warm[FLOOR_VIEW]!.map((t) => t.firstPaint));
  for (const phase of ['warm', 'cold'] as const) {
    const floor = runs[phase][FLOOR_VIEW]!;
    for (const target of PAGES) {
      const list = runs[phase][target.view]!;
      const paint = list.map((t) => t.firstPaint);
      const fcp = list.map((t) => t.fcp);
      const isFloor = target.view === FLOOR_VIEW;
      const ratio = median(paint) / median(floor.map((t) => t.firstPaint));
      const verdict = isFloor ? '' : ratio <= GOALS[phase] ? 'meets' : 'MISSES';
      const sources = [...new Set(list.map((t) => t.source))].join('/');
      lines.push(`| ${target.name}${isFloor ? '' : ` (from ${sources})`} | ${phase} | ${list.length} | ${ms(median(paint))} | ${ms(percentile(paint, 95))} | `
        + `${isFloor ? '1' : ratio.toFixed(2)}× | ${isFloor ? '' : `≤ ${GOALS[phase]}×`} | ${verdict} | ${(median(paint) / warmFloor).toFixed(2)}× | ${ms(median(fcp))} | `
        + `${(median(fcp) / median(floor.map((t) => t.fcp))).toFixed(2)}× | ${isFloor ? '' : ms(median(list.map((t) => t.appPaint)))} | `
        + `${isFloor ? '' : `${(median(list.map((t) => t.appPaint)) / median(floor.map((t) => t.firstPaint))).toFixed(2)}×`} | ${ms(median(list.map((t) => t.firstLive)))} |`);
    }
  }
  lines.push('', `Search keystroke → list updated: median ${ms(median(keystrokes))} ms, p95 ${ms(percentile(keystrokes, 95))} ms (n ${keystrokes.length}; target < 50 ms).`);
  console.log(lines.join('\n'));
  mkdirSync(join(ROOT, '.bench'), { recursive: true });
  const file = join(ROOT, '.bench', `popup-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, JSON.stringify({ size, load, runs, keystrokes }, null, 2));
  console.log(`\nRaw figures: ${file}`);
}

await main();
