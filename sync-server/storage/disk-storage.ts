/**
 * @module Embedded on-disk DocumentStorage: per workspace a folder holding `snapshot.bin` (the last
 * compacted state) and `log.bin` (checksummed updates appended since). Byte formats: disk-format.ts.
 *
 * Every operation on a workspace runs through one queue, in call order. Appends waiting in the
 * queue while a write is in flight go out together as one write (and one fdatasync): group commit.
 * One process owns `dir`; two servers on one folder would corrupt each other's logs.
 */
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { assertWorkspaceId } from '../../shared/workspace-id';
import { LOG_HEADER_BYTES, encodeLogHeader, encodeRecords } from './disk-format';
import { isMissing, readSnapshot, readVerifiedLog, replaceSnapshot, sizeOf, syncDir, writeAll } from './disk-files';
import type { DocumentStorage } from './storage';

export interface DiskStorageOptions {
  /** fsync after each write batch (survives power loss). Default false: write() to the OS, which survives a crash or SIGKILL of this process. */
  fsync?: boolean;
  /** Called with a message when a damaged tail is found and cut on load (for the server's log). */
  onRecover?: (workspace: string, message: string) => void;
}

/**
 * A workspace's log handle is closed, and its bookkeeping dropped, after this long without an
 * operation. One descriptor per workspace held forever would hit the process's file limit on a
 * server with many workspaces; opening per batch would cost an open and a close per write under
 * steady traffic. After idle, reopening is one open(), plus one read to re-verify the log unless
 * load() (which the server calls when it reloads a document) has just done so.
 */
const IDLE_CLOSE_MS = 5_000;

type Settle = { resolve: (value: any) => void; reject: (error: unknown) => void };
type AppendOp = Settle & { kind: 'append'; update: Uint8Array };
type Op = AppendOp | (Settle & { kind: 'task'; run: () => Promise<unknown> });

interface Workspace {
  readonly id: string;
  readonly dir: string;
  readonly snapshotPath: string;
  readonly logPath: string;
  ops: Op[];
  running: boolean;
  /** Open for writing records; null when idle. */
  log: FileHandle | null;
  /** Where the next record goes: the verified end of log.bin (0: no usable file); null until verified. */
  logEnd: number | null;
  idle: ReturnType<typeof setTimeout> | null;
  /** Dropped from the table after idling; a later call makes a fresh entry. */
  gone: boolean;
}

