/**
 * @module Personal invites and revoking one person, for the CLIs and the admin API alike. An invite
 * is for a person: a new one (the server picks the member id) or one already in the workspace's
 * people table (a fresh code for the same member, which also re-admits a revoked person). The
 * token is signed for the workspace's and the member's current generations and wrapped with the
 * server URL (shared/invite.ts encodeInvite). Revoking raises the member's generation.
 */
import { encodeInvite, type AccessRole } from '../../shared/invite';
import { LIMITS } from '../../shared/schema/constants';
import { randomId } from '../../shared/util/ids';
import { assertWorkspaceId } from '../../shared/workspace-id';
import { createAuditLog } from '../audit';
import { changePeople, findPerson, PeopleError, type Person } from './people';
import { watchRevocations } from './revocations';
import { loadOrCreateSecret } from './secret';
import { signToken } from './tokens';

export interface InviteRequest {
  dataDir: string;
  /** Websocket URL the invite points at (PUBLIC_URL). */
  server: string;
  workspace: string;
  /** Default: editor for a new person, their current role for someone already invited. */
  role?: AccessRole;
  /** A new person's name; or `member`, someone already in the table (id or exact name). */
  name?: string;
  member?: string;
  expiresInSeconds?: number;
  /** Who issued it, for the audit log ("cli" or an admin's member id). */
  by?: string;
  now?: () => number;
}

export interface IssuedInvite {
  code: string;
  token: string;
  member: string;
  name: string;
  role: AccessRole;
  generation: number;
}

export function issueInvite(request: InviteRequest): IssuedInvite {
  const workspace = assertWorkspaceId(request.workspace);
  const now = request.now ?? Date.now;
  const revocations = watchRevocations(request.dataDir);
  const generation = revocations.generation(workspace);
  // Fail closed like the server does: a token for an unreadable table could never be checked.
  const problem = revocations.problem();
  if (problem) throw new Error(`${problem}; fix or remove the file before issuing invites.`);
  const name = request.name === undefined ? undefined : cleanName(request.name);
  if ((name === undefined) === (request.member === undefined)) throw new PeopleError('Give either the new person’s name or the member id of someone already invited.');
  const secret = loadOrCreateSecret(request.dataDir);
  const person = changePeople(request.dataDir, workspace, (people) => {
    const at = new Date(now()).toISOString();
    let p: Person;
    if (request.member !== undefined) {
      p = findPerson(people, request.member);
      Object.assign(p, { via: 'invite', role: request.role ?? p.role, status: 'active', revokedAt: null, invitedAt: at });
    } else {
      const id = randomId('mem');
      p = { id, name: name!, role: request.role ?? 'editor', via: 'invite', status: 'active', generation: 0, invitedAt: at, revokedAt: null, lastSeenAt: null };
      people.people[id] = p;
    }
    return { ...p };
  });
  const token = signToken(secret, {
    workspace, role: person.role, generation, expiresInSeconds: request.expiresInSeconds, nowMs: now(),
    member: { id: person.id, generation: person.generation },
  });
  createAuditLog(request.dataDir, { now }).write('invite.issued', {
    workspace, member: person.id, name: person.name, role: person.role, by: request.by ?? 'cli',
    expiresAt: request.expiresInSeconds === undefined ? null : new Date(now() + request.expiresInSeconds * 1000).toISOString(),
  });
  return {
    code: encodeInvite({ server: request.server, workspace, token, member: person.id, name: person.name }),
    token, member: person.id, name: person.name, role: person.role, generation,
  };
}

/** Revokes one person (id or exact name): their tokens are refused and their sockets closed. */
export function revokeMember(dataDir: string, workspace: string, idOrName: string, options: { by?: string; now?: () => number } = {}): Person {
  const id = assertWorkspaceId(workspace);
  const now = options.now ?? Date.now;
  const person = changePeople(dataDir, id, (people) => {
    const p = findPerson(people, idOrName);
    if (p.via === 'shared') {
      throw new PeopleError(`${p.name} (${p.id}) joined with a shared invite, which cannot shut out one person: turn shared invites off (npm run revoke -- ${id} --shared) and give personal invites.`);
    }
    if (p.status !== 'revoked') Object.assign(p, { status: 'revoked', generation: p.generation + 1, revokedAt: new Date(now()).toISOString() });
    return { ...p };
  });
  createAuditLog(dataDir, { now }).write('member.revoked', { workspace: id, member: person.id, name: person.name, by: options.by ?? 'cli' });
  return person;
}

/** Turns shared invites (codes issued before personal invites) off for a workspace. */
export function disableSharedInvites(dataDir: string, workspace: string, options: { by?: string; now?: () => number } = {}): number {
  const id = assertWorkspaceId(workspace);
  const shared = changePeople(dataDir, id, (people) => {
    people.sharedInvites = false;
    return Object.values(people.people).filter((p) => p.via === 'shared').length;
  });
  createAuditLog(dataDir, { now: options.now }).write('shared_invites.off', { workspace: id, by: options.by ?? 'cli', members: shared });
  return shared;
}

function cleanName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name === '') throw new PeopleError('The person’s name is empty.');
  if (name.length > LIMITS.memberName) throw new PeopleError(`A name has at most ${LIMITS.memberName} characters.`);
  return name;
}
