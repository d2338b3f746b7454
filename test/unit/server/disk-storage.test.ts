/** @module Tests of the embedded disk storage against real files, real Yjs documents and a real SIGKILL. */
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { createDiskStorage, type DiskStorageOptions } from '../../../sync-server/storage/disk-storage';
import type { DocumentStorage } from '../../../sync-server/storage/storage';

const WS = 'acme-support';
const cleanups: Array<() => Promise<unknown>> = [];

afterEach(async () => {
  vi.useRealTimers();
  while (cleanups.length) await cleanups.pop()!();
});

async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'closeloop-disk-'));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

async function open(dir: string, options?: DiskStorageOptions): Promise<DocumentStorage> {
  const storage = await createDiskStorage(dir, options);
  cleanups.push(() => storage.close());
  return storage;
}

/** A Yjs document whose every change is kept as an update, as the server would receive them. */
function writer() {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  /** One transaction, so one update. */
  const change = (i: number) => {
    doc.transact(() => {
      doc.getMap('captures').set(`c${i}`, { text: `feedback number ${i}`, tags: ['a', 'b'] });
      doc.getArray('activity').push([`added c${i}`]);
    });
    return updates.at(-1)!;
  };
  return { doc, updates, change };
}

function rebuild(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

/** The document's content: Y.Doc#toJSON lists only the root types already defined on that doc. */
function json(doc: Y.Doc) {
  return { captures: doc.getMap('captures').toJSON(), activity: doc.getArray('activity').toJSON() };
}

const logOf = (dir: string) => path.join(dir, WS, 'log.bin');

/** Three records on disk, the storage closed; returns what it wrote. */
async function threeRecords(dir: string): Promise<Uint8Array[]> {
  const storage = await open(dir);
  const { change } = writer();
  const written = [change(1), change(2), change(3)];
  for (const u of written) await storage.append(WS, u);
  await storage.close();
  return written;
}

describe('disk storage', () => {
  it('has nothing for a workspace never written, and creates no folder for it', async () => {
    const dir = await tempDir();
    const storage = await open(path.join(dir, 'workspaces'));
    expect(await storage.load(WS)).toEqual([]);
    expect(await storage.size(WS)).toBe(0);
    expect(await fs.readdir(path.join(dir, 'workspaces'))).toEqual([]);
  });

  it('round-trips Yjs updates through a new storage instance', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const { doc, updates, change } = writer();
    for (let i = 0; i < 20; i++) await first.append(WS, change(i));
    await first.close();

    const loaded = await (await open(dir)).load(WS);
    expect(loaded).toEqual(updates);
    expect(json(rebuild(loaded))).toEqual(json(doc));
  });

  it('completes and stores concurrent appends in call order, per workspace', async () => {
    const dir = await tempDir();
    const storage = await open(dir);
    const completed: string[] = [];
    const calls: Array<Promise<void>> = [];
    for (let i = 0; i < 300; i++) {
      const ws = i % 3 === 0 ? 'other' : WS;
      const bytes = new TextEncoder().encode(`${ws}:${i}`);
      calls.push(storage.append(ws, bytes).then(() => void completed.push(`${ws}:${i}`)));
      if (i === 150) await calls[0]; // some appends arrive while a batch is in flight
    }
    await Promise.all(calls);
    const expected = (ws: string) => completed.filter((c) => c.startsWith(`${ws}:`));
    for (const ws of [WS, 'other']) {
      const order = expected(ws).map((c) => Number(c.split(':')[1]));
      expect(order).toEqual([...order].sort((a, b) => a - b));
      const stored = (await (await open(dir)).load(ws)).map((b) => new TextDecoder().decode(b));
      expect(stored).toEqual(expected(ws));
    }
  });

  it('compacts into one snapshot, shrinks the log and keeps appending after it', async () => {
    const dir = await tempDir();
    const storage = await open(dir);
    const { doc, change } = writer();
    for (let i = 0; i < 100; i++) await storage.append(WS, change(i));
    const before = await storage.size(WS);
    const logBefore = (await fs.stat(logOf(dir))).size;

    await storage.compact(WS, Y.encodeStateAsUpdate(doc));
    expect(await storage.size(WS)).toBeLessThan(before);
    expect((await fs.stat(logOf(dir))).size).toBeLessThan(logBefore);
    const compacted = await storage.load(WS);
    expect(compacted).toHaveLength(1);
    expect(json(rebuild(compacted))).toEqual(json(doc));

    await storage.append(WS, change(100));
    await storage.append(WS, change(101));
    await storage.close();
    const reloaded = await (await open(dir)).load(WS);
    expect(reloaded).toHaveLength(3);
    expect(json(rebuild(reloaded))).toEqual(json(doc));
  });

  it('loses no update appended while a compaction runs', async () => {
    const dir = await tempDir();
    const storage = await open(dir);
    const { doc, change } = writer();
    const pending: Array<Promise<void>> = [];
    for (let i = 0; i < 50; i++) pending.push(storage.append(WS, change(i)));
    pending.push(storage.compact(WS, Y.encodeStateAsUpdate(doc))); // state holds everything appended so far
    for (let i = 50; i < 100; i++) pending.push(storage.append(WS, change(i)));
    pending.push(storage.compact(WS, Y.encodeStateAsUpdate(doc)));
    for (let i = 100; i < 120; i++) pending.push(storage.append(WS, change(i)));
    await Promise.all(pending);
    await storage.close();

    const loaded = await (await open(dir)).load(WS);
    expect(loaded).toHaveLength(1 + 20);
    expect(json(rebuild(loaded))).toEqual(json(doc));
  });

  it('recovers from a crash between the snapshot rename and the log reset, and ignores a stale temp file', async () => {
    const dir = await tempDir();
    const storage = await open(dir);
    const { doc, change } = writer();
    for (let i = 0; i < 30; i++) await storage.append(WS, change(i));
    const oldLog = await fs.readFile(logOf(dir));
    await storage.compact(WS, Y.encodeStateAsUpdate(doc));
    await storage.close();
    // As if the process died right after the rename: new snapshot, old log, half a temp file.
    await fs.writeFile(logOf(dir), oldLog);
    await fs.writeFile(path.join(dir, WS, 'snapshot.bin.tmp'), 'half a snapsh');

    const onRecover = vi.fn();
    const reopened = await open(dir, { onRecover });
    const loaded = await reopened.load(WS);
    expect(loaded).toHaveLength(31);
    expect(json(rebuild(loaded))).toEqual(json(doc));
    expect(onRecover).not.toHaveBeenCalled();
    await reopened.compact(WS, Y.encodeStateAsUpdate(doc));
    expect(json(rebuild(await reopened.load(WS)))).toEqual(json(doc));
  });

  it('cuts garbage after the last record, reports it and appends cleanly after', async () => {
    const dir = await tempDir();
    const written = await threeRecords(dir);
    const goodSize = (await fs.stat(logOf(dir))).size;
    await fs.appendFile(logOf(dir), Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]));

    const onRecover = vi.fn();
    const storage = await open(dir, { onRecover });
    expect(await storage.load(WS)).toEqual(written);
    expect(onRecover).toHaveBeenCalledTimes(1);
    expect(onRecover).toHaveBeenCalledWith(WS, expect.stringMatching(/Cut 5 damaged bytes off .*log\.bin.*kept the 3 good records/));
    expect((await fs.stat(logOf(dir))).size).toBe(goodSize);

    const extra = new Uint8Array([1, 2, 3]);
    await storage.append(WS, extra);
    await storage.close();
    const again = vi.fn();
    expect(await (await open(dir, { onRecover: again })).load(WS)).toEqual([...written, extra]);
    expect(again).not.toHaveBeenCalled();
  });

  it('cuts a last record torn in half and keeps the ones before it', async () => {
    const dir = await tempDir();
    const written = await threeRecords(dir);
    const size = (await fs.stat(logOf(dir))).size;
    await fs.truncate(logOf(dir), size - Math.floor(written[2]!.byteLength / 2));

    const onRecover = vi.fn();
    const storage = await open(dir, { onRecover });
    expect(await storage.load(WS)).toEqual(written.slice(0, 2));
    expect(onRecover).toHaveBeenCalledWith(WS, expect.stringMatching(/record 3 .* bytes announced/));
    // Appends before any load also verify the log first, so they never land behind a torn tail.
    await fs.appendFile(logOf(dir), Buffer.from([9, 9, 9]));
    const fresh = await open(dir, { onRecover });
    await fresh.append(WS, written[2]!);
    expect(await fresh.load(WS)).toEqual(written);
    expect(onRecover).toHaveBeenCalledTimes(2);
  });

  it('detects a flipped byte in a middle record by its checksum, cuts there and keeps the cut bytes aside', async () => {
    const dir = await tempDir();
    const written = await threeRecords(dir);
    const bytes = await fs.readFile(logOf(dir));
    const secondStart = 8 + 8 + written[0]!.byteLength;
    bytes[secondStart + 8 + 3]! ^= 0x10;
    await fs.writeFile(logOf(dir), bytes);

    const onRecover = vi.fn();
    expect(await (await open(dir, { onRecover })).load(WS)).toEqual([written[0]]);
    expect(onRecover).toHaveBeenCalledWith(WS, expect.stringMatching(/record 2 at byte \d+: checksum mismatch/));
    const aside = (await fs.readdir(path.join(dir, WS))).filter((f) => f.startsWith('log.cut-'));
    expect(aside).toHaveLength(1);
    expect(await fs.readFile(path.join(dir, WS, aside[0]!))).toEqual(bytes.subarray(secondStart));
    expect((await fs.stat(logOf(dir))).size).toBe(secondStart);
  });

  it('repairs a log cut inside its header', async () => {
    const dir = await tempDir();
    await fs.mkdir(path.join(dir, WS));
    await fs.writeFile(logOf(dir), 'CLL');
    const onRecover = vi.fn();
    const storage = await open(dir, { onRecover });
    expect(await storage.load(WS)).toEqual([]);
    expect(onRecover).toHaveBeenCalledWith(WS, expect.stringMatching(/header cut short/));
    await storage.append(WS, new Uint8Array([7]));
    expect(await storage.load(WS)).toEqual([new Uint8Array([7])]);
  });

  it('refuses a damaged snapshot with an error naming the file, and leaves it in place', async () => {
    const dir = await tempDir();
    const storage = await open(dir);
    const { doc, change } = writer();
    await storage.append(WS, change(1));
    await storage.compact(WS, Y.encodeStateAsUpdate(doc));
    const file = path.join(dir, WS, 'snapshot.bin');
    const bytes = await fs.readFile(file);
    bytes[bytes.length - 2]! ^= 0x01;
    await fs.writeFile(file, bytes);

    await expect(storage.load(WS)).rejects.toThrow(`Snapshot ${file} is damaged (checksum mismatch)`);
    await fs.truncate(file, 10);
    await expect(storage.load(WS)).rejects.toThrow(/is damaged \(only 10 bytes\)/);
    expect((await fs.stat(file)).size).toBe(10);
  });

  it('rejects workspace ids that are not [a-z0-9-]{1,64} and writes nothing outside its folder', async () => {
    const parent = await tempDir();
    const storage = await open(path.join(parent, 'workspaces'));
    const bad = ['../escape', '..', 'a/b', 'A', '', 'x'.repeat(65), 'a.b', '/etc', 'a\\b'];
    for (const id of bad) {
      await expect(storage.append(id, new Uint8Array([1]))).rejects.toThrow(/Invalid workspace id/);
      await expect(storage.load(id)).rejects.toThrow(/Invalid workspace id/);
      await expect(storage.compact(id, new Uint8Array([1]))).rejects.toThrow(/Invalid workspace id/);
      await expect(storage.size(id)).rejects.toThrow(/Invalid workspace id/);
    }
    expect(await fs.readdir(parent)).toEqual(['workspaces']);
    expect(await fs.readdir(path.join(parent, 'workspaces'))).toEqual([]);
  });

  it('finishes appends issued before close and rejects every call after it', async () => {
    const dir = await tempDir();
    const storage = await open(dir);
    const pending = [1, 2, 3].map((n) => storage.append(WS, new Uint8Array([n])));
    await storage.close();
    await Promise.all(pending);
    await storage.close(); // twice is fine
    await expect(storage.append(WS, new Uint8Array([4]))).rejects.toThrow(/storage in .* is closed/);
    await expect(storage.load(WS)).rejects.toThrow(/closed/);
    await expect(storage.compact(WS, new Uint8Array())).rejects.toThrow(/closed/);
    await expect(storage.size(WS)).rejects.toThrow(/closed/);
    expect(await (await open(dir)).load(WS)).toEqual([1, 2, 3].map((n) => new Uint8Array([n])));
  });

  it('works the same with fsync on', async () => {
    const dir = await tempDir();
    const storage = await open(dir, { fsync: true });
    const { doc, change } = writer();
    await Promise.all(Array.from({ length: 50 }, (_, i) => storage.append(WS, change(i))));
    await storage.compact(WS, Y.encodeStateAsUpdate(doc));
    await Promise.all(Array.from({ length: 10 }, (_, i) => storage.append(WS, change(50 + i))));
    await storage.close();
    const loaded = await (await open(dir, { fsync: true })).load(WS);
    expect(loaded).toHaveLength(11);
    expect(json(rebuild(loaded))).toEqual(json(doc));
  });

  it.skipIf(process.platform !== 'linux')('closes the log file of a workspace once it is idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = await tempDir();
    const storage = await open(dir);
    const openLogs = async () => {
      const fds = await fs.readdir('/proc/self/fd');
      const targets = await Promise.all(fds.map((fd) => fs.readlink(`/proc/self/fd/${fd}`).catch(() => '')));
      return targets.filter((t) => t === logOf(dir)).length;
    };
    await storage.append(WS, new Uint8Array([1]));
    expect(await openLogs()).toBe(1);
    await vi.advanceTimersByTimeAsync(6_000);
    await vi.waitUntil(async () => (await openLogs()) === 0, { interval: 1 });
    await storage.append(WS, new Uint8Array([2]));
    expect(await storage.load(WS)).toEqual([new Uint8Array([1]), new Uint8Array([2])]);
  });

  it('rejects an update that is not a Uint8Array', async () => {
    const storage = await open(await tempDir());
    await expect(storage.append(WS, 'text' as unknown as Uint8Array)).rejects.toThrow(TypeError);
  });
});

