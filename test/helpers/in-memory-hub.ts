/**
 * @module A real hub over an in-memory workspace, behind the same HubClient interface pages use.
 * For UI model tests: real mutations, real queries, real live-query pushes; only IndexedDB and
 * the network are left out. Values cross a structured clone, as they do between extension contexts.
 */
import * as Y from 'yjs';
import type { AdminApi } from '../../extension/hub/admin-api';
import { createHub, type Hub } from '../../extension/hub/hub';
import type { Replica, ReplicaStatus } from '../../extension/hub/replica';
import { HubCallError, type HubClient } from '../../extension/messaging/hub-client';
import { applyPolicy, DEFAULT_PREFERENCES, type Settings } from '../../extension/settings/settings';
import type { Invite } from '../../shared/invite';
import { registerMember } from '../../shared/mutations/members';
import { createWorkspaceView } from '../../shared/read/workspace-view';

export const TEST_INVITE: Invite = { server: 'ws://memory.test', workspace: 'team', token: `v1.${btoa(JSON.stringify({ r: 'editor' })).replace(/=+$/, '')}.sig` };

/** A replica with no IndexedDB and no socket, permanently "connected". */
export function localReplica(invite: Invite = TEST_INVITE, doc = new Y.Doc(), now: () => number = Date.now): Replica {
  const view = createWorkspaceView(doc);
  const status: ReplicaStatus = { link: { state: 'connected' }, pending: 0, lastSyncedAt: new Date(now()).toISOString(), online: [] };
  return {
    invite, doc, view,
    ready: Promise.resolve(),
    status: () => status,
    onStatus: () => () => {},
    onSynced: () => () => {},
    context: (memberId) => ({ doc, actor: memberId, now }),
    setPresence: () => {},
    flushLocal: async () => {},
    retryNow: () => {},
    destroy: async () => { view.destroy(); },
    clearLocalData: async () => { view.destroy(); },
  };
}

export interface InMemoryHub {
  hub: Hub;
  client: HubClient;
  doc: Y.Doc;
  memberId: string;
  /** Another member's mutation context, for changes "from someone else". */
  peer(memberId: string, name: string): { doc: Y.Doc; actor: string; now: () => number };
}

/** An invite whose token claims `role` (the hub only peeks at it; nothing here verifies it). */
export function inviteAs(role: 'editor' | 'viewer' | 'admin', member?: string): Invite {
  const claims = btoa(JSON.stringify({ r: role, ...(member ? { m: member } : {}) })).replace(/=+$/, '');
  return { ...TEST_INVITE, token: `v1.${claims}.sig`, ...(member ? { member } : {}) };
}

export async function inMemoryHub(options: {
  memberId?: string; name?: string; doc?: Y.Doc; now?: () => number; invite?: Invite; admin?: AdminApi;
} = {}): Promise<InMemoryHub> {
  const doc = options.doc ?? new Y.Doc();
  const now = options.now ?? (() => Date.UTC(2026, 10, 22, 9, 0, 0));
  let settings: Settings = {
    memberId: options.memberId ?? 'mem_me', name: options.name ?? 'Me', invite: options.invite ?? TEST_INVITE, preferences: { ...DEFAULT_PREFERENCES },
  };
  const hub = createHub({
    loadSettings: async () => applyPolicy(settings, {}),
    saveSettings: async (update) => { settings = update(settings); },
    openReplica: (invite) => localReplica(invite, doc, now),
    checkAuth: async () => ({ ok: true }),
    openPage: async () => {},
    admin: options.admin,
    now,
  });
  await hub.ready;
  return {
    hub, client: hubClient(hub), doc, memberId: hub.status().me?.id ?? settings.memberId,
    peer(memberId, name) {
      const ctx = { doc, actor: memberId, now };
      registerMember(ctx, { name, role: 'editor' });
      return ctx;
    },
  };
}

/** HubClient over a hub in the same process, with the port's semantics (clone, async, push on change). */
export function hubClient(hub: Hub): HubClient {
  const subscriptions = new Set<() => void>();
  return {
    async call(name, args) {
      try {
        return structuredClone(await hub.command(name, structuredClone(args)));
      } catch (error) {
        const e = error as { error?: { code: HubCallError['code']; message: string }; message: string };
        throw new HubCallError(e.error?.code ?? 'internal', e.error?.message ?? e.message);
      }
    },
    subscribe(name, args, onValue, onError) {
      let last = '';
      const push = () => {
        try {
          const value = hub.query(name, structuredClone(args));
          const json = JSON.stringify(value);
          if (json === last) return;
          last = json;
          onValue(JSON.parse(json));
        } catch (error) {
          const e = error as { error?: { code: HubCallError['code']; message: string }; message: string };
          onError?.(new HubCallError(e.error?.code ?? 'internal', e.error?.message ?? e.message));
        }
      };
      queueMicrotask(push);
      const off = hub.onChange(() => queueMicrotask(push));
      const stop = () => { off(); subscriptions.delete(stop); };
      subscriptions.add(stop);
      return stop;
    },
    close() {
      for (const stop of [...subscriptions]) stop();
    },
  };
}
