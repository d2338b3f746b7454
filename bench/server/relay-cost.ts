/**
 * @module `npx tsx bench/server/relay-cost.ts`: main-thread CPU per update of our Room's write
 * pipeline (apply, group-commit merge, store, relay) as a function of how many members' updates
 * land in one batch — the evidence for why our server falls behind abruptly on the ramp. It drives
 * the real sync-server Room (memory storage, 10 fake members, no network), so it shows any fix.
 * In one batch the relay builds, for each member that sent something, a merge of everyone else's
 * updates; a batch holding updates from k members costs k+1 merges instead of one.
 */
import * as Y from 'yjs';
import { createLogger } from '../../sync-server/logger';
import { createMetrics } from '../../sync-server/metrics';
import { Room, type RoomMember } from '../../sync-server/rooms/room';
import { createMemoryStorage } from '../../sync-server/storage/memory-storage';
import { StreamGenerator } from './stream';

const MEMBERS = 10;
const UPDATES_PER_SIZE = 6000;

async function measure(batch: number, senders: number, pool: Uint8Array[]): Promise<number> {
  const room = new Room({
    workspace: 'relay-cost', storage: createMemoryStorage(), logger: createLogger({ level: 'error' }), metrics: createMetrics(),
    maxDocBytes: 2 ** 40, compactAfterBytes: 2 ** 40, onFailed() {},
  });
  await room.ready;
  const members: RoomMember[] = Array.from({ length: MEMBERS }, () => ({ send() {}, close() {} }));
  for (const member of members) room.addMember(member);
  let next = 0;
  const run = async (updates: number) => {
    for (let done = 0; done < updates; done += batch) {
      // Updates applied in one tick form one batch, as when a busy server reads many sockets at once.
      for (let i = 0; i < batch; i++) Y.applyUpdate(room.doc, pool[next++ % pool.length]!, members[i % senders]);
      await room.whenStored(); // flush, append and relay have run when this resolves
    }
  };
  await run(600); // warm-up (JIT)
  const started = process.cpuUsage();
  await run(UPDATES_PER_SIZE);
  const used = process.cpuUsage(started);
  room.destroy();
  return (used.user + used.system) / UPDATES_PER_SIZE;
}

// One writer per member, as in a room of the load test (a state vector of a few clients).
const generator = new StreamGenerator(MEMBERS);
const pool = generator.make(UPDATES_PER_SIZE + 600).map((item) => item.update);
console.log(`Room write pipeline, ${MEMBERS} members, ~1 KB capture updates; CPU per update (apply + merge + store + relay):`);
// Same batch sizes from one sender: isolates the per-sender merging from batching as such.
const cases: [number, number][] = [[1, 1], [2, 2], [5, 5], [10, 10], [20, 10], [50, 10], [10, 1], [50, 1]];
for (const [batch, senders] of cases) {
  const us = await measure(batch, senders, pool);
  console.log(`  batches of ${String(batch).padStart(2)} updates from ${String(senders).padStart(2)} member(s): ${us.toFixed(0).padStart(4)} µs per update`);
}
