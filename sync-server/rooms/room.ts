/**
 * @module One loaded workspace: its Y.Doc, awareness, members, and the write pipeline that makes
 * "stored before relayed" true. Updates applied in one tick are merged and appended as one record
 * (group commit); only when that append resolved are they relayed, and sync-step-2 replies wait
 * for the same point (whenStored). Compaction rewrites the state when the log has grown.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { initWorkspace } from '../../shared/doc/init';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import { encodeAwareness, encodeUpdate } from '../protocol/messages';
import type { DocumentStorage } from '../storage/storage';

/** A connection as the room sees it. */
export interface RoomMember {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  workspace: string;
  storage: DocumentStorage;
  logger: Logger;
  metrics: Metrics;
  maxDocBytes: number;
  compactAfterBytes: number;
  /** Name written into meta when the workspace is new; default: the workspace id. */
  initialName?: string;
  /** Called once when storage failed and the room must be dropped without compaction. */
  onFailed(room: Room): void;
}

type State = 'loading' | 'ready' | 'unloading' | 'closed' | 'failed';
type Pending = { update: Uint8Array; origin: unknown };
interface Batch {
  items: Pending[];
  bytes: number;
  stored: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

const LOAD_ORIGIN = 'closeloop:load';

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each member with the awareness client ids it controls (removed when it leaves). */
  readonly members = new Map<RoomMember, Set<number>>();
  readonly ready: Promise<void>;
  state: State = 'loading';
  /** Whether loading found nothing stored and initialised the workspace. */
  created = false;
  /** Bytes in storage (by our count): the compacted base plus the log appended since. */
  private baseBytes = 0;
  private logBytes = 0;
  /** Stored as several records (snapshot + log): worth compacting into one on unload. */
  private fragmented = false;
  private batch: Batch | null = null;
  private lastWrite: Promise<void> = Promise.resolve();
  private compacting: Promise<void> | null = null;
  private readonly log: Logger;

  constructor(private readonly options: RoomOptions) {
    this.log = options.logger.child({ workspace: options.workspace });
    this.awareness.setLocalState(null); // the server is not a participant
    this.awareness.on('update', this.onAwareness);
    this.ready = this.load();
    this.ready.catch(() => {}); // observed by joiners; an unobserved rejection must not crash the process
  }

  get workspace(): string {
    return this.options.workspace;
  }

  /** Bytes this document would take in storage after an update of `bytes`: refuses growth past the limit. */
  admits(bytes: number): boolean {
    const { maxDocBytes } = this.options;
    const queued = this.batch?.bytes ?? 0;
    if (this.baseBytes + this.logBytes + queued + bytes <= maxDocBytes) return true;
    // The log may hold superseded history; measure the real state before refusing...
    if (Y.encodeStateAsUpdate(this.doc).byteLength + bytes > maxDocBytes) return false;
    // ...and rewrite it, so the next check is cheap again.
    this.startCompaction();
    return true;
  }

  /** The clock this document holds for a Yjs client id. */
  clock(client: number): number {
    return Y.getState(this.doc.store, client);
  }

  /** Resolves once everything applied so far is stored; rejects when storage failed. */
  whenStored(): Promise<void> {
    return this.batch ? this.batch.stored : this.lastWrite;
  }

  addMember(member: RoomMember): void {
    this.members.set(member, new Set());
  }

  removeMember(member: RoomMember): void {
    const controlled = this.members.get(member);
    if (!controlled) return;
    this.members.delete(member);
    if (controlled.size > 0 && this.state !== 'closed') {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
    }
  }

  /** Writes outstanding updates, compacts when anything was appended since load, frees the doc. */
  async unload(): Promise<void> {
    await this.ready.catch(() => {}); // (shutdown may catch a room mid-load)
    if (this.state !== 'ready') return this.destroy();
    this.state = 'unloading';
    try {
      await this.whenStored();
      await this.compacting;
      if (this.logBytes > 0 || this.fragmented) await this.compact();
    } finally {
      this.destroy();
    }
  }

