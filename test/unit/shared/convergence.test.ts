/**
 * @module Convergence in the Yjs style: replicas apply seeded random domain mutations while a
 * simulated network delivers their updates late, shuffled, duplicated and merged; at the end
 * every replica must hold the same document and read the same validated workspace.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction, linkCaptures, setActionStatus } from '../../../shared/mutations/actions';
import { addCapture, setCaptureStatus, tagCaptures } from '../../../shared/mutations/captures';
import { roots } from '../../../shared/doc/roots';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { prng } from '../../helpers/random';
import { sampleCapture, testReplica } from '../../helpers/workspace';
import { checkAuthorship } from '../../../sync-server/protocol/authorship';
import { createNetwork, randomOperation, type SimReplica } from './convergence-sim';

const REPLICAS = 6;
const OPERATIONS = 600;
// Fixed seeds keep failures reproducible; one fresh seed per run widens coverage over time.
const SEEDS = [1, 42, 20261122, Date.now() % 2_147_483_647];

function makeReplicas(count: number): SimReplica[] {
  return Array.from({ length: count }, (_, i) => {
    const replica = testReplica(`mem_r${i}`, { clientId: i + 1, seed: 1000 + i });
    return { ...replica, view: createWorkspaceView(replica.doc) };
  });
}

/**
 * The sync server's view: each replica is a person with a personal invite, and every update it
 * sends passes the server's authorship check as that person before the server keeps it.
 */
function authorshipServer() {
  const doc = new Y.Doc();
  const refusals: string[] = [];
  let checked = 0;
  const admit = (update: Uint8Array, writer: string) => {
    checked++;
    const verdict = checkAuthorship(doc, update, { writer, admin: false });
    if (!verdict.ok) refusals.push(`${writer}: ${verdict.message}`);
    else Y.applyUpdate(doc, update);
  };
  return { doc, refusals, admit, get checked() { return checked; } };
}

function assertConverged(replicas: SimReplica[]) {
  const [first, ...rest] = replicas;
  const expected = first!.doc.toJSON();
  const expectedVector = Y.encodeStateVector(first!.doc);
  const readable = (r: SimReplica) => ({
    captures: [...r.view.captures()].sort((a, b) => a.id.localeCompare(b.id)),
    actions: [...r.view.actions()].sort((a, b) => a.id.localeCompare(b.id)),
    members: [...r.view.members()].sort((a, b) => a.id.localeCompare(b.id)),
    huddles: [...r.view.huddles()].sort((a, b) => a.id.localeCompare(b.id)),
    boards: [...r.view.boards()].sort((a, b) => a.id.localeCompare(b.id)),
    initiatives: r.view.initiatives(),
    settings: r.view.settings(),
  });
  for (const replica of rest) {
    expect(replica.doc.toJSON()).toEqual(expected);
    expect(Y.encodeStateVector(replica.doc)).toEqual(expectedVector);
    expect(readable(replica)).toEqual(readable(first!));
  }
  // Our own mutations never write anything a reader has to skip or default.
  expect(first!.view.report().issues).toEqual([]);
}

describe('convergence under shuffled, duplicated and merged delivery', () => {
  for (const seed of SEEDS) {
    it(`${REPLICAS} replicas, ${OPERATIONS} domain operations (seed ${seed})`, () => {
      try {
        const rng = prng(seed);
        const replicas = makeReplicas(REPLICAS);
        const server = authorshipServer();
        const network = createNetwork(replicas, rng, server.admit);
        network.deliverAll(); // everyone knows every member before work starts
        const counts: Record<string, number> = {};
        for (let i = 0; i < OPERATIONS; i++) {
          const { name, applied } = randomOperation(rng.pick(replicas), replicas, rng);
          if (applied) counts[name] = (counts[name] ?? 0) + 1;
          if (rng.chance(0.35)) network.deliverSome();
        }
        network.deliverAll();
        assertConverged(replicas);
        // Nothing an honest replica wrote was refused, and the server holds what every replica holds.
        expect(server.refusals).toEqual([]);
        expect(server.checked).toBeGreaterThan(OPERATIONS / 2);
        roots(server.doc); // types are typed (Y.Map) only once asked for
        expect(server.doc.toJSON()).toEqual(replicas[0]!.doc.toJSON());
        // The run exercised the domain, not just one mutation.
        expect(Object.keys(counts).length).toBeGreaterThanOrEqual(25);
        for (const cadence of ['propose', 'rank', 'accept', 'decline', 'startHuddle', 'endHuddle', 'startBoard', 'endBoard', 'createInitiative', 'setInitiative']) {
          expect(counts[cadence] ?? 0, `${cadence} applied`).toBeGreaterThan(0);
        }
        expect(network.stats.duplicated).toBeGreaterThan(0);
        expect(network.stats.merged).toBeGreaterThan(0);
      } catch (error) {
        throw new Error(`convergence failed with seed ${seed} (replay: SEEDS = [${seed}]): ${(error as Error).message}`, { cause: error });
      }
    }, 120_000); // CPU-bound: a few seconds alone, much longer on a shared machine
  }

  it('keeps every concurrent tag and link, and settles concurrent status changes on one value', () => {
    const replicas = makeReplicas(5);
    const rng = prng(7);
    const server = authorshipServer();
    const network = createNetwork(replicas, rng, server.admit);
    network.deliverAll();
    const [a] = replicas;
    const capture = addCapture(a!.ctx, sampleCapture()).id!;
    const extra = replicas.map((r, i) => addCapture(r.ctx, sampleCapture({ text: `Evidence ${i}` })).id!);
    const action = createAction(a!.ctx, { title: 'Fix coupons' });
    network.deliverAll();
    // Offline, every replica tags the same capture, links its own evidence and changes status.
    replicas.forEach((r, i) => {
      tagCaptures(r.ctx, [capture], { add: [`tag-${i}`] });
      linkCaptures(r.ctx, action, [extra[i]!]);
      setCaptureStatus(r.ctx, [capture], i % 2 ? 'archived' : 'triaged');
      setActionStatus(r.ctx, action, i % 2 ? 'blocked' : 'done', 'resolved');
    });
    network.deliverAll();
    assertConverged(replicas);
    const view = a!.view;
    expect(view.capture(capture)!.tags).toEqual(replicas.map((_, i) => `tag-${i}`));
    expect(view.action(action)!.captureIds).toEqual([...extra].sort());
    for (const id of extra) expect(view.capture(id)!.actionIds).toEqual([action]);
    const statuses = new Set(replicas.map((r) => r.view.action(action)!.status));
    expect(statuses.size).toBe(1);
    expect(['blocked', 'done']).toContain([...statuses][0]);
    expect(server.refusals).toEqual([]);
  });
});
