/**
 * @module Cuts one Yjs update (V1) into several valid updates of at most `maxBytes` each, so a large
 * diff can travel in frames a server accepts. Pure: Yjs and lib0 only.
 *
 * V1 layout (yjs src/utils/encoding.js `writeClientsStructs`, DeleteSet.js `writeDeleteSet`):
 * varuint client count; per client: varuint struct count, varuint client, varuint first clock,
 * then each struct as `struct.write(encoder, 0)`; then the delete set: varuint client count, per
 * client: varuint client, varuint range count, then varuint clock and varuint length per range.
 * A chunk holds, per client, one contiguous clock range of its structs, and chunks come in causal
 * order (causal-order.ts); the delete set goes last, in chunks of its own. Limit: a struct cannot
 * be cut (one 9 MB string value is one struct), so a struct over the budget is sent alone, over it.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { inCausalOrder, type Struct } from './causal-order';

type DeleteRange = { clock: number; len: number };
/** One client's structs re-encoded back to back: struct i is bytes[starts[i]..starts[i+1]). */
interface Run { client: number; structs: Struct[]; bytes: Uint8Array; starts: number[] }
/** Per client run, the range [from, to) of its structs in this chunk. */
type Chunk = Map<Run, { from: number; to: number }>;

/** Headroom for an update's client count and empty delete set, and for one client's header. */
const UPDATE_OVERHEAD = 8;
const GROUP_HEADER = 24;
export const MIN_SPLIT_BYTES = 256;

export function splitUpdate(update: Uint8Array, maxBytes: number): Uint8Array[] {
  if (update.byteLength <= maxBytes) return [update]; // the common case never decodes
  if (maxBytes < MIN_SPLIT_BYTES) throw new RangeError(`splitUpdate needs at least ${MIN_SPLIT_BYTES} bytes per chunk`);
  const { structs, ds } = Y.decodeUpdate(update);
  const room = maxBytes - UPDATE_OVERHEAD;
  const chunks: Chunk[] = [];
  const packer = createPacker(room, (chunk) => chunks.push(chunk));
  inCausalOrder(encodeRuns(structs), packer.add);
  packer.flush();
  return [...chunks.map(encodeStructChunk), ...splitDeleteSet(ds.clients, room)];
}

/** V1 encoders keep no state between structs, so each struct's bytes can be sliced out and reused. */
function encodeRuns(structs: Struct[]): Run[] {
  const runs: Run[] = [];
  for (let i = 0; i < structs.length;) {
    const client = structs[i]!.id.client;
    const encoder = new Y.UpdateEncoderV1();
    const run: Struct[] = [];
    const starts = [0];
    for (; i < structs.length && structs[i]!.id.client === client; i++) {
      structs[i]!.write(encoder, 0);
      run.push(structs[i]!);
      starts.push(encoding.length(encoder.restEncoder));
    }
    runs.push({ client, structs: run, bytes: encoding.toUint8Array(encoder.restEncoder), starts });
  }
  return runs;
}

/**
 * Fills chunks with ranges in the order given. A client's ranges arrive in clock order, so its
 * ranges within one chunk are contiguous and extend one group: two clients editing in turns do
 * not cost a message per turn.
 */
function createPacker(room: number, emit: (chunk: Chunk) => void) {
  let chunk: Chunk = new Map();
  let used = 0;
  const flush = () => {
    if (chunk.size > 0) emit(chunk);
    chunk = new Map();
    used = 0;
  };
  const add = (run: Run, from: number, to: number) => {
    while (from < to) {
      const group = chunk.get(run);
      // A Skip (a gap in a merged update) never opens a group; trailing ones are trimmed on encoding.
      if (!group && run.structs[from] instanceof Y.Skip) { from++; continue; }
      const header = group ? 0 : GROUP_HEADER;
      let end = from;
      while (end < to && used + header + run.starts[end + 1]! - run.starts[from]! <= room) end++;
      if (end === from) {
        if (chunk.size > 0) { flush(); continue; }
        end = from + 1; // one struct over the budget: it goes alone
      }
      if (group) group.to = end;
      else chunk.set(run, { from, to: end });
      used += header + run.starts[end]! - run.starts[from]!;
      from = end;
    }
  };
  return { add, flush };
}

function encodeStructChunk(chunk: Chunk): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, chunk.size);
  for (const [run, { from, to }] of chunk) {
    let end = to;
    while (run.structs[end - 1] instanceof Y.Skip) end--;
    encoding.writeVarUint(encoder, end - from);
    encoding.writeVarUint(encoder, run.client);
    encoding.writeVarUint(encoder, run.structs[from]!.id.clock);
    encoding.writeUint8Array(encoder, run.bytes.subarray(run.starts[from], run.starts[end]));
  }
  encoding.writeVarUint(encoder, 0); // no deletions here: the delete set travels in its own chunks
  return encoding.toUint8Array(encoder);
}

const varUintSize = (n: number): number => (n < 0x80 ? 1 : 1 + varUintSize(Math.floor(n / 0x80)));

/** Delete-set chunks: no structs, then per client the ranges that fit; a long range list is cut anywhere. */
function splitDeleteSet(clients: Map<number, DeleteRange[]>, room: number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let groups: { client: number; ranges: DeleteRange[] }[] = [];
  let used = 0;
  const flush = () => {
    if (groups.length === 0) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    encoding.writeVarUint(encoder, groups.length);
    for (const { client, ranges } of groups) {
      encoding.writeVarUint(encoder, client);
      encoding.writeVarUint(encoder, ranges.length);
      for (const r of ranges) (encoding.writeVarUint(encoder, r.clock), encoding.writeVarUint(encoder, r.len));
    }
    chunks.push(encoding.toUint8Array(encoder));
    groups = [];
    used = 0;
  };
  for (const [client, ranges] of clients) {
    let group: (typeof groups)[number] | null = null;
    for (const range of ranges) {
      const size = varUintSize(range.clock) + varUintSize(range.len);
      if (group && used + size > room) (flush(), (group = null));
      if (!group) {
        if (used + GROUP_HEADER + size > room) flush();
        groups.push((group = { client, ranges: [] }));
        used += GROUP_HEADER;
      }
      group.ranges.push(range);
      used += size;
    }
  }
  flush();
  return chunks;
}
