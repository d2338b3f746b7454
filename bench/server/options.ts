/**
 * @module Benchmark options: defaults (a ~5 minute run), `--quick` (~1 minute), then each flag
 * `--name value` or environment variable BENCH_NAME (e.g. `--rooms 40`, BENCH_ROOMS=40).
 */
import type { ClientKind } from './clients';

export interface Options {
  /** Rooms (workspaces) the load is spread over, and clients in each. */
  rooms: number;
  clients: number;
  /** Aggregate updates per second of the fixed-rate latency phase, its repetitions and seconds. */
  rate: number;
  reps: number;
  seconds: number;
  warmup: number;
  /** Client kind of the latency phase and of the ramp. */
  client: ClientKind;
  rampClient: ClientKind;
  /** Offered rates of the ramp, seconds counted per step (after a 1 s warm-up). */
  steps: number[];
  stepSeconds: number;
  /** A step is kept up with when p99 <= this and delivered >= minDelivered of expected. */
  p99Limit: number;
  minDelivered: number;
  /** Memory phase: idle connections opened, documents loaded and captures in each. */
  conns: number;
  docs: number;
  captures: number;
  /** Memory samples (each after a forced GC) whose median is taken. */
  samples: number;
  /** Phases to run: memory, latency, ramp, revoke. */
  phases: string[];
  /** Revoke phase: people revoked one after another. */
  revokes: number;
  /** Record a CPU profile of each server's main thread for every load run (.bench/profiles/). */
  profile: boolean;
  quick: boolean;
}

const DEFAULTS: Options = {
  rooms: 20, clients: 10, rate: 200, reps: 5, seconds: 5, warmup: 2, client: 'provider', rampClient: 'raw',
  steps: [500, 1000, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 8000], stepSeconds: 4, p99Limit: 250, minDelivered: 0.98,
  conns: 1000, docs: 20, captures: 200, samples: 5, phases: ['memory', 'latency', 'ramp', 'revoke'], revokes: 20, profile: false, quick: false,
};

const QUICK: Partial<Options> = {
  reps: 2, seconds: 3, warmup: 1, steps: [1000, 2000, 3000, 5000], stepSeconds: 2, conns: 200, docs: 10, samples: 3, revokes: 10,
};

const USAGE = `usage: npm run bench:server -- [--quick] [--rooms N] [--clients N] [--rate N] [--reps N]
  [--seconds N] [--warmup N] [--client provider|raw] [--ramp-client raw|provider] [--steps 250,500,...]
  [--step-seconds N] [--p99-limit MS] [--min-delivered 0.98] [--conns N] [--docs N] [--captures N]
  [--samples N] [--phases memory,latency,ramp,revoke] [--revokes N] [--profile]   (or env BENCH_ROOMS=..., BENCH_QUICK=1, ...)`;

export function parseOptions(argv = process.argv.slice(2), env = process.env): Options {
  const given = new Map<string, string>();
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('BENCH_') && value) given.set(name.slice(6).toLowerCase().replace(/_/g, '-'), value);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') (console.log(USAGE), process.exit(0));
    if (!arg.startsWith('--')) fail(`unexpected argument ${arg}`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (name === 'quick' || name === 'profile') given.set(name, inline ?? '1');
    else given.set(name, inline ?? argv[++i] ?? fail(`--${name} needs a value`));
  }
  const yes = (flag: string) => ['1', 'true', 'yes'].includes(given.get(flag) ?? '');
  const quick = yes('quick');
  const options: Options = { ...DEFAULTS, ...(quick ? QUICK : {}), quick, profile: yes('profile') };
  const target = options as unknown as Record<string, unknown>;
  for (const [flag, raw] of given) {
    if (flag === 'quick' || flag === 'profile') continue;
    const key = flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    const current = (DEFAULTS as unknown as Record<string, unknown>)[key];
    if (current === undefined) fail(`unknown option --${flag}`);
    if (Array.isArray(current)) {
      const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
      target[key] = typeof current[0] === 'number' ? list.map((s) => positive(flag, s)) : list;
    } else if (typeof current === 'number') target[key] = positive(flag, raw);
    else if (key === 'client' || key === 'rampClient') {
      if (raw !== 'provider' && raw !== 'raw') fail(`--${flag} must be provider or raw`);
      target[key] = raw;
    }
  }
  if (options.clients < 2) fail('--clients must be at least 2 (a room needs a receiver)');
  return options;
}

function positive(flag: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) fail(`--${flag} must be a positive number, not ${JSON.stringify(raw)}`);
  return value;
}

function fail(message: string): never {
  console.error(`bench:server: ${message}\n${USAGE}`);
  process.exit(2);
}