  private async load(): Promise<void> {
    const { storage, workspace } = this.options;
    const started = performance.now();
    let updates: Uint8Array[];
    try {
      updates = await storage.load(workspace);
      // Applied before the update listener exists: loading must not append what is already stored.
      this.doc.transact(() => {
        for (const update of updates) Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
      }, LOAD_ORIGIN);
    } catch (error) {
      // Never serve (or later compact) half a document.
      this.state = 'failed';
      this.log.error('document load failed', { error });
      throw error;
    }
    this.baseBytes = updates.reduce((sum, u) => sum + u.byteLength, 0);
    this.fragmented = updates.length > 1;
    this.doc.on('update', this.onUpdate);
    this.created = initWorkspace(this.doc, { name: this.options.initialName ?? workspace });
    this.state = 'ready';
    this.log.info(this.created ? 'workspace created' : 'document loaded', {
      records: updates.length, bytes: this.baseBytes, ms: Math.round(performance.now() - started),
    });
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    if (!this.batch) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const stored = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      stored.catch(() => {});
      this.batch = { items: [], bytes: 0, stored, resolve, reject };
      // setImmediate, not a microtask: every message read in this I/O phase joins the batch.
      setImmediate(this.flush);
    }
    this.batch.items.push({ update, origin });
    this.batch.bytes += update.byteLength;
  };

  private readonly flush = (): void => {
    const batch = this.batch;
    if (!batch || this.state === 'failed' || this.state === 'closed') return;
    this.batch = null;
    const merged = batch.items.length === 1 ? batch.items[0]!.update : Y.mergeUpdates(batch.items.map((i) => i.update));
    this.logBytes += merged.byteLength;
    // Storage completes appends in call order, so waiting for the last one waits for all.
    this.lastWrite = batch.stored;
    this.options.storage.append(this.workspace, merged).then(
      () => {
        this.options.metrics.bytesStored(merged.byteLength);
        batch.resolve();
        this.relay(batch.items, merged);
        this.maybeCompact();
      },
      (error: unknown) => {
        batch.reject(error);
        this.fail(error);
      },
    );
  };

  /**
   * Sends the batch, merged and encoded once, to every member except one that sent all of it.
   * A member whose update shares a batch with others gets its own part back, which Yjs ignores:
   * far cheaper than merging a separate "everyone else's" update per sender, which made the cost
   * of a batch grow with senders x updates just when the server fell behind (bench:server).
   */
  private relay(items: Pending[], merged: Uint8Array): void {
    if (this.state === 'closed' || this.state === 'failed') return;
    const soleSender = items.every((i) => i.origin === items[0]!.origin) ? items[0]!.origin : null;
    const message = encodeUpdate(merged);
    let sent = 0;
    for (const member of this.members.keys()) {
      if (member === soleSender) continue;
      member.send(message);
      sent++;
    }
    this.options.metrics.updatesOut(sent);
  }

  private maybeCompact(): void {
    // Past the threshold, and past the base too: a large document is not rewritten per small log.
    if (this.logBytes > Math.max(this.options.compactAfterBytes, this.baseBytes)) this.startCompaction();
  }

  private startCompaction(): void {
    if (this.compacting || this.state !== 'ready') return;
    // A failed compaction leaves the old records in place (storage contract), so it is only logged.
    this.compacting = this.compact().catch((error) => this.log.warn('compaction failed', { error }))
      .finally(() => (this.compacting = null));
  }

  private async compact(): Promise<void> {
    const state = Y.encodeStateAsUpdate(this.doc);
    const before = this.baseBytes + this.logBytes;
    const logAtCall = this.logBytes;
    await this.options.storage.compact(this.workspace, state);
    // Appends called after compact() started are kept by storage; they stay in the log count.
    this.logBytes -= logAtCall;
    this.baseBytes = state.byteLength;
    this.fragmented = false;
    this.log.info('document compacted', { bytesBefore: before, bytesAfter: this.baseBytes + this.logBytes });
  }

  private readonly onAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.members.get(origin as RoomMember);
    if (controlled) {
      for (const id of added) controlled.add(id);
      for (const id of removed) controlled.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0 || this.members.size === 0) return;
    // Awareness is ephemeral (never stored), so it is relayed at once, to everyone.
    const message = encodeAwareness(this.awareness, changed);
    for (const member of this.members.keys()) member.send(message);
  };

  /** Storage refused a write: what is in memory may not be stored, so drop it all; clients resend. */
  private fail(error: unknown): void {
    if (this.state === 'failed' || this.state === 'closed') return;
    this.state = 'failed';
    this.log.error('storage write failed; dropping the document, clients will resend', { error });
    for (const member of [...this.members.keys()]) member.close(1011, 'storage failed');
    this.options.onFailed(this);
  }

  /** Frees the document without writing anything (used directly for a room that failed). */
  destroy(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.batch = null;
    this.awareness.off('update', this.onAwareness);
    this.awareness.destroy();
    this.doc.off('update', this.onUpdate);
    this.doc.destroy();
  }
}
