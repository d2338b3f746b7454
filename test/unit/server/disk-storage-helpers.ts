/** @module Shared set-up for the disk-storage tests: temp folders, storages closed after each test, Yjs writers. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, vi } from 'vitest';
import * as Y from 'yjs';
import { createDiskStorage, type DiskStorageOptions } from '../../../sync-server/storage/disk-storage';
import type { DocumentStorage } from '../../../sync-server/storage/storage';

export const WS = 'acme-support';
const cleanups: Array<() => Promise<unknown>> = [];

/** Call once at the top of a test file: closes storages and removes folders after each test. */
export function cleanUpAfterEach(): void {
  afterEach(async () => {
    vi.useRealTimers();
    while (cleanups.length) await cleanups.pop()!();
  });
}

export async function tempDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'closeloop-disk-'));
  cleanups.push(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

export async function open(dir: string, options?: DiskStorageOptions): Promise<DocumentStorage> {
  const storage = await createDiskStorage(dir, options);
  cleanups.push(() => storage.close());
  return storage;
}

/** A Yjs document whose every change is kept as an update, as the server would receive them. */
export function writer() {
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

export function rebuild(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

/** The document's content: Y.Doc#toJSON lists only the root types already defined on that doc. */
export function json(doc: Y.Doc) {
  return { captures: doc.getMap('captures').toJSON(), activity: doc.getArray('activity').toJSON() };
}

export const logOf = (dir: string) => path.join(dir, WS, 'log.bin');

/** Three records on disk, the storage closed; returns what it wrote. */
export async function threeRecords(dir: string): Promise<Uint8Array[]> {
  const storage = await open(dir);
  const { change } = writer();
  const written = [change(1), change(2), change(3)];
  for (const u of written) await storage.append(WS, u);
  await storage.close();
  return written;
}