describe('disk storage under SIGKILL', () => {
  const child = fileURLToPath(new URL('./disk-storage-child.ts', import.meta.url));

  /** Runs the child until it has acknowledged `atLeast` appends, kills it, returns every acknowledged n. */
  async function killMidStream(dir: string, mode: string, atLeast: number): Promise<number[]> {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dir, WS, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: number[] = [];
    let stderr = '';
    let buffered = '';
    proc.stderr.on('data', (d) => { stderr += d; });
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) acked.push(Number(line.slice(3)));
      if (acked.length >= atLeast && proc.exitCode === null) proc.kill('SIGKILL');
    });
    const [code, signal] = await new Promise<[number | null, string | null]>((resolve) =>
      proc.on('close', (c, s) => resolve([c, s])),
    );
    expect({ code, signal, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });
    return acked;
  }

  it.each(['append', 'compact'])('keeps every append that had resolved (%s mode)', async (mode) => {
    const dir = await tempDir();
    const acked = await killMidStream(dir, mode, 1_500);
    expect(acked.length).toBeGreaterThanOrEqual(1_500);

    const storage = await open(dir);
    const map = rebuild(await storage.load(WS)).getMap('m');
    const missing = acked.filter((n) => !map.has(`k${n}`));
    expect(missing).toEqual([]);
  }, 30_000);
});
