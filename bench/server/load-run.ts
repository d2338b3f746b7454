/**
 * @module One fixed-rate run against one server: sends pre-made capture updates at an aggregate
 * rate, and every receiver records fan-out latency = its receive time minus the send time carried
 * in the update (one process, one monotonic clock: performance.now()). The first `warmupMs` of
 * sends are not counted. After the last send it waits up to `drainMs` for the rest to arrive.
 * Server CPU is read from /proc over the counted window, the generator's own CPU with cpuUsage.
 */
import { connectClient, type ClientKind, type LoadClient } from './clients';
import { cpuMs, machineBusyMs } from './proc';
import { scanMarks, stamp, type StreamItem } from './stream';
import { summarize, type LatencySummary } from '../stats';

export interface RunSpec {
  rate: number;
  warmupMs: number;
  drainMs: number;
  serverPid: number;
}

export interface RunResult extends LatencySummary {
  offeredRate: number;
  /** Counted sends per second the generator actually achieved. */
  achievedRate: number;
  sent: number;
  /** Counted sends x (clients per room - 1): every other member of the room should get each. */
  expected: number;
  delivered: number;
  deliveredRatio: number;
  /** Server process CPU over the counted window, % of one core, and ms per 1000 updates sent. */
  serverCpuPct: number;
  serverCpuMsPer1k: number;
  loadgenCpuPct: number;
  /** CPU used on the machine by anything but the server and the generator (others' jobs), % of one core. */
  backgroundCpuPct: number;
  lostConnections: number;
}

interface Counting { from: number; to: number; latencies: Float64Array; count: number }

/** The clients of one server: slot s is client s % perRoom of room floor(s / perRoom). */
export class ClientGroup {
  readonly clients: LoadClient[] = [];
  /** Per receiver slot: the highest seq seen from each sender (drops duplicates, e.g. on resync). */
  private readonly lastSeq: Map<number, number>[] = [];
  private counting: Counting | null = null;

  constructor(readonly kind: ClientKind, readonly perRoom: number) {}

  async connect(url: string, rooms: { name: string; tokens: string[] }[]): Promise<void> {
    for (const room of rooms) {
      for (let c = 0; c < this.perRoom; c++) {
        const slot = this.clients.length;
        this.lastSeq.push(new Map());
        const token = room.tokens[c % room.tokens.length]!;
        this.clients.push(connectClient(this.kind, { url, room: room.name, token, slot, onUpdate: this.received }));
      }
    }
    await Promise.all(this.clients.map((c) => c.synced));
  }

  close(): void {
    for (const client of this.clients) client.close();
    this.clients.length = 0;
  }

  async run(items: StreamItem[], spec: RunSpec): Promise<RunResult> {
    const warmup = Math.min(items.length - 1, Math.round((spec.rate * spec.warmupMs) / 1000));
    const counted = items.length - warmup;
    const expected = counted * (this.perRoom - 1);
    const counting: Counting = { from: items[warmup]!.seq, to: items.at(-1)!.seq + 1, latencies: new Float64Array(expected), count: 0 };
    this.counting = counting;
    let cpu0 = 0, busy0 = 0, wall0 = 0, lastSend = 0;
    let gen0 = process.cpuUsage();
    const start = performance.now();
    let next = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const due = Math.min(items.length, Math.floor(((performance.now() - start) * spec.rate) / 1000) + 1);
        while (next < due) {
          if (next === warmup) (cpu0 = cpuMs(spec.serverPid)), (busy0 = machineBusyMs()), (gen0 = process.cpuUsage()), (wall0 = performance.now());
          const item = items[next++]!;
          lastSend = performance.now();
          this.clients[item.slot]!.sendUpdate(stamp(item, lastSend));
        }
        if (next < items.length) setTimeout(tick, 1);
        else resolve();
      };
      tick();
    });
    const deadline = performance.now() + spec.drainMs;
    while (counting.count < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const wall = performance.now() - wall0;
    const serverCpu = cpuMs(spec.serverPid) - cpu0;
    const gen = process.cpuUsage(gen0);
    const genMs = (gen.user + gen.system) / 1000;
    const background = machineBusyMs() - busy0 - serverCpu - genMs;
    this.counting = null;
    return {
      ...summarize(counting.latencies, counting.count),
      offeredRate: spec.rate,
      achievedRate: counted > 1 ? ((counted - 1) * 1000) / Math.max(1e-9, lastSend - wall0) : spec.rate,
      sent: counted,
      expected,
      delivered: counting.count,
      deliveredRatio: expected ? counting.count / expected : 1,
      serverCpuPct: (serverCpu / wall) * 100,
      serverCpuMsPer1k: (serverCpu / counted) * 1000,
      loadgenCpuPct: (genMs / wall) * 100,
      backgroundCpuPct: Math.max(0, (background / wall) * 100),
      lostConnections: this.clients.filter((c) => c.lost).length,
    };
  }

  private readonly received = (receiver: number, update: Uint8Array): void => {
    const now = performance.now();
    const seen = this.lastSeq[receiver]!;
    scanMarks(update, (sender, seq, sentAt) => {
      if (sender === receiver) return; // the reference server echoes an update to its sender too
      if (seq <= (seen.get(sender) ?? 0)) return;
      seen.set(sender, seq);
      const c = this.counting;
      if (c && seq >= c.from && seq < c.to && c.count < c.latencies.length) c.latencies[c.count++] = now - sentAt;
    });
  };
}
