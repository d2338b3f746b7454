/**
 * @module The storage contract of the sync server. A workspace's state is a sequence of Yjs
 * updates; applying them in order (in any order, in fact: Yjs updates commute) rebuilds it.
 */

export interface DocumentStorage {
  /** Every update stored for `workspace`, oldest first; an empty list for a workspace never written. */
  load(workspace: string): Promise<Uint8Array[]>;
  /**
   * Appends one update. Resolves only once the bytes are written where a crash of this process
   * (even SIGKILL) cannot lose them; calls for one workspace complete in call order.
   */
  append(workspace: string, update: Uint8Array): Promise<void>;
  /**
   * Replaces everything stored for `workspace` with `state` (the merge of all updates so far,
   * e.g. `Y.encodeStateAsUpdate(doc)`). Atomic: a crash leaves either the old or the new data.
   * Updates appended after this call started are kept.
   */
  compact(workspace: string, state: Uint8Array): Promise<void>;
  /** Bytes stored for `workspace` now (0 when none). */
  size(workspace: string): Promise<number>;
  /** Completes pending writes and releases files. */
  close(): Promise<void>;
}
