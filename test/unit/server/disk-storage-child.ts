/**
 * @module Child process for the disk storage crash test: appends Yjs updates (16 in flight) until
 * it is killed, printing "ok <n>" once the append of key k<n> has resolved. With "compact" as the
 * third argument it also compacts every 100 updates, without waiting, so kills land mid-compaction.
 */
import * as Y from 'yjs';
import { createDiskStorage } from '../../../sync-server/storage/disk-storage';

const [dir, workspace, mode] = process.argv.slice(2);
if (!dir || !workspace) throw new Error('usage: disk-storage-child.ts <dir> <workspace> [compact]');
const storage = await createDiskStorage(dir);
const doc = new Y.Doc();
let last: Uint8Array | null = null;
doc.on('update', (update: Uint8Array) => { last = update; });
let next = 0;

async function writer(): Promise<never> {
  for (;;) {
    const n = next++;
    doc.getMap('m').set(`k${n}`, `value ${n} `.repeat(15));
    const appended = storage.append(workspace!, last!); // called in the same tick: the doc's order
    if (mode === 'compact' && n % 100 === 99) void storage.compact(workspace!, Y.encodeStateAsUpdate(doc));
    await appended;
    process.stdout.write(`ok ${n}\n`);
  }
}

for (let i = 0; i < 16; i++) void writer();
