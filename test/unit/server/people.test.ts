/** @module The people table, access decisions, the auth failure limit and client id bindings, on a temp folder. */
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAccess } from '../../../sync-server/auth/access';
import { createClientIds } from '../../../sync-server/auth/client-ids';
import { createFailureLimiter, FAILURE_WINDOW_MS } from '../../../sync-server/auth/failure-limiter';
import { disableSharedInvites, issueInvite, revokeMember } from '../../../sync-server/auth/invites';
import { changePeople, findPerson, peoplePath, PeopleError, readPeople } from '../../../sync-server/auth/people';
import { watchRevocations, revokeWorkspace } from '../../../sync-server/auth/revocations';
import { loadOrCreateSecret } from '../../../sync-server/auth/secret';
import { signToken } from '../../../sync-server/auth/tokens';

const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-people-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the people table', () => {
  it('finds people by id or exact name, and says which ids when a name is ambiguous', () => {
    const dir = scratch();
    const a = issueInvite({ dataDir: dir, server: 'ws://x', workspace: 'acme', name: 'Sam Lee' });
    const b = issueInvite({ dataDir: dir, server: 'ws://x', workspace: 'acme', name: 'Sam Lee', role: 'viewer' });
    const people = readPeople(dir, 'acme');
    expect(findPerson(people, a.member).role).toBe('editor');
    expect(() => findPerson(people, 'Sam Lee')).toThrow(`2 people are called "Sam Lee": give the member id (${a.member}, ${b.member}).`);
    expect(() => findPerson(people, 'Nobody')).toThrow(PeopleError);
  });

  it('refuses to guess on a damaged file, and changes nothing', () => {
    const dir = scratch();
    issueInvite({ dataDir: dir, server: 'ws://x', workspace: 'acme', name: 'Ana' });
    writeFileSync(peoplePath(dir, 'acme'), '{ not json');
    expect(() => readPeople(dir, 'acme')).toThrow(/is not a people table/);
    expect(() => changePeople(dir, 'acme', () => {})).toThrow(PeopleError);
    expect(readFileSync(peoplePath(dir, 'acme'), 'utf8')).toBe('{ not json');
  });

  it('takes a lock left by a process that died holding it once it is stale', () => {
    const dir = scratch();
    issueInvite({ dataDir: dir, server: 'ws://x', workspace: 'acme', name: 'Ana' });
    const lock = `${peoplePath(dir, 'acme')}.lock`;
    writeFileSync(lock, '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect(changePeople(dir, 'acme', (p) => Object.keys(p.people).length)).toBe(1);
  });
});

