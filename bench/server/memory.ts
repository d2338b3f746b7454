/**
 * @module The memory phase: RSS and heap of each server process after opening idle connections,
 * then after loading stored documents, each reading taken after a full GC forced through the V8
 * inspector (the servers run with --inspect for this phase only). RSS covers every thread of the
 * process (ours: the tsx loader thread and the update-guard worker too, whose memory comes and
 * goes on its own), so its deltas are noisy; heapUsed + external of the main thread is the figure
 * to compare.
 */
import { openInspector } from './inspector';
import type { LoadGenerator } from './load-client';
import type { Room } from './load';
import type { Options } from './options';
import { quiesce, rooms } from './phases';
import { rssBytes } from './proc';
import type { ServerHandle } from './servers';
import { median, sleep } from '../stats';

export interface MemoryPoint {
  rss: number;
  /** heapUsed + external: what the JavaScript side holds after GC. */
  heap: number;
  /** Kept for diagnosis: V8's committed heap and off-heap (Buffer) memory. */
  heapTotal?: number;
  external?: number;
}
export interface MemoryResult {
  baseline: MemoryPoint; withDocs: MemoryPoint; withConns: MemoryPoint;
  docs: number; conns: number;
  /** Per document (with its one connection), per idle connection, per document net of its connection. */
  perDocGross: MemoryPoint; perConn: MemoryPoint; perDoc: MemoryPoint;
}

export async function seed(load: LoadGenerator, server: ServerHandle, docRooms: Room[], captures: number): Promise<void> {
  await load.call({ op: 'seed', url: server.url, rooms: docRooms, captures });
}

/** Median RSS and heapUsed+external over `samples` readings, each after a forced full GC. */
async function sampleMemory(server: ServerHandle, samples: number): Promise<MemoryPoint> {
  const inspector = await openInspector(server.inspectorUrl!);
  try {
    const rss: number[] = [];
    const heap: number[] = [];
    const heapTotal: number[] = [];
    const external: number[] = [];
    for (let i = 0; i < samples; i++) {
      await inspector.collectGarbage();
      await inspector.collectGarbage(); // the second pass frees what the first one's finalizers released
      await sleep(300);
      const usage = await inspector.memoryUsage();
      rss.push(rssBytes(server.pid));
      heap.push(usage.heapUsed + usage.external);
      heapTotal.push(usage.heapTotal);
      external.push(usage.external);
    }
    return { rss: median(rss), heap: median(heap), heapTotal: median(heapTotal), external: median(external) };
  } finally {
    inspector.close();
  }
}

/** Idle connections per room in the memory phase (our server allows 200 per workspace). */
const CONNS_PER_ROOM = 50;

/**
 * Idle connections first, on small empty rooms each opened by one anchor client beforehand (so
 * room costs stay out of the per-connection figure and no connection downloads a big document,
 * whose transient buffers would stay in RSS). Then one provider per seeded room loads its
 * stored document; its per-document figure has the per-connection one taken off.
 */
export async function memory(load: LoadGenerator, server: ServerHandle, docRooms: Room[], o: Options, dataDirs: string[]): Promise<MemoryResult> {
  const count = Math.ceil(o.conns / CONNS_PER_ROOM);
  const perRoom = Math.round(o.conns / count);
  const connRooms = rooms(`idle-${server.kind}`, count, perRoom, dataDirs);
  const label = `${server.kind}-memory`;
  const connect = async (what: string, perRoomNow: number, list: Room[], expectCaptures?: number) => {
    await load.call({ op: 'connect', label: `${label}-${what}`, kind: 'provider', perRoom: perRoomNow, url: server.url, rooms: list, expectCaptures });
    await quiesce([server.pid]);
    return sampleMemory(server, o.samples);
  };
  await quiesce([server.pid]);
  await connect('anchors', 1, connRooms);
  const baseline = await sampleMemory(server, o.samples);
  const withConns = await connect('conns', perRoom, connRooms);
  const withDocs = await connect('docs', 1, docRooms, o.captures);
  for (const what of ['docs', 'conns', 'anchors']) await load.call({ op: 'close', label: `${label}-${what}` });
  const docs = docRooms.length;
  const conns = perRoom * connRooms.length;
  const per = (a: MemoryPoint, b: MemoryPoint, n: number) => ({ rss: (b.rss - a.rss) / n, heap: (b.heap - a.heap) / n });
  const perConn = per(baseline, withConns, conns);
  const perDocGross = per(withConns, withDocs, docs);
  return {
    baseline, withDocs, withConns, docs, conns, perDocGross, perConn,
    perDoc: { rss: perDocGross.rss - perConn.rss, heap: perDocGross.heap - perConn.heap },
  };
}

