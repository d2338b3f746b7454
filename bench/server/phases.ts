/**
 * @module The load measurements, driven from run.ts against both servers in turn (never at the
 * same time: on 2 cores they would compete). Latency: the same pre-made updates at one fixed
 * rate, repeated, servers alternating first. Ramp: rising fixed rates until a server stops
 * keeping up. Every run uses fresh rooms, so each starts from empty documents and runs compare.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openInspector } from './inspector';
import type { LoadGenerator } from './load-client';
import type { Room } from './load';
import type { RunResult } from './load-run';
import type { Options } from './options';
import { cpuMs, machineBusyMs } from './proc';
import { benchMember, REPO_ROOT, SEED_MEMBER, tokensFor, type ServerHandle } from './servers';
import { sleep } from '../stats';

export interface RampStep {
  rate: number;
  ok: boolean;
  generatorLimited: boolean;
  result: RunResult;
  /** A first attempt that fell behind; the step was run once more (on fresh rooms) and `result` is that. */
  firstAttempt?: RunResult;
}

/**
 * Room names for one run, with a personal token per client: client c of room i is slot
 * i * perRoom + c and writes as benchMember(slot). Tokens are valid on both our servers (the
 * reference ignores them).
 */
export function rooms(prefix: string, count: number, perRoom: number, dataDirs: string[]): Room[] {
  return Array.from({ length: count }, (_, i) => {
    const name = `${prefix}-${String(i).padStart(3, '0')}`;
    const members = Array.from({ length: perRoom }, (_, c) => benchMember(i * perRoom + c));
    const [seedToken, ...tokens] = tokensFor(dataDirs, name, [SEED_MEMBER, ...members]);
    return { name, tokens, seedToken: seedToken! };
  });
}

/**
 * Waits until no listed process uses more than 5% of a core (a backlog or an unload finished;
 * at most 20 s), then up to 3 s more for other people's jobs to leave at least ~1.5 cores free.
 */
export async function quiesce(pids: number[]): Promise<void> {
  const window = 300;
  const sample = async () => {
    const before = pids.map(cpuMs);
    const busy = machineBusyMs();
    await sleep(window);
    const ours = pids.map((pid, i) => cpuMs(pid) - before[i]!);
    return { quiet: ours.every((ms) => ms <= 15), others: machineBusyMs() - busy - ours.reduce((a, b) => a + b, 0) };
  };
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) if ((await sample()).quiet) break;
  for (const deadline = Date.now() + 3_000; Date.now() < deadline;) if ((await sample()).others <= window / 2) break;
}

/** Connects fresh clients on fresh rooms, runs the prepared stream at `rate`, disconnects. */
async function runOnce(load: LoadGenerator, server: ServerHandle, all: ServerHandle[], run: {
  prefix: string; kind: Options['client']; o: Options; rate: number; warmupMs: number; drainMs: number;
}): Promise<RunResult> {
  const label = `${server.kind}-${run.prefix}`;
  const dirs = all.filter((s) => s.kind !== 'reference').map((s) => s.dataDir);
  await load.call({ op: 'connect', label, kind: run.kind, perRoom: run.o.clients, url: server.url, rooms: rooms(run.prefix, run.o.rooms, run.o.clients, dirs) });
  const inspector = run.o.profile ? await openInspector(server.inspectorUrl!) : null;
  try {
    await quiesce([...all.map((s) => s.pid), load.pid]);
    await inspector?.startProfile();
    const result = await load.call({ op: 'run', label, spec: { rate: run.rate, warmupMs: run.warmupMs, drainMs: run.drainMs, serverPid: server.pid } });
    if (inspector) saveProfile(`${server.kind}-${run.prefix}-${run.rate}`, await inspector.stopProfile());
    return result;
  } finally {
    inspector?.close();
    await load.call({ op: 'close', label });
  }
}

