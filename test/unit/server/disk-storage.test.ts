/** @module Tests of the embedded disk storage against real files and real Yjs documents (SIGKILL: disk-storage-crash.test.ts). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { cleanUpAfterEach, json, logOf, open, rebuild, tempDir, threeRecords, writer, WS } from './disk-storage-helpers';

cleanUpAfterEach();

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

  it('closes the log file of a workspace once it is idle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const dir = await tempDir();
    const storage = await open(dir);
    const openLogs = async () => {
      // /dev/fd lists this process's open files on Linux and macOS alike.
      const fds = await fs.readdir('/dev/fd');
      const targets = await Promise.all(fds.map((fd) => fs.readlink(`/dev/fd/${fd}`).catch(() => '')));
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
