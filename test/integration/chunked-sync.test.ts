/**
 * @module Chunked sync against the real server with 64 KiB frames: the hub's replica (fake-indexeddb,
 * node `ws`) holding ~1 MB the server lacks gets all of it stored, whether it was written offline,
 * in one transaction while connected, or is everything after the server was restored from an empty
 * backup; never a 1009 close. A stock client with the same changes is refused, which shows the
 * frame limit in these tests really bites.
 */
import 'fake-indexeddb/auto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { installChunkedSync } from '../../extension/hub/chunked-sync';
import { openReplica, type Replica } from '../../extension/hub/replica';
import { MUTATION_ORIGIN } from '../../shared/doc/origins';
import { addCapture } from '../../shared/mutations/captures';
import { captureTexts, connectClient, destroyClients, docFrom, synced } from './helpers/clients';
import { rejected, removeDir, startTestServer, type TestServer } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

const FRAME = 64 * 1024;
/** ~890 bytes each: 1,200 captures are a bit over 1 MB in one transaction. */
const COUNT = 1200;

let servers: TestServer[] = [];
const replicas: Replica[] = [];

async function start(options: { dataDir?: string; port?: number } = {}): Promise<TestServer> {
  const server = await startTestServer({ dataDir: options.dataDir, config: { maxFrameBytes: FRAME, port: options.port ?? 0 } });
  servers.push(server);
  return server;
}

function open(server: TestServer, workspace: string): Replica {
  const invite = { server: server.url, workspace, token: server.token(workspace) };
  const replica = openReplica(invite, { WebSocket: WebSocket as unknown as typeof globalThis.WebSocket, maxMessageBytes: FRAME });
  replicas.push(replica);
  return replica;
}

/** One transaction of `COUNT` captures, as a bulk import or a long offline session would make. */
function bulk(doc: Y.Doc, label: string): string[] {
  const texts = Array.from({ length: COUNT }, (_, i) => `${label} ${i}: the coupon field rejects lowercase codes at checkout`);
  doc.transact(() => {
    texts.forEach((text, i) => addCapture({ doc, actor: 'mem_bulk' }, { text, source: { url: `https://reviews.example/${label}/${i}` } }, { findDuplicate: () => null }));
  }, MUTATION_ORIGIN);
  return texts;
}

const stored = async (server: TestServer, workspace: string) => captureTexts(docFrom(await server.storage.load(workspace)));
const connected = (replica: Replica) => waitFor('the replica to connect', () => replica.status().link.state === 'connected', { timeoutMs: 40_000 });

/** No socket of any server in this test was closed for an oversized frame. */
async function expectNoOversizedFrame() {
  for (const server of servers) {
    expect(await rejected(server, 'oversized').catch(() => 0)).toBe(0);
    expect(server.logs.filter((line) => line.msg === 'connection closed' && line.code === 1009)).toEqual([]);
  }
}

afterEach(async () => {
  await Promise.all(replicas.splice(0).map((replica) => replica.clearLocalData()));
  destroyClients();
  for (const server of servers) await server.stop();
  for (const dir of new Set(servers.map((server) => server.dataDir))) removeDir(dir);
  servers = [];
});

describe('chunked sync through a server with 64 KiB frames', () => {
  it('refuses a stock client holding 1 MB the server lacks (the defect)', async () => {
    const server = await start();
    const doc = new Y.Doc();
    bulk(doc, 'Stock');
    expect(Y.encodeStateAsUpdate(doc).byteLength).toBeGreaterThan(16 * FRAME);
    const stock = connectClient(server.url, 'stock', server.token('stock'), doc);
    await waitFor('the server to close the stock client with 1009', () => stock.closes.some((close) => close.code === 1009));
    expect(await rejected(server, 'oversized')).toBeGreaterThan(0);
  });

  it('sends changes made offline when the server returns, every one stored', async () => {
    let server = await start();
    const replica = open(server, 'offline');
    await connected(replica);
    const { port, dataDir } = server;
    await server.stop();
    await waitFor('the replica to notice', () => ['unreachable', 'offline'].includes(replica.status().link.state));
    const texts = bulk(replica.doc, 'Offline');
    expect(replica.status().pending).toBe(1);

    server = await start({ dataDir, port });
    await connected(replica);
    await waitFor('every capture stored', async () => (await stored(server, 'offline')).length === COUNT, { timeoutMs: 30_000 });
    expect(await stored(server, 'offline')).toEqual([...texts].sort());
    expect(replica.status().pending).toBe(0);
    await expectNoOversizedFrame();
  });

  it('sends a 1 MB transaction made while connected, and all of it again to a server restored from an empty backup', async () => {
    let server = await start();
    const replica = open(server, 'live');
    await connected(replica);
    const reader = await synced(connectClient(server.url, 'live', server.token('live', 'viewer')));
    const texts = bulk(replica.doc, 'Live');
    await waitFor('the reader to receive every capture', () => captureTexts(reader.doc).length === COUNT, { timeoutMs: 30_000 });
    expect(await stored(server, 'live')).toEqual([...texts].sort());

    const { port, dataDir } = server;
    await server.stop();
    rmSync(join(dataDir, 'workspaces'), { recursive: true }); // restored from a backup older than the workspace
    server = await start({ dataDir, port });
    await connected(replica);
    await waitFor('every capture stored again', async () => (await stored(server, 'live')).length === COUNT, { timeoutMs: 30_000 });
    await expectNoOversizedFrame();
  });

  it('keeps a stock provider under the budget once installed', async () => {
    const server = await start();
    const doc = new Y.Doc();
    const texts = bulk(doc, 'Installed');
    const client = connectClient(server.url, 'installed', server.token('installed'), doc);
    installChunkedSync(client.provider, { maxMessageBytes: FRAME });
    await synced(client);
    await waitFor('every capture stored', async () => (await stored(server, 'installed')).length === COUNT, { timeoutMs: 30_000 });
    expect(await stored(server, 'installed')).toEqual([...texts].sort());
    expect(client.closes).toEqual([]);
    await expectNoOversizedFrame();
  });
});
