/**
 * @module A member's replica of one workspace: the Y.Doc, saved in IndexedDB first and synced
 * through the server. Counts local changes made while not connected ("N changes waiting") and
 * keeps the count across service-worker restarts in the replica's own IndexedDB.
 */
import { IndexeddbPersistence } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { migrateWorkspace } from '../../shared/doc/migrations';
import { MUTATION_ORIGIN } from '../../shared/doc/origins';
import type { Invite } from '../../shared/invite';
import type { MutationContext } from '../../shared/mutations/context';
import { colorFor } from '../../shared/mutations/members';
import { createWorkspaceView, type WorkspaceView } from '../../shared/read/workspace-view';
import { installChunkedSync } from './chunked-sync';
import { manageConnection, probeAuth, type LinkState } from './connection';

export interface ReplicaStatus {
  link: LinkState | { state: 'loading' };
  pending: number;
  lastSyncedAt: string | null;
  online: { id: string; name: string; color: string }[];
}

export interface Replica {
  readonly invite: Invite;
  readonly doc: Y.Doc;
  readonly view: WorkspaceView;
  /** Resolves once the local copy is loaded from IndexedDB. */
  readonly ready: Promise<void>;
  status(): ReplicaStatus;
  onStatus(listener: () => void): () => void;
  /** Called once per successful sync (after reconnects too). */
  onSynced(listener: () => void): () => void;
  context(memberId: string): MutationContext;
  setPresence(user: { id: string; name: string } | null): void;
  /** Resolves when every change made so far is committed to IndexedDB. */
  flushLocal(): Promise<void>;
  retryNow(): void;
  destroy(): Promise<void>;
  /** Destroys the replica and deletes its local copy (leaving a workspace). */
  clearLocalData(): Promise<void>;
}

export interface ReplicaEnv {
  WebSocket?: typeof WebSocket;
  fetch?: typeof fetch;
  isOnline?: () => boolean;
  /** Where 'online' events come from (the service worker's global scope). */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
  now?: () => number;
  /** Largest websocket message sent (chunked-sync.ts); must stay under the server's MAX_FRAME_BYTES. Default 1 MiB. */
  maxMessageBytes?: number;
  /** Who this replica writes as (a schema migration it runs is logged as theirs; the server checks it). */
  memberId?: string;
}

/** The IndexedDB database name of a workspace replica; the server is part of it so two servers never mix. */
export function replicaDatabaseName(invite: Invite): string {
  return `closeloop:${invite.server}:${invite.workspace}`;
}

export function openReplica(invite: Invite, env: ReplicaEnv = {}): Replica {
  const now = env.now ?? Date.now;
  const doc = new Y.Doc();
  const view = createWorkspaceView(doc);
  const persistence = new IndexeddbPersistence(replicaDatabaseName(invite), doc);
  const provider = new WebsocketProvider(invite.server, invite.workspace, doc, {
    connect: false,
    disableBc: true,
    params: { token: invite.token },
    ...(env.WebSocket ? { WebSocketPolyfill: env.WebSocket } : {}),
  });
  // A catch-up or a bulk change bigger than the server's frame limit would be refused forever.
  installChunkedSync(provider, { maxMessageBytes: env.maxMessageBytes });
  const statusListeners = new Set<() => void>();
  const syncedListeners = new Set<() => void>();
  let link: ReplicaStatus['link'] = { state: 'loading' };
  let pending = 0;
  let lastSyncedAt: string | null = null;
  let connection: ReturnType<typeof manageConnection> | null = null;
  let destroyed = false;
  const notify = () => statusListeners.forEach((listener) => listener());
  const savePending = () => void persistence.set('sync', JSON.stringify({ pending, lastSyncedAt })).catch(() => {});

  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== MUTATION_ORIGIN || link.state === 'connected') return;
    pending++;
    savePending();
    notify();
  };
  doc.on('update', onUpdate);
  const onAwareness = () => notify();
  provider.awareness.on('change', onAwareness);
  const onOnline = () => connection?.retryNow();
  env.events?.addEventListener('online', onOnline);

  const ready = (async () => {
    await persistence.whenSynced;
    const saved = parseSyncRecord(await persistence.get('sync').catch(() => null));
    pending = Math.max(pending, saved?.pending ?? 0);
    lastSyncedAt = saved?.lastSyncedAt ?? null;
    if (destroyed) return;
    connection = manageConnection({
      provider,
      checkAuth: () => probeAuth(invite.server, invite.workspace, invite.token, env.fetch ?? fetch),
      isOnline: env.isOnline ?? (() => globalThis.navigator?.onLine ?? true),
      now,
      onChange(next) {
        link = next;
        if (next.state === 'connected') {
          pending = 0;
          lastSyncedAt = new Date(now()).toISOString();
          savePending();
          migrateWorkspace(doc, env.memberId ? { actor: env.memberId } : {});
          syncedListeners.forEach((listener) => listener());
        }
        notify();
      },
    });
  })();

  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    connection?.stop();
    doc.off('update', onUpdate);
    provider.awareness.off('change', onAwareness);
    env.events?.removeEventListener('online', onOnline);
    provider.destroy();
    await persistence.destroy();
    view.destroy();
    doc.destroy();
  };

  return {
    invite,
    doc,
    view,
    ready,
    status: () => ({ link, pending, lastSyncedAt, online: othersOnline(provider, doc.clientID) }),
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onSynced(listener) {
      syncedListeners.add(listener);
      return () => syncedListeners.delete(listener);
    },
    context: (memberId) => ({ doc, actor: memberId, now }),
    setPresence(user) {
      provider.awareness.setLocalStateField('user', user ? { ...user, color: colorFor(user.id) } : null);
    },
    flushLocal: () => flushIndexedDb(persistence),
    retryNow: () => connection?.retryNow(),
    destroy,
    async clearLocalData() {
      await destroy();
      await new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase(replicaDatabaseName(invite));
        request.onsuccess = request.onerror = request.onblocked = () => resolve();
      });
    },
  };
}

function parseSyncRecord(raw: unknown): { pending?: number; lastSyncedAt?: string | null } | null {
  if (typeof raw !== 'string') return null;
  try {
    const value = JSON.parse(raw) as { pending?: unknown; lastSyncedAt?: unknown };
    return {
      pending: Number.isSafeInteger(value.pending) ? (value.pending as number) : 0,
      lastSyncedAt: typeof value.lastSyncedAt === 'string' ? value.lastSyncedAt : null,
    };
  } catch {
    return null;
  }
}

function othersOnline(provider: WebsocketProvider, self: number): ReplicaStatus['online'] {
  const seen = new Map<string, ReplicaStatus['online'][number]>();
  provider.awareness.getStates().forEach((state, clientId) => {
    const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } }).user;
    if (clientId === self || !user || typeof user.id !== 'string' || typeof user.name !== 'string') return;
    seen.set(user.id, { id: user.id, name: user.name.slice(0, 80), color: typeof user.color === 'string' ? user.color : '#64748b' });
  });
  return [...seen.values()];
}

/**
 * IndexedDB runs read-write transactions on one store in creation order, so when a new one on
 * y-indexeddb's "updates" store completes, every update queued before it is committed.
 */
async function flushIndexedDb(persistence: IndexeddbPersistence): Promise<void> {
  await persistence.whenSynced;
  const db = (persistence as unknown as { db: IDBDatabase | null }).db;
  if (!db) return;
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction(['updates'], 'readwrite');
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error ?? new Error('IndexedDB write failed'));
  });
}
