/**
 * @module The order in which split-update.ts hands out the structs of one update: each after what
 * it builds on (its left and right origins, its parent, its own client's earlier clocks), so a
 * receiver applying the chunks in order integrates each one whole. Out of order, Yjs parks
 * structs as "pending" (in memory only: the server stores none of it), and with yjs 13.6.33 a
 * parked set can stay parked after everything arrived: its recorded "missing" clock may sit above
 * the real need, so the update that meets the need triggers no retry. Seen while testing: 47 valid
 * chunks cut in update order, applied shuffled, stuck in 12 of 50 orders; re-applying finished it.
 */
import type * as Y from 'yjs';
import { ID, Item } from 'yjs';

export type Struct = ReturnType<typeof Y.decodeUpdate>['structs'][number];

/** One client's structs in the update, in clock order. */
export interface Run {
  client: number;
  structs: Struct[];
}

interface Cursor<R extends Run> {
  run: R;
  /** Index of the first struct not handed out yet. */
  next: number;
  /** What the run waits for: `client` must reach `clock`. */
  wait: { client: number; clock: number } | null;
  queued: boolean;
}

/**
 * Calls `add(run, from, to)` with ranges of each run, every struct after its dependencies. The
 * update was made for the receiver, so clocks below a client's first in it are taken as held.
 * Ranges are as long as possible: a run goes on until a struct needs something not handed out.
 * A struct the update cannot satisfy (a dependency in a gap of a merged update) is handed out
 * anyway once nothing else can go, in update order, as the original update would have been.
 */
export function inCausalOrder<R extends Run>(runs: R[], add: (run: R, from: number, to: number) => void): void {
  const cursors: Cursor<R>[] = runs.map((run) => ({ run, next: 0, wait: null, queued: false }));
  /** Per client, the clock the receiver will hold once everything handed out so far arrived. */
  const sent = new Map(runs.map((run) => [run.client, run.structs[0]!.id.clock]));
  const end = new Map(runs.map((run) => [run.client, endClock(run.structs[run.structs.length - 1]!)]));
  const waiting = new Map<number, Cursor<R>[]>();
  const queue: Cursor<R>[] = [];
  const enqueue = (cursor: Cursor<R>) => {
    if (!cursor.queued) (cursor.queued = true), queue.push(cursor);
  };

  const unmet = (id: ID | null): boolean =>
    id !== null && end.has(id.client) && id.clock >= sent.get(id.client)! && id.clock < end.get(id.client)!;
  const blocker = (struct: Struct): ID | null => {
    if (!(struct instanceof Item)) return null; // GC and Skip point at nothing
    const parent = struct.parent instanceof ID ? struct.parent : null;
    return [struct.origin, struct.rightOrigin, parent].find(unmet) ?? null;
  };

  const advance = (cursor: Cursor<R>, force: boolean) => {
    const { run } = cursor;
    cursor.queued = false;
    const from = cursor.next;
    for (; cursor.next < run.structs.length; cursor.next++) {
      const struct = run.structs[cursor.next]!;
      const need = force && cursor.next === from ? null : blocker(struct);
      if (need) {
        cursor.wait = { client: need.client, clock: need.clock + 1 };
        (waiting.get(need.client) ?? waiting.set(need.client, []).get(need.client)!).push(cursor);
        break;
      }
      sent.set(run.client, endClock(struct));
    }
    if (cursor.next === from) return;
    add(run, from, cursor.next);
    // Wake the runs that waited for this client; entries whose wait changed since are dropped.
    const clock = sent.get(run.client)!;
    const still = (waiting.get(run.client) ?? []).filter((other) => {
      if (other.wait?.client !== run.client) return false;
      if (other.wait.clock > clock) return true;
      other.wait = null;
      enqueue(other);
      return false;
    });
    waiting.set(run.client, still);
  };

  cursors.forEach(enqueue);
  for (let head = 0, oldest = 0; ;) {
    while (head < queue.length) advance(queue[head++]!, false);
    while (oldest < cursors.length && cursors[oldest]!.next === runs[oldest]!.structs.length) oldest++;
    if (oldest === cursors.length) return;
    advance(cursors[oldest]!, true);
  }
}

function endClock(struct: Struct): number {
  return struct.id.clock + struct.length;
}