export async function latency(load: LoadGenerator, servers: ServerHandle[], o: Options, log: (line: string) => void) {
  const runs: Record<string, RunResult[]> = Object.fromEntries(servers.map((s) => [s.kind, []]));
  for (let rep = 0; rep < o.reps; rep++) {
    await load.call({ op: 'generator', slots: o.rooms * o.clients });
    await load.call({ op: 'prepare', count: Math.round(o.rate * (o.warmup + o.seconds)) });
    const order = rep % 2 === 0 ? servers : [...servers].reverse();
    for (const server of order) {
      const result = await runOnce(load, server, servers, {
        prefix: `lat${rep}`, kind: o.client, o, rate: o.rate, warmupMs: o.warmup * 1000, drainMs: 3000,
      });
      runs[server.kind]!.push(result);
      log(`  latency rep ${rep + 1}/${o.reps} ${server.kind.padEnd(9)} ${describe(result)}`);
    }
  }
  return runs;
}

export async function ramp(load: LoadGenerator, servers: ServerHandle[], o: Options, log: (line: string) => void) {
  const steps: Record<string, RampStep[]> = Object.fromEntries(servers.map((s) => [s.kind, []]));
  const going = new Set(servers.map((s) => s.kind));
  for (const [k, rate] of o.steps.entries()) {
    if (going.size === 0) break;
    await load.call({ op: 'generator', slots: o.rooms * o.clients });
    await load.call({ op: 'prepare', count: Math.round(rate * (1 + o.stepSeconds)) });
    const order = k % 2 === 0 ? servers : [...servers].reverse();
    for (const server of order.filter((s) => going.has(s.kind))) {
      let firstAttempt: RunResult | undefined;
      let step: RampStep;
      // A failed step is run once more: on a shared machine one burst of someone else's work can
      // sink a step that the server keeps up with otherwise. Two failures in a row end its ramp.
      for (let attempt = 0; ; attempt++) {
        const result = await runOnce(load, server, servers, {
          prefix: `ramp${k}${attempt ? 'b' : ''}`, kind: o.rampClient, o, rate, warmupMs: 1000, drainMs: Math.max(2000, o.p99Limit * 4),
        });
        const kept = result.deliveredRatio >= o.minDelivered && result.p99 <= o.p99Limit && result.lostConnections === 0;
        // The generator could not offer the rate: this step says nothing about the server.
        const generatorLimited = result.achievedRate < rate * 0.95;
        step = { rate, ok: kept && !generatorLimited, generatorLimited, result, firstAttempt };
        log(`  ramp ${String(rate).padStart(5)}/s ${server.kind.padEnd(9)} ${kept ? 'kept up' : 'FELL BEHIND'}${generatorLimited ? ' (generator-limited)' : ''}${attempt ? ' (retry)' : ''}  ${describe(result)}`);
        if (step.ok || generatorLimited || attempt === 1) break;
        firstAttempt = result;
      }
      steps[server.kind]!.push(step);
      if (!step.ok) going.delete(server.kind);
    }
  }
  return steps;
}

function saveProfile(name: string, profile: object): void {
  const dir = join(REPO_ROOT, '.bench', 'profiles');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
}

export function describe(r: RunResult): string {
  const ms = (v: number) => (Number.isNaN(v) ? '-' : v.toFixed(2));
  return `p50 ${ms(r.p50)} p99 ${ms(r.p99)} max ${ms(r.max)} ms, delivered ${(r.deliveredRatio * 100).toFixed(1)}%, ` +
    `sent ${r.achievedRate.toFixed(0)}/s, server CPU ${r.serverCpuPct.toFixed(0)}% (${r.serverCpuMsPer1k.toFixed(0)} ms/1k), ` +
    `generator CPU ${r.loadgenCpuPct.toFixed(0)}%, others ${r.backgroundCpuPct.toFixed(0)}%${r.lostConnections ? `, ${r.lostConnections} connections lost` : ''}`;
}

