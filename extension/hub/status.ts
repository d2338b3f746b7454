/** @module The hub's connection state in words, as people read it in the options page and popup. */
import type { ConnectionState, HubStatus } from '../messaging/protocol';
import { plural } from '../ui/words';
import type { ReplicaStatus } from './replica';


export function describeLink(link: ReplicaStatus['link'] | null, pending: number, now: number): { state: ConnectionState; words: string; problem: string | null } {
  const waiting = pending > 0 ? ` — ${plural(pending, 'change')} waiting` : '';
  if (!link) return { state: 'not_joined', words: 'Not connected to a workspace', problem: null };
  switch (link.state) {
    case 'loading':
      return { state: 'loading', words: 'Opening your workspace…', problem: null };
    case 'connecting':
      return { state: 'connecting', words: `Connecting…${waiting}`, problem: null };
    case 'connected':
      return { state: 'connected', words: 'Connected', problem: null };
    case 'offline':
      return { state: 'offline', words: `Offline${waiting || ' — everything is saved on this device'}`, problem: null };
    case 'unreachable': {
      const seconds = Math.max(1, Math.round((link.retryAt - now) / 1000));
      return { state: 'unreachable', words: `Server unreachable${waiting}; retrying in ${seconds} s`, problem: link.reason };
    }
    case 'refused':
      return { state: 'refused', words: `${link.by === 'token' ? 'Token refused' : 'Refused by the server'}${waiting}`, problem: link.reason };
  }
}

export function emptyStatus(managed: boolean): HubStatus {
  return {
    ...describeLink(null, 0, 0), pending: 0, workspace: null, me: null, online: [], captureCount: 0, lastSyncedAt: null, managed,
  };
}
