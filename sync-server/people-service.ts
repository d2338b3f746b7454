/**
 * @module The running server's side of people: who is online, last seen, joins and refusals in the
 * audit log, shared-invite members recorded when they first write, the admin API's actions, and
 * closing the sockets of people whose access was withdrawn (`recheck`, run several times a second
 * and at once after an admin's revoke, so a revoked person is cut within a second).
 */
import type { AccessRole } from '../shared/invite';
import { RECORD_ID_PATTERN } from '../shared/util/ids';
import type { Member } from '../shared/schema/records';
import type { Access } from './auth/access';
import { disableSharedInvites, issueInvite, revokeMember } from './auth/invites';
import type { AuditLog } from './audit';
import type { AdminActions, AdminPerson } from './http/admin';
import type { Logger } from './logger';
import { REFUSAL_TEXT } from './http/upgrade';
import type { Connection } from './protocol/connection';

export interface PeopleServiceOptions {
  access: Access;
  audit: AuditLog;
  logger: Logger;
  dataDir: string;
  /** Websocket URL written into invites made through the API. */
  publicUrl(): string;
  connections(workspace: string): Iterable<Connection>;
  workspaces(): Iterable<string>;
  /** The member records of a workspace's document (loads it when needed). */
  members(workspace: string): Promise<Member[]>;
  now?: () => number;
}

/** lastSeenAt is written at most this often per person (it is shown to the minute). */
const LAST_SEEN_EVERY_MS = 60_000;

export function createPeopleService(o: PeopleServiceOptions) {
  const now = o.now ?? Date.now;
  const lastWritten = new Map<string, number>();

  function seen(workspace: string, member: string, via: 'invite' | 'shared', role: AccessRole, name?: string): void {
    const key = `${workspace}\u0000${member}`;
    if (now() - (lastWritten.get(key) ?? -Infinity) < LAST_SEEN_EVERY_MS) return;
    lastWritten.set(key, now());
    try {
      const first = o.access.change(workspace, (people) => {
        const at = new Date(now()).toISOString();
        const existing = Object.hasOwn(people.people, member) ? people.people[member] : undefined;
        if (existing) {
          const firstTime = existing.lastSeenAt === null;
          existing.lastSeenAt = at;
          return firstTime;
        }
        if (via === 'invite') return false; // a personal member is always in the table; nothing to record
        people.people[member] = {
          id: member, name: name ?? member, role, via: 'shared', status: 'active', generation: 0,
          invitedAt: null, revokedAt: null, lastSeenAt: at,
        };
        return true;
      });
      if (first) o.audit.write('member.joined', { workspace, member, via, role });
    } catch (error) {
      o.logger.warn('could not record when a person was last seen', { workspace, member, error });
    }
  }

  /** One round: the revocation and people tables are read once for all the connections asked about. */
  function recheck(workspace?: string): void {
    const check = o.access.rechecker();
    for (const ws of workspace ? [workspace] : [...o.workspaces()]) {
      for (const connection of [...o.connections(ws)]) {
        const refusal = check(connection.claims);
        if (refusal) connection.revoke(REFUSAL_TEXT[refusal]);
      }
    }
  }

  const admin: AdminActions = {
    async list(workspace) {
      const people = o.access.people(workspace);
      const names = new Map((await o.members(workspace)).map((m) => [m.id, m.name]));
      const online = new Set([...o.connections(workspace)].map((c) => c.writer).filter((m): m is string => m !== null));
      const list: AdminPerson[] = Object.values(people.people).map((p) => ({
        id: p.id, name: names.get(p.id) ?? p.name, role: p.role, via: p.via, status: p.status, online: online.has(p.id),
        lastSeenAt: online.has(p.id) ? new Date(now()).toISOString() : p.lastSeenAt, invitedAt: p.invitedAt, revokedAt: p.revokedAt,
      }));
      list.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      const shared = list.filter((p) => p.via === 'shared').length;
      return { workspace, sharedInvites: { enabled: people.sharedInvites, members: shared }, people: list };
    },
    invite(workspace, by, request) {
      const issued = issueInvite({
        dataDir: o.dataDir, server: o.publicUrl(), workspace, role: request.role, name: request.name, by, now,
        expiresInSeconds: request.expiresInDays === null ? undefined : Math.round(request.expiresInDays * 86_400),
      });
      o.access.invalidate(workspace);
      return { member: issued.member, name: issued.name, role: issued.role, code: issued.code };
    },
    revoke(workspace, by, member) {
      const person = revokeMember(o.dataDir, workspace, member, { by, now });
      o.access.invalidate(workspace);
      recheck(workspace);
      return { ...person, online: false };
    },
    disableShared(workspace, by) {
      const members = disableSharedInvites(o.dataDir, workspace, { by, now });
      o.access.invalidate(workspace);
      recheck(workspace);
      return { sharedInvites: false, members };
    },
  };

  return {
    admin,
    recheck,
    /** A connection was accepted. */
    opened(connection: Connection): void {
      if (connection.claims.m) seen(connection.workspace, connection.claims.m, 'invite', connection.claims.r);
    },
    closed(connection: Connection): void {
      if (connection.claims.m) lastWritten.delete(`${connection.workspace}\u0000${connection.claims.m}`);
      if (connection.writer) seen(connection.workspace, connection.writer, connection.claims.m ? 'invite' : 'shared', connection.claims.r);
    },
    /** A shared invite's connection wrote its first update as `member`, whose record now holds `name`. */
    bound(connection: Connection, member: string, name: string | undefined): void {
      seen(connection.workspace, member, 'shared', connection.claims.r, name);
    },
    refused(connection: Connection, message: string): void {
      o.audit.write('update.refused', {
        workspace: connection.workspace, member: connection.writer, via: connection.claims.m ? 'invite' : 'shared', reason: message,
      });
    },
    /** Whether a shared invite may write as `member`: not as someone who holds a personal invite. */
    mayBind(workspace: string, member: string): boolean {
      if (!RECORD_ID_PATTERN.test(member)) return false;
      const people = o.access.people(workspace).people;
      return !(Object.hasOwn(people, member) && people[member]!.via === 'invite');
    },
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;
