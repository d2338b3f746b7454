/**
 * @module The table of loaded workspace documents. Load and unload are serialised per workspace:
 * a join that arrives while the document is unloading waits for the unload to finish and then
 * loads it afresh, so nobody ever sees a half-unloaded document. A document is unloaded
 * IDLE_UNLOAD_MS after its last member left, once its writes are stored.
 */
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { DocumentStorage } from '../storage/storage';
import { Room, type RoomMember } from './room';

export interface RoomsOptions {
  storage: DocumentStorage;
  logger: Logger;
  metrics: Metrics;
  idleUnloadMs: number;
  maxDocBytes: number;
  compactAfterBytes: number;
  /** Called once a room that found nothing stored has initialised its workspace. */
  onCreated?(room: Room): void;
}

interface Entry {
  room: Room;
  idle: NodeJS.Timeout | null;
  /** Set while the room is being unloaded; resolves once it is gone from the table. */
  unloading: Promise<void> | null;
}

export interface Rooms {
  /** Adds `member` to the workspace's room (loading it if needed); resolves once the stored state is in. */
  join(workspace: string, member: RoomMember, options?: { initialName?: string }): Promise<Room>;
  leave(room: Room, member: RoomMember): void;
  /** Documents in memory (loading, loaded or unloading). */
  count(): number;
  /** Unloads every document (flush, compact, free); for shutdown. */
  closeAll(): Promise<void>;
}

export function createRooms(options: RoomsOptions): Rooms {
  const table = new Map<string, Entry>();
  const log = options.logger;

  function create(workspace: string, initialName?: string): Entry {
    const entry: Entry = { room: null as unknown as Room, idle: null, unloading: null };
    entry.room = new Room({
      workspace,
      initialName,
      storage: options.storage,
      logger: options.logger,
      metrics: options.metrics,
      maxDocBytes: options.maxDocBytes,
      compactAfterBytes: options.compactAfterBytes,
      onFailed: () => drop(entry),
    });
    table.set(workspace, entry);
    return entry;
  }

  /** Forgets a room that failed; its members are being closed, the next join loads afresh. */
  function drop(entry: Entry): void {
    if (entry.idle) clearTimeout(entry.idle);
    if (table.get(entry.room.workspace) === entry) table.delete(entry.room.workspace);
    entry.room.destroy();
  }

  function unload(entry: Entry): Promise<void> {
    if (entry.idle) clearTimeout(entry.idle);
    entry.idle = null;
    entry.unloading ??= (async () => {
      const { workspace } = entry.room;
      try {
        await entry.room.unload();
        log.info('document unloaded', { workspace });
      } catch (error) {
        log.error('document unload failed; stored updates are kept', { workspace, error });
        entry.room.destroy();
      } finally {
        if (table.get(workspace) === entry) table.delete(workspace);
      }
    })();
    return entry.unloading;
  }

  function scheduleIdle(entry: Entry): void {
    const { room } = entry;
    if (room.members.size > 0 || entry.unloading || entry.idle) return;
    // A member that left while the document was still loading: decide once the load settled.
    if (room.state === 'loading') return void room.ready.then(() => scheduleIdle(entry), () => {});
    if (room.state !== 'ready' || table.get(room.workspace) !== entry) return;
    entry.idle = setTimeout(() => void unload(entry), options.idleUnloadMs);
    entry.idle.unref();
  }

  return {
    async join(workspace, member, joinOptions = {}) {
      for (;;) {
        const existing = table.get(workspace);
        if (existing?.unloading) {
          await existing.unloading;
          continue;
        }
        const usable = existing && (existing.room.state === 'loading' || existing.room.state === 'ready');
        const entry = usable ? existing : create(workspace, joinOptions.initialName);
        if (entry.idle) clearTimeout(entry.idle);
        entry.idle = null;
        // Added before awaiting: a member that is waiting for the load keeps the room from unloading.
        entry.room.addMember(member);
        const fresh = !usable;
        try {
          await entry.room.ready;
        } catch (error) {
          entry.room.removeMember(member);
          drop(entry);
          throw error;
        }
        if (fresh && entry.room.created) options.onCreated?.(entry.room);
        return entry.room;
      }
    },

    leave(room, member) {
      room.removeMember(member);
      const entry = table.get(room.workspace);
      if (entry?.room === room) scheduleIdle(entry);
    },

    count: () => table.size,

    async closeAll() {
      await Promise.all([...table.values()].map((entry) => unload(entry)));
    },
  };
}
