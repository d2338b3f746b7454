/**
 * @module File steps of the embedded disk storage, one workspace folder at a time: whole writes,
 * directory fsync, atomic snapshot replacement and verified reads that cut a damaged log tail.
 */
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { decodeSnapshot, encodeSnapshot, scanLog } from './disk-format';

const plain = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

export const isMissing = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT';

/** pwrite(2) until every byte is out: a regular file may take fewer bytes than asked. */
export async function writeAll(file: FileHandle, bytes: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < bytes.byteLength; ) {
    const { bytesWritten } = await file.write(bytes, done, bytes.byteLength - done, position + done);
    done += bytesWritten;
  }
}

/** Makes a rename or a new file in `dir` durable. Platforms that cannot fsync a directory skip it. */
export async function syncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (error) {
    if (!['EISDIR', 'EINVAL', 'EPERM', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close();
  }
}

/** Size of `file` in bytes, 0 when it does not exist. */
export async function sizeOf(file: string): Promise<number> {
  return fs.stat(file).then((s) => s.size, (e) => (isMissing(e) ? 0 : Promise.reject(e)));
}

/** The verified snapshot payload, null when there is none; a damaged snapshot throws naming the file. */
export async function readSnapshot(file: string): Promise<Uint8Array | null> {
  try {
    return decodeSnapshot(plain(await fs.readFile(file)), file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/**
 * Writes `state` beside `file`, fsyncs it, renames it over `file` and fsyncs the folder: a crash
 * at any point leaves the old snapshot or the new one, never a mix (a stale .tmp is overwritten
 * next time). Always fsynced, whatever the append setting: compaction is rare, and on a power loss
 * a rename that reached the disk before its data would lose the old snapshot too.
 */
export async function replaceSnapshot(file: string, state: Uint8Array): Promise<void> {
  const tmp = `${file}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await writeAll(handle, encodeSnapshot(state), 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.rename(tmp, file);
  await syncDir(path.dirname(file));
}

export interface VerifiedLog {
  records: Uint8Array[];
  /** Where the next record goes; 0 when there is no usable file (not even a whole header). */
  end: number;
}

/**
 * Reads and verifies a log. A damaged tail (a torn last write, or a failed checksum, from which
 * point no later record boundary can be trusted) is copied to `log.cut-<time>.bin` beside the log
 * for a person to inspect, truncated away, and described to `report`: never thrown, never kept.
 */
export async function readVerifiedLog(
  file: string,
  report: (message: string) => void,
  open?: FileHandle | null,
): Promise<VerifiedLog> {
  let bytes: Uint8Array;
  try {
    bytes = plain(await fs.readFile(file));
  } catch (error) {
    if (isMissing(error)) return { records: [], end: 0 };
    throw error;
  }
  const scan = scanLog(bytes, file);
  if (scan.damage) {
    const tail = bytes.subarray(scan.goodLength);
    const aside = path.join(path.dirname(file), `log.cut-${Date.now()}.bin`);
    let kept = `saved to ${aside}`;
    await fs.writeFile(aside, tail, { flag: 'wx' }).catch((e: Error) => { kept = `not saved (${e.message})`; });
    await (open ? open.truncate(scan.goodLength) : fs.truncate(file, scan.goodLength));
    try {
      report(`Cut ${tail.byteLength} damaged bytes off ${file} (${scan.damage}); kept the ` +
        `${scan.records.length} good records before it; the cut bytes were ${kept}.`);
    } catch { /* a logging hook must not fail the load */ }
  }
  return { records: scan.records, end: scan.goodLength };
}
