/**
 * @module What the authorship check costs: our server with it ("ours") against the same server
 * without it ("unchecked") on the same load, and the check's own time per update as the server
 * measures it (`closeloop_authorship_check_seconds` in /metrics, next to the guard's).
 */
import type { Options } from './options';
import type { Results, Row } from './report';
import type { ServerHandle } from './servers';
import { median } from '../stats';

export interface CheckCost {
  /** Updates checked during the latency and ramp runs, and the mean main-thread time per update. */
  checks: number;
  meanCheckUs: number;
  /** The guard worker's round trip per update over the same runs, for scale. */
  meanGuardUs: number;
}

export async function scrapeCheckCost(server: ServerHandle): Promise<CheckCost> {
  const text = await (await fetch(`${server.url.replace(/^ws/, 'http')}/metrics`)).text();
  const value = (name: string) => Number(/^(\S+) (\S+)$/m.exec(text.split('\n').find((line) => line.startsWith(`${name} `)) ?? '')?.[2] ?? NaN);
  const checks = value('closeloop_authorship_check_seconds_count');
  return {
    checks,
    meanCheckUs: (value('closeloop_authorship_check_seconds_sum') / checks) * 1e6,
    meanGuardUs: (value('closeloop_update_guard_seconds_sum') / value('closeloop_update_guard_seconds_count')) * 1e6,
  };
}

export function checkRows(r: Results, o: Options): Row[] {
  const rows: Row[] = [];
  const add = (metric: string, unit: string, checked: number, unchecked: number, higherIsBetter = false, note?: string) => {
    const lower = checked < unchecked * 0.95 ? 'checked' : checked > unchecked * 1.05 ? 'unchecked' : '≈';
    const better = higherIsBetter ? (lower === 'checked' ? 'unchecked' : lower === 'unchecked' ? 'checked' : '≈') : lower;
    rows.push({ metric, unit, ours: checked, reference: unchecked, ratio: checked / unchecked, better, note });
  };
  const lat = (kind: string, key: 'p50' | 'p99' | 'serverCpuMsPer1k') => median((r.latency[kind] ?? []).map((x) => x[key]));
  if (r.latency.ours && r.latency.unchecked) {
    add(`fan-out latency p50 @ ${o.rate}/s (median of ${o.reps})`, 'ms', lat('ours', 'p50'), lat('unchecked', 'p50'));
    add(`fan-out latency p99 @ ${o.rate}/s (median of ${o.reps})`, 'ms', lat('ours', 'p99'), lat('unchecked', 'p99'));
    add(`server CPU per 1000 updates @ ${o.rate}/s`, 'ms', lat('ours', 'serverCpuMsPer1k'), lat('unchecked', 'serverCpuMsPer1k'));
  }
  if (r.ramp.ours && r.ramp.unchecked) {
    const sustained = (kind: string) => r.ramp[kind]!.filter((s) => s.ok).at(-1)?.rate ?? 0;
    add('sustained updates/s (last ramp step kept up with)', '/s', sustained('ours'), sustained('unchecked'), true);
    const both = Math.min(sustained('ours'), sustained('unchecked'));
    const cpuAt = (kind: string) => r.ramp[kind]!.find((s) => s.rate === both)?.result.serverCpuMsPer1k ?? Number.NaN;
    if (both > 0) add(`server CPU per 1000 updates @ ${both}/s (ramp)`, 'ms', cpuAt('ours'), cpuAt('unchecked'));
  }
  if (r.checkCost) {
    const c = r.checkCost;
    rows.push({
      metric: 'authorship check per update, main thread (server histogram)', unit: 'µs', ours: c.meanCheckUs, reference: Number.NaN,
      ratio: Number.NaN, better: '-', note: `mean over ${c.checks} updates; the guard worker's round trip on the same updates: ${c.meanGuardUs.toFixed(0)} µs`,
    });
  }
  if (r.revoke) {
    rows.push({
      metric: 'revoked person disconnected after (median / max)', unit: 'ms', ours: r.revoke.median, reference: r.revoke.max, ratio: Number.NaN,
      better: '-', note: `${r.revoke.samples.length} revocations written by another process; "unchecked" column holds the max`,
    });
  }
  return rows;
}
