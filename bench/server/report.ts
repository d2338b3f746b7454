/**
 * @module What the run prints and saves: the header (what ran, versions, machine, load shape),
 * the method, and the summary table of ours against the reference with ours as a ratio of it.
 */
import { readFileSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { join } from 'node:path';
import type { RunResult } from './load-run';
import type { Options } from './options';
import type { MemoryResult } from './memory';
import type { CheckCost } from './check-cost';
import type { RampStep } from './phases';
import type { RevokeResult } from './revoke';
import { REPO_ROOT } from './servers';
import { median } from '../stats';

export interface Results {
  memory: Partial<Record<string, MemoryResult>>;
  latency: Partial<Record<string, RunResult[]>>;
  ramp: Partial<Record<string, RampStep[]>>;
  checkCost?: CheckCost;
  revoke?: RevokeResult;
}

export interface Row { metric: string; ours: number; reference: number; ratio: number; better: string; unit: string; note?: string }

function version(path: string): string {
  try {
    return (JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules', path, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

export function environment() {
  return {
    node: process.version,
    os: `${process.platform} ${release()}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '?',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    versions: {
      yjs: version('yjs'), 'y-protocols': version('y-protocols'), 'ws (ours, load)': version('ws'),
      'y-websocket (client)': version('y-websocket'), '@y/websocket-server': version('@y/websocket-server'),
      'ws (reference)': version('@y/websocket-server/node_modules/ws'), 'y-leveldb': version('@y/websocket-server/node_modules/y-leveldb'),
    },
  };
}

export function header(o: Options, env: ReturnType<typeof environment>): string {
  const v = Object.entries(env.versions).map(([k, x]) => `${k} ${x}`).join(', ');
  return [
    'Closeloop sync server vs the reference y-websocket server (one run, same load, one server loaded at a time)',
    `  ours:      node --import tsx sync-server/cli/serve.ts   (DATA_DIR=<temp>, LOG_LEVEL=warn, every other option default)`,
    `  unchecked: node --import tsx bench/server/serve-unchecked.ts   (ours without the authorship check; latency and ramp only)`,
    `  reference: node node_modules/@y/websocket-server/src/server.js   (YPERSISTENCE=<temp>: LevelDB on)`,
    `  machine:   ${env.cpus} x ${env.cpuModel}, ${env.memoryGiB} GiB, ${env.os}, node ${env.node}`,
    `  versions:  ${v}`,
    `  load:      ${o.rooms} rooms x ${o.clients} clients, one load-generator process; each update is one capture`,
    `             written by shared/mutations addCapture (~1 KB) as the sending client's own member (a personal`,
    `             token each), sender's send time carried in it`,
    `  latency:   ${o.rate} updates/s aggregate, ${o.reps} x (${o.warmup} s warm-up + ${o.seconds} s counted) per server,`,
    `             ${o.client === 'provider' ? 'stock y-websocket WebsocketProvider clients' : 'raw y-protocols clients'}; fan-out latency = receive time - send time, every receiver`,
    `  ramp:      offered ${o.steps.join(', ')} updates/s, 1 s warm-up + ${o.stepSeconds} s counted each, ${o.rampClient} clients;`,
    `             a step is kept up with when p99 <= ${o.p99Limit} ms and >= ${(o.minDelivered * 100).toFixed(0)}% of expected deliveries arrive`,
    `             (within ${Math.max(2000, o.p99Limit * 4) / 1000} s of the last send); a failed step is tried once more;`,
    `             sustained = the last step kept up with before a step failed twice`,
    `  memory:    servers restarted on seeded data; ${o.conns} idle provider connections on small empty rooms (opened`,
    `             beforehand), then ${o.docs} stored docs of ${o.captures} captures loaded (one provider each; per doc is net of`,
    `             that connection); median of ${o.samples} samples, each after a full GC forced through the V8 inspector;`,
    `             RSS from /proc, heap = heapUsed + external (the steadier figure: RSS keeps freed pages)`,
    `  caveat:    the load generator shares the machine's ${env.cpus} cores with the server under test (the idle one`,
    `             uses ~0); its CPU is shown per run. Past ~1 core of generator + server + our guard worker,`,
    `             they compete, so high-rate latencies carry some generator cost, the same for both servers.`,
    `             "others" = CPU used meanwhile by processes outside this benchmark (a shared machine).`,
  ].join('\n');
}

const lower = (ours: number, ref: number) => (ours < ref * 0.95 ? 'ours' : ours > ref * 1.05 ? 'reference' : '≈');
const higher = (ours: number, ref: number) => lower(ref, ours);

export function summaryRows(r: Results, o: Options): Row[] {
  const rows: Row[] = [];
  const add = (metric: string, unit: string, ours: number, reference: number, pick = lower, note?: string) =>
    rows.push({ metric, unit, ours, reference, ratio: ours / reference, better: pick(ours, reference), note });
  const lat = (kind: string, key: 'p50' | 'p99' | 'serverCpuMsPer1k') => median((r.latency[kind] ?? []).map((x) => x[key]));
  if (r.latency.ours && r.latency.reference) {
    add(`fan-out latency p50 @ ${o.rate}/s (median of ${o.reps})`, 'ms', lat('ours', 'p50'), lat('reference', 'p50'));
    const reps = (kind: string) => (r.latency[kind] ?? []).map((x) => x.p99.toFixed(1)).join(', ');
    add(`fan-out latency p99 @ ${o.rate}/s (median of ${o.reps})`, 'ms', lat('ours', 'p99'), lat('reference', 'p99'), lower,
      `per repetition: ours ${reps('ours')}; reference ${reps('reference')} (one stall of a few ms sets a p99)`);
    const others = median(Object.values(r.latency).flatMap((runs) => runs!.map((x) => x.backgroundCpuPct)));
    add(`server CPU per 1000 updates @ ${o.rate}/s`, 'ms', lat('ours', 'serverCpuMsPer1k'), lat('reference', 'serverCpuMsPer1k'), lower,
      `other processes on this machine used a median ${others.toFixed(0)}% of a core during these runs`);
  }
  if (r.ramp.ours && r.ramp.reference) {
    const sustained = (kind: string) => {
      const steps = r.ramp[kind]!;
      const good = steps.filter((s) => s.ok).at(-1)?.rate ?? 0;
      return { good, capped: steps.length > 0 && steps.at(-1)!.ok };
    };
    const ours = sustained('ours');
    const ref = sustained('reference');
    const note = [ours.capped && 'ours never fell behind', ref.capped && 'reference never fell behind'].filter(Boolean).join('; ');
    add('sustained updates/s (last ramp step kept up with)', '/s', ours.good, ref.good, higher, note ? `${note}: a lower bound` : undefined);
    // CPU time per update is steadier than a pass/fail step on a shared machine.
    const both = Math.min(ours.good, ref.good);
    const cpuAt = (kind: string) => r.ramp[kind]!.find((s) => s.rate === both)?.result.serverCpuMsPer1k ?? Number.NaN;
    if (both > 0) add(`server CPU per 1000 updates @ ${both}/s (ramp)`, 'ms', cpuAt('ours'), cpuAt('reference'));
  }
  const mem = (kind: string) => r.memory[kind];
  if (mem('ours') && mem('reference')) {
    const kib = (v: number) => v / 1024;
    const m = (pick: (x: MemoryResult) => number) => [pick(mem('ours')!), pick(mem('reference')!)] as const;
    const rssNote = 'RSS deltas are noisy (other threads, allocator); compare heap+external';
    add('memory per idle connection, RSS', 'KiB', ...m((x) => kib(x.perConn.rss)), lower, rssNote);
    add('memory per idle connection, heap+external', 'KiB', ...m((x) => kib(x.perConn.heap)));
    add(`memory per loaded doc (${o.captures} captures), RSS`, 'KiB', ...m((x) => kib(x.perDoc.rss)), lower, rssNote);
    add(`memory per loaded doc (${o.captures} captures), heap+external`, 'KiB', ...m((x) => kib(x.perDoc.heap)));
    add('RSS of the idle process after start', 'MiB', ...m((x) => x.baseline.rss / 2 ** 20), lower,
      'ours includes the tsx loader thread (~33 MiB on its own) and the update-guard worker (~18 MiB)');
  }
  return rows;
}

export function table(rows: Row[], header = ['metric', 'unit', 'ours', 'reference', 'ours/ref', 'better']): string {
  const fmt = (v: number) => (Number.isNaN(v) ? '-' : Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2));
  const lines = [header];
  for (const row of rows) lines.push([row.metric, row.unit, fmt(row.ours), fmt(row.reference), Number.isFinite(row.ratio) ? `${row.ratio.toFixed(2)}x` : '-', row.better]);
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  const out = lines.map((l) => l.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  out.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  const notes = rows.filter((r) => r.note).map((r) => `  note: ${r.metric}: ${r.note}`);
  return [...out, ...notes].join('\n');
}

/** Every ramp step of both servers: where each one's latency bends and where it fell behind. */
export function rampTable(r: Results): string {
  const rates = [...new Set(Object.values(r.ramp).flatMap((steps) => steps!.map((s) => s.rate)))].sort((a, b) => a - b);
  const lines = [['offered/s', 'server', 'p50 ms', 'p99 ms', 'delivered', 'server CPU', 'generator CPU', 'others CPU', 'verdict']];
  for (const rate of rates) {
    for (const kind of ['ours', 'unchecked', 'reference']) {
      const step = r.ramp[kind]?.find((s) => s.rate === rate);
      if (!step) continue;
      const x = step.result;
      lines.push([String(rate), kind, x.p50.toFixed(1), x.p99.toFixed(1), `${(x.deliveredRatio * 100).toFixed(1)}%`,
        `${x.serverCpuPct.toFixed(0)}%`, `${x.loadgenCpuPct.toFixed(0)}%`, `${x.backgroundCpuPct.toFixed(0)}%`, step.generatorLimited ? 'generator-limited' : `${step.ok ? 'kept up' : 'FELL BEHIND'}${step.firstAttempt ? ' (2nd try)' : ''}`]);
    }
  }
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  return lines.map((l) => l.map((cell, c) => (c === 1 || c === 8 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ')).join('\n');
}