describe('access', () => {
  it('admits a personal token until its member is revoked, and a re-issued one after', () => {
    const dir = scratch();
    const access = createAccess({ dataDir: dir, secret: loadOrCreateSecret(dir), revocations: watchRevocations(dir) });
    const first = issueInvite({ dataDir: dir, server: 'ws://x', workspace: 'acme', name: 'Ana' });
    expect(access.verify('acme', first.token)).toMatchObject({ ok: true, claims: { m: first.member, r: 'editor' } });
    revokeMember(dir, 'acme', 'Ana');
    access.invalidate('acme');
    expect(access.verify('acme', first.token)).toEqual({ ok: false, reason: 'member_revoked' });
    const again = issueInvite({ dataDir: dir, server: 'ws://x', workspace: 'acme', member: first.member });
    access.invalidate('acme');
    expect(access.verify('acme', again.token)).toMatchObject({ ok: true });
    expect(access.verify('acme', first.token)).toEqual({ ok: false, reason: 'member_revoked' });
  });

  it('refuses a personal token for a member the table does not know, and shared tokens once turned off', () => {
    const dir = scratch();
    const secret = loadOrCreateSecret(dir);
    const access = createAccess({ dataDir: dir, secret, revocations: watchRevocations(dir) });
    const stray = signToken(secret, { workspace: 'acme', role: 'admin', generation: 0, member: { id: 'mem_stray', generation: 0 } });
    expect(access.verify('acme', stray)).toEqual({ ok: false, reason: 'unknown_member' });
    const shared = signToken(secret, { workspace: 'acme', role: 'editor', generation: 0 });
    expect(access.verify('acme', shared)).toMatchObject({ ok: true });
    disableSharedInvites(dir, 'acme');
    access.invalidate('acme');
    expect(access.verify('acme', shared)).toEqual({ ok: false, reason: 'shared_off' });
    const b = issueInvite({ dataDir: dir, server: 'ws://x', workspace: 'acme', name: 'B' });
    access.invalidate('acme');
    const check = access.verify('acme', b.token);
    if (!check.ok) throw new Error(`B refused: ${check.reason}`);
    expect(access.recheck(check.claims)).toBeNull();
    const claims = check.claims;
    revokeWorkspace(dir, 'acme');
    expect(access.recheck(claims)).toBe('revoked');
  });

  it('reads the revocation table once per recheck round and each people table once, so a revoke shows in the next round', () => {
    const dir = scratch();
    const real = watchRevocations(dir);
    let looks = 0;
    const revocations = {
      ...real,
      generation: (workspace: string) => (looks++, real.generation(workspace)),
      snapshot: () => (looks++, real.snapshot()),
    };
    const access = createAccess({ dataDir: dir, secret: loadOrCreateSecret(dir), revocations });
    const claimsOf = (workspace: string, name: string, expiresInSeconds?: number) => {
      const { token } = issueInvite({ dataDir: dir, server: 'ws://x', workspace, name, expiresInSeconds });
      access.invalidate(workspace);
      const check = access.verify(workspace, token);
      if (!check.ok) throw new Error(`${name} refused: ${check.reason}`);
      return check.claims;
    };
    const [ana, bob, cy] = [claimsOf('acme', 'Ana', 3600), claimsOf('acme', 'Bob'), claimsOf('beta', 'Cy')];
    looks = 0;
    const round = access.rechecker();
    expect([round(ana), round(bob), round(cy)]).toEqual([null, null, null]);
    expect(looks).toBe(1);
    revokeMember(dir, 'acme', 'Bob');
    access.invalidate('acme');
    expect(round(bob)).toBeNull(); // this round's table, read before the revoke
    const next = access.rechecker();
    expect([next(ana), next(bob), next(cy)]).toEqual([null, 'member_revoked', null]);
    revokeWorkspace(dir, 'beta');
    expect(access.rechecker()(cy)).toBe('revoked');
    expect(access.recheck(ana, ana.exp! * 1000 - 1)).toBeNull();
    expect(access.recheck(ana, ana.exp! * 1000)).toBe('expired');
  });

  it('fails closed while a table cannot be read', () => {
    const dir = scratch();
    const access = createAccess({ dataDir: dir, secret: loadOrCreateSecret(dir), revocations: watchRevocations(dir) });
    const ana = issueInvite({ dataDir: dir, server: 'ws://x', workspace: 'acme', name: 'Ana' });
    writeFileSync(peoplePath(dir, 'acme'), '[]');
    access.invalidate('acme');
    expect(access.verify('acme', ana.token)).toEqual({ ok: false, reason: 'revoked' });
    expect(access.problem('acme')).toMatch(/is not a people table/);
  });
});

describe('the auth failure limit', () => {
  it('blocks an address after the limit for the rest of its minute, then lets it try again', () => {
    let now = 1_000_000;
    const limiter = createFailureLimiter(3, () => now);
    expect([limiter.failed('1.2.3.4'), limiter.failed('1.2.3.4')]).toEqual([0, 0]);
    expect(limiter.blocked('1.2.3.4')).toBe(false);
    expect(limiter.failed('1.2.3.4')).toBe(3); // the one that starts the block, reported once
    expect(limiter.blocked('1.2.3.4')).toBe(true);
    expect(limiter.blocked('5.6.7.8')).toBe(false);
    now += FAILURE_WINDOW_MS;
    expect(limiter.blocked('1.2.3.4')).toBe(false);
    expect(limiter.failed('1.2.3.4')).toBe(0);
  });
});

describe('client id bindings', () => {
  it('binds a client id to its first member, raises its mark, never rebinds, and survives a restart', () => {
    const dir = scratch();
    const ids = createClientIds(dir);
    ids.accept('acme', 7, 'mem_ana', 10);
    ids.accept('acme', 7, 'mem_ana', 25);
    ids.accept('acme', 7, 'mem_bob', 40);
    ids.flush();
    expect(createClientIds(dir).get('acme', 7)).toEqual({ member: 'mem_ana', highWater: 25 });
    expect(createClientIds(dir).get('acme', 8)).toBeUndefined();
  });
});
