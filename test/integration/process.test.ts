/**
 * @module The server as a real process: nothing another client has seen is lost to kill -9, and SIGTERM
 * closes sockets, stores, compacts and exits 0.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOrCreateSecret } from '../../sync-server/auth/secret';
import { signToken } from '../../sync-server/auth/tokens';
import { createDiskStorage } from '../../sync-server/storage/disk-storage';
import { spawnServer, logLines, type ServerChild } from './helpers/child';
import { capture, captureTexts, connectClient, destroyClients, docFrom, synced } from './helpers/clients';
import { removeDir, tempDataDir } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

const children: ServerChild[] = [];
const dirs: string[] = [];

afterEach(async () => {
  destroyClients();
  for (const child of children.splice(0)) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child.exited;
  }
  for (const dir of dirs.splice(0)) removeDir(dir);
});

async function server(dataDir: string): Promise<ServerChild> {
  const child = await spawnServer(dataDir);
  children.push(child);
  return child;
}

const tokenFor = (dataDir: string, workspace: string) =>
  signToken(loadOrCreateSecret(dataDir), { workspace, role: 'editor', generation: 0 });

describe('server process', () => {
  it('loses nothing a client has received when killed with SIGKILL right after', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const first = await server(dir);
    const token = tokenFor(dir, 'acme');
    const a = await synced(connectClient(first.url, 'acme', token));
    const b = await synced(connectClient(first.url, 'acme', token));

    const text = capture(a.doc);
    await waitFor('b to receive the capture', () => captureTexts(b.doc).includes(text));
    first.process.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    // Neither old client may re-send the capture to the new server: only storage can have it.
    a.destroy();
    b.destroy();

    const second = await server(dir);
    const fresh = await synced(connectClient(second.url, 'acme', token));
    expect(captureTexts(fresh.doc)).toEqual([text]);
  });

  it('on SIGTERM closes sockets with 1001, stores and compacts everything, and exits 0', async () => {
    const dir = tempDataDir();
    dirs.push(dir);
    const child = await server(dir);
    const token = tokenFor(dir, 'acme');
    const a = await synced(connectClient(child.url, 'acme', token));
    const b = await synced(connectClient(child.url, 'acme', token));
    const texts = [capture(a.doc), capture(a.doc), capture(b.doc)];
    await waitFor('both clients to hold every capture', () =>
      captureTexts(a.doc).length === 3 && captureTexts(b.doc).length === 3);

    child.process.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
    expect(a.closes.some((c) => c.code === 1001)).toBe(true);
    a.destroy();
    b.destroy();
    const messages = logLines(child).map((l) => l.msg);
    expect(messages).toContain('shutting down');
    expect(messages).toContain('shutdown complete');

    const storage = await createDiskStorage(join(dir, 'workspaces'));
    try {
      const records = await storage.load('acme');
      expect(records).toHaveLength(1); // compacted into one snapshot on the way out
      expect(captureTexts(docFrom(records))).toEqual([...texts].sort());
    } finally {
      await storage.close();
    }
  });
});
