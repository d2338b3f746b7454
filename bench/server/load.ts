/**
 * @module The load generator, a child process of run.ts (so the servers' CPU and memory are not
 * mixed with the clients'). It holds every client of both servers and answers commands sent over
 * the IPC channel: connect, seed, prepare a stream, run it at a fixed rate against one server.
 */
import * as Y from 'yjs';
import { roots } from '../../shared/doc/roots';
import type { ClientKind } from './clients';
import { ClientGroup, type RunSpec } from './load-run';
import { sleep } from '../stats';
import { StreamGenerator, type StreamItem } from './stream';
import { SEED_MEMBER } from './servers';

/** A workspace of one run: a personal token per client (client c writes as benchMember of its slot) and the seeding member's. */
export type Room = { name: string; tokens: string[]; seedToken: string };

export type LoadCommand =
  | { op: 'connect'; label: string; kind: ClientKind; perRoom: number; url: string; rooms: Room[]; expectCaptures?: number }
  | { op: 'close'; label: string }
  | { op: 'seed'; url: string; rooms: Room[]; captures: number }
  | { op: 'generator'; slots: number }
  | { op: 'prepare'; count: number }
  | { op: 'run'; label: string; spec: RunSpec };

// Each stock provider adds a process exit listener; hundreds of them are expected here.
process.setMaxListeners(0);

const groups = new Map<string, ClientGroup>();
let generator: StreamGenerator | null = null;
let prepared: StreamItem[] = [];
let seedState: { captures: number; update: Uint8Array } | null = null;

const handlers = {
  async connect(c: Extract<LoadCommand, { op: 'connect' }>) {
    const started = performance.now();
    let group = groups.get(c.label);
    if (!group) groups.set(c.label, (group = new ClientGroup(c.kind, c.perRoom)));
    const before = group.clients.length;
    await group.connect(c.url, c.rooms);
    if (c.expectCaptures) await waitForCaptures(group.clients.slice(before).map((x) => x.doc!), c.expectCaptures);
    return { ms: performance.now() - started, clients: group.clients.length };
  },
  async close(c: Extract<LoadCommand, { op: 'close' }>) {
    groups.get(c.label)?.close();
    groups.delete(c.label);
    await sleep(200); // let the close frames go out before the next measurement
    return {};
  },
  /** Each room gets the same document of `captures` captures; read back by a second client to prove it is held. */
  async seed(c: Extract<LoadCommand, { op: 'seed' }>) {
    if (seedState?.captures !== c.captures) seedState = { captures: c.captures, update: seedDocument(c.captures) };
    const writer = new ClientGroup('provider', 1);
    await writer.connect(c.url, c.rooms.map((room) => ({ ...room, tokens: [room.seedToken] })));
    for (const client of writer.clients) Y.applyUpdate(client.doc!, seedState.update);
    const reader = new ClientGroup('provider', 1);
    await reader.connect(c.url, c.rooms);
    await waitForCaptures(reader.clients.map((x) => x.doc!), c.captures);
    writer.close();
    reader.close();
    return { bytes: seedState.update.byteLength };
  },
  async generator(c: Extract<LoadCommand, { op: 'generator' }>) {
    generator?.destroy();
    generator = new StreamGenerator(c.slots);
    return {};
  },
  async prepare(c: Extract<LoadCommand, { op: 'prepare' }>) {
    if (!generator) throw new Error('prepare before generator');
    const started = performance.now();
    prepared = generator.make(c.count);
    return { ms: performance.now() - started };
  },
  async run(c: Extract<LoadCommand, { op: 'run' }>) {
    const group = groups.get(c.label);
    if (!group) throw new Error(`no clients for ${c.label}`);
    return group.run(prepared, c.spec);
  },
};

function seedDocument(captures: number): Uint8Array {
  // Several replicas captured into the workspace, written as the one seeding member (its writer's).
  const gen = new StreamGenerator(5, () => SEED_MEMBER);
  const doc = new Y.Doc();
  for (const item of gen.make(captures)) Y.applyUpdate(doc, item.update);
  gen.destroy();
  return Y.encodeStateAsUpdate(doc);
}

async function waitForCaptures(docs: Y.Doc[], captures: number, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (docs.some((doc) => roots(doc).captures.size < captures)) {
    if (Date.now() > deadline) {
      const short = docs.filter((doc) => roots(doc).captures.size < captures).length;
      throw new Error(`${short} of ${docs.length} clients did not receive ${captures} captures within ${timeoutMs} ms`);
    }
    await sleep(25);
  }
}

process.on('message', (message: { id: number; command: LoadCommand }) => {
  const { id, command } = message;
  const handler = handlers[command.op] as (c: LoadCommand) => Promise<unknown>;
  handler(command).then(
    (result) => process.send!({ id, ok: true, result }),
    (error: Error) => process.send!({ id, ok: false, error: error.stack ?? String(error) }),
  );
});
// Orphaned (the parent died without a goodbye): leave rather than keep sockets open.
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
