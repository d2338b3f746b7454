/**
 * @module The on-disk byte formats of the embedded storage: the snapshot file and the framed,
 * append-only update log. Pure functions over bytes, so every damage case is testable without I/O.
 *
 * snapshot.bin  = "CLSN" | u32 version | u32 length | u32 crc32(payload) | payload
 * log.bin       = "CLLG" | u32 version | record*
 * record        = u32 length | u32 crc32(length bytes, then payload) | payload
 *
 * All integers are little-endian. The record CRC covers its length field too, so a damaged length
 * is caught even when it happens to point inside the file.
 */
import { crc32 } from 'node:zlib';

export const FORMAT_VERSION = 1;
export const SNAPSHOT_MAGIC = 'CLSN';
export const LOG_MAGIC = 'CLLG';
export const SNAPSHOT_HEADER_BYTES = 16;
export const LOG_HEADER_BYTES = 8;
export const RECORD_HEADER_BYTES = 8;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function magicOf(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes.subarray(0, 4));
}

function header(magic: string, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < 4; i++) out[i] = magic.charCodeAt(i);
  view(out).setUint32(4, FORMAT_VERSION, true);
  return out;
}

/** The first bytes of a fresh log file. */
export function encodeLogHeader(): Uint8Array {
  return header(LOG_MAGIC, LOG_HEADER_BYTES);
}

export function encodeSnapshot(state: Uint8Array): Uint8Array {
  const out = header(SNAPSHOT_MAGIC, SNAPSHOT_HEADER_BYTES + state.byteLength);
  view(out).setUint32(8, state.byteLength, true);
  view(out).setUint32(12, crc32(state), true);
  out.set(state, SNAPSHOT_HEADER_BYTES);
  return out;
}

/** The payload of a snapshot file; throws naming `file` when it is not exactly what we wrote. */
export function decodeSnapshot(bytes: Uint8Array, file: string): Uint8Array {
  const fail = (why: string): never => {
    throw new Error(
      `Snapshot ${file} is damaged (${why}); refusing to load it rather than lose data. ` +
        'Restore it from a backup, or move it aside to start from the update log alone.',
    );
  };
  if (bytes.byteLength < SNAPSHOT_HEADER_BYTES) fail(`only ${bytes.byteLength} bytes`);
  if (magicOf(bytes) !== SNAPSHOT_MAGIC) fail('not a Closeloop snapshot: wrong magic bytes');
  const version = view(bytes).getUint32(4, true);
  if (version !== FORMAT_VERSION) fail(`unknown format version ${version}`);
  const length = view(bytes).getUint32(8, true);
  if (bytes.byteLength !== SNAPSHOT_HEADER_BYTES + length) {
    fail(`header says ${length} payload bytes, file holds ${bytes.byteLength - SNAPSHOT_HEADER_BYTES}`);
  }
  const payload = bytes.subarray(SNAPSHOT_HEADER_BYTES);
  if (crc32(payload) !== view(bytes).getUint32(12, true)) fail('checksum mismatch');
  return payload;
}

function recordCrc(lengthField: Uint8Array, payload: Uint8Array): number {
  return crc32(payload, crc32(lengthField));
}

/** One buffer holding every update framed as a log record, for a single write call. */
export function encodeRecords(updates: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const u of updates) total += RECORD_HEADER_BYTES + u.byteLength;
  const out = new Uint8Array(total);
  const dv = view(out);
  let at = 0;
  for (const u of updates) {
    dv.setUint32(at, u.byteLength, true);
    dv.setUint32(at + 4, recordCrc(out.subarray(at, at + 4), u), true);
    out.set(u, at + RECORD_HEADER_BYTES);
    at += RECORD_HEADER_BYTES + u.byteLength;
  }
  return out;
}

export interface LogScan {
  /** The verified records, oldest first (views into the scanned bytes). */
  records: Uint8Array[];
  /** Bytes up to the end of the last good record (the header alone for an empty log; 0 for no header). */
  goodLength: number;
  /** Why the bytes past `goodLength` are not trusted; null when the whole file is good. */
  damage: string | null;
}

/**
 * Verifies a log file's bytes. A bad record and everything after it are "damage": we cannot find
 * the next record boundary reliably once one length or checksum is wrong. A file cut inside its
 * header (a crash while creating it) is damage at offset 0; a wrong header is an error naming `file`.
 */
export function scanLog(bytes: Uint8Array, file: string): LogScan {
  if (bytes.byteLength < LOG_HEADER_BYTES) {
    const expected = encodeLogHeader();
    if (!bytes.every((b, i) => b === expected[i])) {
      throw new Error(`Update log ${file} has a damaged header (${bytes.byteLength} bytes); move it aside to continue.`);
    }
    const damage = bytes.byteLength === 0 ? null : `log header cut short at ${bytes.byteLength} bytes`;
    return { records: [], goodLength: 0, damage };
  }
  const version = view(bytes).getUint32(4, true);
  if (magicOf(bytes) !== LOG_MAGIC || version !== FORMAT_VERSION) {
    throw new Error(`Update log ${file} is not a Closeloop log of format version ${FORMAT_VERSION}; move it aside to continue.`);
  }
  const dv = view(bytes);
  const records: Uint8Array[] = [];
  let at = LOG_HEADER_BYTES;
  while (at < bytes.byteLength) {
    const left = bytes.byteLength - at;
    const where = `record ${records.length + 1} at byte ${at}`;
    if (left < RECORD_HEADER_BYTES) return { records, goodLength: at, damage: `${where}: header cut short (${left} bytes)` };
    const length = dv.getUint32(at, true);
    if (length > left - RECORD_HEADER_BYTES) {
      return { records, goodLength: at, damage: `${where}: ${length} bytes announced, ${left - RECORD_HEADER_BYTES} present` };
    }
    const payload = bytes.subarray(at + RECORD_HEADER_BYTES, at + RECORD_HEADER_BYTES + length);
    if (recordCrc(bytes.subarray(at, at + 4), payload) !== dv.getUint32(at + 4, true)) {
      return { records, goodLength: at, damage: `${where}: checksum mismatch` };
    }
    records.push(payload);
    at += RECORD_HEADER_BYTES + length;
  }
  return { records, goodLength: at, damage: null };
}
