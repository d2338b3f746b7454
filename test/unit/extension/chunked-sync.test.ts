/**
 * @module splitUpdate, the pure half of chunked sync: every chunk is a valid update within the
 * budget, and the chunks applied in order, shuffled or duplicated give the same document and state
 * vector as the original update. Seeded random workspaces from the shared mutations, several
 * concurrent clients, deletions (untag, unlink, status overwrites) and merged updates with gaps.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { splitUpdate } from '../../../extension/hub/split-update';
import { roots } from '../../../shared/doc/roots';
import { addCapture, tagCaptures } from '../../../shared/mutations/captures';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { prng, type Prng } from '../../helpers/random';
import { sampleCapture, syncPair, testReplica } from '../../helpers/workspace';
import { createNetwork, randomOperation, type SimReplica } from '../shared/convergence-sim';

const SEEDS = [3, 99, 20261201, Date.now() % 2_147_483_647];

/** A doc that applied `updates` in order; the roots are declared so toJSON shows their content. */
function docFrom(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  roots(doc);
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

const stateVector = (doc: Y.Doc) => Object.fromEntries([...Y.decodeStateVector(Y.encodeStateVector(doc))].sort((a, b) => a[0] - b[0]));
const pending = (doc: Y.Doc) => (doc.store as unknown as { pendingStructs: unknown; pendingDs: unknown });

function expectSameDoc(actual: Y.Doc, expected: Y.Doc) {
  expect(stateVector(actual)).toEqual(stateVector(expected));
  expect(actual.toJSON()).toEqual(expected.toJSON());
  expect(pending(actual).pendingStructs).toBeNull();
  expect(pending(actual).pendingDs).toBeNull();
}

/** Applies `chunks` after `base`, checking that no chunk had to wait for a later one. */
function inOrderNeverPending(base: Uint8Array[], chunks: Uint8Array[]): Y.Doc {
  const doc = docFrom(base);
  for (const chunk of chunks) {
    Y.applyUpdate(doc, chunk);
    expect(pending(doc).pendingStructs).toBeNull();
  }
  return doc;
}

/** Every chunk decodes, and only a chunk holding a single struct may be over the budget. */
function expectWellFormed(chunks: Uint8Array[], maxBytes: number) {
  for (const chunk of chunks) {
    const { structs } = Y.decodeUpdate(chunk);
    if (chunk.byteLength > maxBytes) expect(structs.length).toBe(1);
  }
}

/** Replicas working concurrently with partial delivery; returns them after some random work. */
function randomWorkspace(rng: Prng, replicaCount: number, operations: number): SimReplica[] {
  const replicas = Array.from({ length: replicaCount }, (_, i) => {
    const replica = testReplica(`mem_r${i}`, { clientId: 10 + i * 7, seed: rng.int(1, 1e9) });
    return { ...replica, view: createWorkspaceView(replica.doc) };
  });
  const network = createNetwork(replicas, rng);
  network.deliverAll();
  for (let i = 0; i < operations; i++) {
    randomOperation(rng.pick(replicas), replicas, rng);
    if (rng.chance(0.3)) network.deliverSome();
  }
  network.deliverAll();
  return replicas;
}

describe('splitUpdate', () => {
  it('returns an update within the budget as it is, without decoding it', () => {
    const update = Y.encodeStateAsUpdate(testReplica().doc);
    expect(splitUpdate(update, update.byteLength)[0]).toBe(update);
  });

  for (const seed of SEEDS) {
    it(`splits random concurrent workspaces into chunks that rebuild them (seed ${seed})`, () => {
      try {
        const rng = prng(seed);
        const replicas = randomWorkspace(rng, 4, 150);
        const [server, member] = [replicas[0]!, replicas[1]!];
        const serverHas = Y.encodeStateAsUpdate(server.doc);
        // The member then works offline on a large batch, with deletions, while others' work reaches it.
        const big = rng.int(80, 160);
        member.doc.transact(() => {
          for (let i = 0; i < big; i++) addCapture(member.ctx, sampleCapture({ text: `Offline ${seed} #${i}` }), { findDuplicate: () => null });
        });
        for (let i = 0; i < 150; i++) randomOperation(rng.pick(replicas.slice(1)), replicas, rng);
        for (const other of replicas.slice(2)) syncPair(member.doc, other.doc);
        const diff = Y.encodeStateAsUpdate(member.doc, Y.encodeStateVector(server.doc));
        const whole = Y.encodeStateAsUpdate(member.doc);
        const expectedAfterDiff = docFrom([serverHas, diff]);
        const expectedWhole = docFrom([whole]);

        for (const maxBytes of [1024, 16_384]) {
          for (const [base, update, expected] of [[[serverHas], diff, expectedAfterDiff], [[], whole, expectedWhole]] as const) {
            const chunks = splitUpdate(update, maxBytes);
            expect(chunks.length).toBeGreaterThan(1);
            expectWellFormed(chunks, maxBytes);
            expectSameDoc(inOrderNeverPending([...base], chunks), expected);
            const shuffled = rng.shuffle([...chunks, ...chunks.filter(() => rng.chance(0.2))]);
            expectSameDoc(docFrom([...base, ...shuffled]), expected);
          }
        }
        expect(Y.decodeUpdate(whole).ds.clients.size).toBeGreaterThan(0); // the run did delete something
      } catch (error) {
        throw new Error(`chunked sync failed with seed ${seed} (replay: SEEDS = [${seed}]): ${(error as Error).message}`, { cause: error });
      }
    }, 30_000);
  }

  it('cuts a large delete set into chunks of its own, sent after the structs', () => {
    const { doc, ctx } = testReplica('mem_alice', { clientId: 5 });
    const add = (text: string) => addCapture(ctx, sampleCapture({ text, tags: ['triage'] }), { findDuplicate: () => null }).id!;
    const ids = doc.transact(() => Array.from({ length: 400 }, (_, i) => add(`Tagged ${i}`)));
    tagCaptures(ctx, ids, { remove: ['triage'] });
    const update = Y.encodeStateAsUpdate(doc);
    const chunks = splitUpdate(update, 1024);
    const deleteOnly = chunks.map((c) => Y.decodeUpdate(c)).filter((d) => d.structs.length === 0);
    expect(deleteOnly.length).toBeGreaterThan(1);
    expect(chunks.slice(-deleteOnly.length).every((c) => Y.decodeUpdate(c).structs.length === 0)).toBe(true);
    expectSameDoc(inOrderNeverPending([], chunks), docFrom([update]));
    // Shuffled with fewer, larger chunks: Yjs' pending store is slow with hundreds of parked updates.
    expectSameDoc(docFrom(prng(8).shuffle(splitUpdate(update, 4096))), docFrom([update]));
  }, 60_000); // CPU-bound: about a second alone, far longer on a shared machine

  it('orders chunks so each builds on what was sent before, even against update order', () => {
    const alice = testReplica('mem_alice', { clientId: 1 });
    const bob = testReplica('mem_bob', { clientId: 2 }); // a higher id: the update lists Bob's structs first
    const ids = Array.from({ length: 300 }, (_, i) => addCapture(alice.ctx, sampleCapture({ text: `Evidence ${i}` }), { findDuplicate: () => null }).id!);
    syncPair(alice.doc, bob.doc);
    tagCaptures(bob.ctx, ids, { add: ['coupon'] });
    const update = Y.encodeStateAsUpdate(bob.doc);
    expect(Y.decodeUpdate(update).structs[0]!.id.client).toBe(2);
    const chunks = splitUpdate(update, 4096);
    expectSameDoc(inOrderNeverPending([], chunks), docFrom([update]));
  });

  it('sends a struct larger than the budget alone, and the rest within it', () => {
    const doc = new Y.Doc();
    doc.getMap('notes').set('small', 'a'.repeat(3000));
    doc.getMap('notes').set('huge', 'x'.repeat(100_000));
    // Yjs merges one client's consecutive insertions into one struct: 500 pushes, one 5 KB struct.
    for (let i = 0; i < 500; i++) doc.getArray('list').push([`entry ${i}`]);
    for (let i = 0; i < 300; i++) doc.getMap('entries').set(`e${i}`, `entry ${i}`);
    const update = Y.encodeStateAsUpdate(doc);
    const chunks = splitUpdate(update, 4096);
    const over = chunks.filter((c) => c.byteLength > 4096).map((c) => Y.decodeUpdate(c).structs);
    expect(over.map((structs) => structs.map((s) => s.length))).toEqual([[1], [500]]);
    expectWellFormed(chunks, 4096);
    expectSameDoc(docFrom(chunks), docFrom([update]));
  });

  it('keeps gaps of merged updates (Skip structs) out of chunk edges', () => {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 60; i++) doc.getArray('list').push([`item ${i} `.repeat(10)]);
    const gappy = Y.mergeUpdates(updates.filter((_, i) => i % 3 !== 1));
    expect(Y.decodeUpdate(gappy).structs.some((s) => s instanceof Y.Skip)).toBe(true);
    const chunks = splitUpdate(gappy, 512);
    for (const chunk of chunks) {
      const { structs } = Y.decodeUpdate(chunk);
      expect(structs[0]).not.toBeInstanceOf(Y.Skip);
      expect(structs[structs.length - 1]).not.toBeInstanceOf(Y.Skip);
    }
    const missing = updates.filter((_, i) => i % 3 === 1);
    expectSameDoc(docFrom(prng(4).shuffle([...chunks, ...missing])), docFrom(updates));
  });

  it('refuses a budget too small to hold a chunk header', () => {
    expect(() => splitUpdate(new Uint8Array(300), 64)).toThrow(RangeError);
  });
});
