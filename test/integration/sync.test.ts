/**
 * @module Sync between real clients through the real server: live edits, offline edits merged after a
 * restart, and a viewer's writes kept out of other replicas and of storage.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { roots } from '../../shared/doc/roots';
import { SCHEMA_VERSION } from '../../shared/schema/constants';
import { capture, captureTexts, connectClient, destroyClients, docFrom, synced } from './helpers/clients';
import { rejected, removeDir, startTestServer, tempDataDir, type TestServer } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

const servers: TestServer[] = [];
const dirs: string[] = [];

async function start(dataDir: string, port = 0): Promise<TestServer> {
  const server = await startTestServer({ dataDir, config: { port } });
  servers.push(server);
  return server;
}

afterEach(async () => {
  destroyClients();
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

describe('sync', () => {
  it('shows each client the captures of the other, and stores them', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const server = await start(dir);
    const a = await synced(connectClient(server.url, 'acme', server.token('acme')));
    const b = await synced(connectClient(server.url, 'acme', server.token('acme')));
    // The server initialised the new workspace and both replicas have its meta.
    expect(roots(a.doc).meta.get('name')).toBe('acme');
    expect(roots(b.doc).meta.get('schemaVersion')).toBe(SCHEMA_VERSION);

    const fromA = capture(a.doc);
    const fromB = capture(b.doc);
    await waitFor('b to see a\'s capture', () => captureTexts(b.doc).includes(fromA));
    await waitFor('a to see b\'s capture', () => captureTexts(a.doc).includes(fromB));
    const stored = docFrom(await server.storage.load('acme'));
    expect(captureTexts(stored)).toEqual([fromA, fromB].sort());
  });

  it('merges edits made while the server was down once it is back, and stores them', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    let server = await start(dir);
    const a = await synced(connectClient(server.url, 'acme', server.token('acme')));
    const b = await synced(connectClient(server.url, 'acme', server.token('acme')));
    const before = capture(a.doc);
    await waitFor('b to see the first capture', () => captureTexts(b.doc).includes(before));

    await server.stop();
    await waitFor('clients to notice', () => !a.provider.wsconnected && !b.provider.wsconnected);
    const offlineA = capture(a.doc);
    const offlineB = capture(b.doc);

    // Same folder; the same port when the OS still has it free, so the clients reconnect by themselves.
    server = await start(dir, server.port).catch(async () => {
      const moved = await start(dir);
      a.provider.serverUrl = moved.url;
      b.provider.serverUrl = moved.url;
      return moved;
    });
    const all = [before, offlineA, offlineB].sort();
    await waitFor('a to have every capture', () => captureTexts(a.doc).length === 3);
    await waitFor('b to have every capture', () => captureTexts(b.doc).length === 3);
    expect(captureTexts(a.doc)).toEqual(all);
    expect(captureTexts(b.doc)).toEqual(all);
    await waitFor('the offline edits to be stored', async () => captureTexts(docFrom(await server.storage.load('acme'))).length === 3);
  });

  it('drops a viewer\'s writes: never relayed, never stored, not there after a restart', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    let server = await start(dir);
    const editor = await synced(connectClient(server.url, 'acme', server.token('acme', 'editor')));
    const first = capture(editor.doc);
    const viewer = await synced(connectClient(server.url, 'acme', server.token('acme', 'viewer')));
    // A viewer still receives everything.
    await waitFor('the viewer to receive the editor\'s capture', () => captureTexts(viewer.doc).includes(first));

    const sneaky = capture(viewer.doc, 'A viewer tries to write');
    await waitFor('the server to drop the viewer\'s write', async () => (await rejected(server, 'viewer_write')) >= 1);
    // Later traffic arrives, so the editor is in sync with everything the server relays...
    const second = capture(editor.doc);
    await waitFor('the viewer to receive later captures', () => captureTexts(viewer.doc).includes(second));
    // ...and the viewer's capture is in neither the editor's replica nor storage.
    expect(captureTexts(editor.doc)).toEqual([first, second].sort());
    expect(captureTexts(docFrom(await server.storage.load('acme')))).not.toContain(sneaky);

    viewer.destroy();
    editor.destroy();
    await server.stop();
    server = await start(dir);
    const fresh = await synced(connectClient(server.url, 'acme', server.token('acme')));
    expect(captureTexts(fresh.doc)).toEqual([first, second].sort());
  });
});