export async function createDiskStorage(dir: string, options: DiskStorageOptions = {}): Promise<DocumentStorage> {
  const root = path.resolve(dir);
  await fs.mkdir(root, { recursive: true });
  const fsync = options.fsync ?? false;
  const workspaces = new Map<string, Workspace>();
  let closing: Promise<void> | null = null;

  function workspace(id: string): Workspace {
    if (closing) throw new Error(`Disk storage in ${root} is closed; create a new one to use it again.`);
    assertWorkspaceId(id); // [a-z0-9-] only: no "/", no "..", so the path below stays inside root
    let ws = workspaces.get(id);
    if (!ws) {
      const wsDir = path.join(root, id);
      ws = { id, dir: wsDir, snapshotPath: path.join(wsDir, 'snapshot.bin'), logPath: path.join(wsDir, 'log.bin'),
        ops: [], running: false, log: null, logEnd: null, idle: null, gone: false };
      workspaces.set(id, ws);
    }
    return ws;
  }

  function push(ws: Workspace, op: Op): void {
    ws.ops.push(op);
    if (ws.idle) clearTimeout(ws.idle);
    ws.idle = null;
    if (ws.running) return;
    ws.running = true;
    // Start on a microtask, so appends issued in the same tick already share the first write.
    queueMicrotask(() => void drain(ws));
  }

  function task<T>(id: string, run: (ws: Workspace) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const ws = workspace(id);
      push(ws, { kind: 'task', run: () => run(ws), resolve, reject });
    });
  }

  async function drain(ws: Workspace): Promise<void> {
    while (ws.ops.length > 0) {
      const head = ws.ops[0]!;
      if (head.kind === 'task') {
        ws.ops.shift();
        await head.run().then(head.resolve, head.reject);
        continue;
      }
      let n = 1;
      while (n < ws.ops.length && ws.ops[n]!.kind === 'append') n++;
      const batch = ws.ops.splice(0, n) as AppendOp[];
      try {
        await writeRecords(ws, batch.map((op) => op.update));
        for (const op of batch) op.resolve(undefined);
      } catch (error) {
        for (const op of batch) op.reject(error);
      }
    }
    ws.running = false;
    if (closing || ws.gone) return;
    const evictOp: Op = { kind: 'task', run: () => evict(ws), resolve() {}, reject() {} };
    ws.idle = setTimeout(() => push(ws, evictOp), IDLE_CLOSE_MS);
    ws.idle.unref();
  }

  async function closeLog(ws: Workspace): Promise<void> {
    const log = ws.log;
    ws.log = null;
    await log?.close();
  }

  async function evict(ws: Workspace): Promise<void> {
    await closeLog(ws);
    if (ws.ops.length > 0 || closing) return; // something new came in meanwhile: stay
    ws.gone = true;
    workspaces.delete(ws.id);
  }

  async function readLog(ws: Workspace): Promise<Uint8Array[]> {
    const report = (message: string) => options.onRecover?.(ws.id, message);
    const { records, end } = await readVerifiedLog(ws.logPath, report, ws.log);
    ws.logEnd = end;
    return records;
  }

  async function openLog(ws: Workspace): Promise<FileHandle> {
    if (ws.log) return ws.log;
    if (ws.logEnd === null) await readLog(ws); // never write after a damaged tail
    if (ws.logEnd! > 0) return (ws.log = await fs.open(ws.logPath, 'r+'));
    const createdRoot = await fs.mkdir(ws.dir, { recursive: true });
    const log = await fs.open(ws.logPath, 'w'); // 'w': a missing file, or one cut inside its header
    try {
      await writeAll(log, encodeLogHeader(), 0);
      if (fsync) {
        await log.datasync();
        await syncDir(ws.dir);
        if (createdRoot) await syncDir(root);
      }
    } catch (error) {
      await log.close();
      throw error;
    }
    ws.logEnd = LOG_HEADER_BYTES;
    return (ws.log = log);
  }

  async function writeRecords(ws: Workspace, updates: Uint8Array[]): Promise<void> {
    const log = await openLog(ws);
    const at = ws.logEnd!;
    const bytes = encodeRecords(updates);
    try {
      await writeAll(log, bytes, at);
      if (fsync) await log.datasync();
      ws.logEnd = at + bytes.byteLength;
    } catch (error) {
      // A half-written batch followed by later good records would hide those records behind a
      // damaged one on the next load. Cut it; if even that fails, re-verify before the next write.
      await log.truncate(at).catch(() => forgetLog(ws));
      throw error;
    }
  }

  async function forgetLog(ws: Workspace): Promise<void> {
    await closeLog(ws).catch(() => {});
    ws.logEnd = null;
  }

  async function load(ws: Workspace): Promise<Uint8Array[]> {
    const snapshot = await readSnapshot(ws.snapshotPath);
    const records = await readLog(ws);
    return snapshot ? [snapshot, ...records] : records;
  }

  /**
   * The queue has written every append called before this compact and holds back those called
   * after, so `state` (which the caller built from everything appended before the call) covers
   * the whole log. Crash points: before the snapshot rename, the old snapshot and log are intact;
   * after it and before the log reset, load gives the new snapshot plus records it already
   * contains, and replaying a Yjs update twice is harmless.
   */
  async function compact(ws: Workspace, state: Uint8Array): Promise<void> {
    if (await fs.mkdir(ws.dir, { recursive: true })) await syncDir(root);
    await replaceSnapshot(ws.snapshotPath, state);
    // Only now may the log be emptied: header first, then truncate, so each step leaves a valid log.
    const log = ws.log ?? (await fs.open(ws.logPath, 'r+').catch((e) => (isMissing(e) ? null : Promise.reject(e))));
    if (!log) return void (ws.logEnd = 0);
    ws.log = log;
    try {
      await writeAll(log, encodeLogHeader(), 0);
      await log.truncate(LOG_HEADER_BYTES);
      ws.logEnd = LOG_HEADER_BYTES;
    } catch (error) {
      await forgetLog(ws); // the snapshot is safe; verify the log again before the next append
      throw error;
    }
  }

  return {
    load: (id) => task(id, load),
    append(id, update) {
      return new Promise<void>((resolve, reject) => {
        if (!(update instanceof Uint8Array)) throw new TypeError('append() takes the update as a Uint8Array.');
        push(workspace(id), { kind: 'append', update, resolve, reject });
      });
    },
    compact: (id, state) => task(id, (ws) => compact(ws, state)),
    size: (id) => task(id, async (ws) => (await sizeOf(ws.snapshotPath)) + (await sizeOf(ws.logPath))),
    close() {
      closing ??= Promise.all([...workspaces.values()].map((ws) =>
        new Promise((resolve, reject) => push(ws, { kind: 'task', run: () => closeLog(ws), resolve, reject })),
      )).then(() => undefined);
      return closing;
    },
  };
}
