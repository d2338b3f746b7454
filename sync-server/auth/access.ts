/**
 * @module Who may connect, as the running server decides it: a validly signed token for the
 * workspace's current generation (tokens.ts, revocations.ts), and then either a personal token
 * whose member is in the people table, not revoked, at their current generation, or a shared
 * token while the workspace still accepts shared invites. The people tables are cached and
 * re-read when their file changes (the CLIs write them from another process).
 */
import type { Revocations } from './revocations';
import { changePeople, emptyPeople, peopleStamp, readPeople, type People } from './people';
import { claimsRefusal, verifyToken, type TokenClaims, type TokenRefusal } from './tokens';

export type AccessRefusal = TokenRefusal | 'unknown_member' | 'member_revoked' | 'shared_off';
export const ACCESS_REFUSALS: readonly AccessRefusal[] = [
  'missing', 'malformed', 'bad_signature', 'wrong_workspace', 'revoked', 'expired', 'unknown_member', 'member_revoked', 'shared_off',
];

export type AccessCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: AccessRefusal };

export interface Access {
  verify(workspace: string, token: string | null): AccessCheck;
  /** Whether a connection holding `claims` may stay (null) or must go (the reason). Re-reads changed files. */
  recheck(claims: TokenClaims, nowMs?: number): AccessRefusal | null;
  /**
   * `recheck` for one round over many connections: the revocation table is looked at once, and
   * each workspace's people table once, when the first connection of that workspace is asked about.
   */
  rechecker(nowMs?: number): (claims: TokenClaims) => AccessRefusal | null;
  /** The workspace's people table (cached; refreshed when the file changed). */
  people(workspace: string): People;
  /** Changes the table under its lock and refreshes the cache. */
  change<T>(workspace: string, change: (people: People) => T): T;
  /** Why a workspace's table cannot be read (every token of it is refused meanwhile), or null. */
  problem(workspace: string): string | null;
  /** Forgets the cached table (after a change written by other code in this process). */
  invalidate(workspace: string): void;
}

/** A table that was read this recently is trusted without a stat (a poll asks several times a second). */
const FRESH_MS = 200;
/** File stamps tick coarsely and inodes are reused: re-read at least this often even when the stamp looks the same. */
const REREAD_MS = 1000;

interface Cached { stamp: string; checkedAt: number; readAt: number; people: People | null; problem: string | null }

export function createAccess(o: { dataDir: string; secret: Uint8Array; revocations: Revocations }): Access {
  const cache = new Map<string, Cached>();

  function load(workspace: string): Cached {
    const now = Date.now();
    const cached = cache.get(workspace);
    if (cached && now - cached.checkedAt < FRESH_MS) return cached;
    const stamp = peopleStamp(o.dataDir, workspace);
    if (cached && stamp === cached.stamp && now - cached.readAt < REREAD_MS) {
      cached.checkedAt = now;
      return cached;
    }
    let next: Cached;
    try {
      next = { stamp, checkedAt: now, readAt: now, people: readPeople(o.dataDir, workspace), problem: null };
    } catch (error) {
      next = { stamp, checkedAt: now, readAt: now, people: null, problem: (error as Error).message };
    }
    cache.set(workspace, next);
    return next;
  }

  function decide(claims: TokenClaims, people: People | null): AccessRefusal | null {
    if (!people) return 'revoked'; // fail closed while the table cannot be read
    if (claims.m === undefined) return people.sharedInvites ? null : 'shared_off';
    const person = Object.hasOwn(people.people, claims.m) ? people.people[claims.m]! : null;
    if (!person || person.via !== 'invite') return 'unknown_member';
    if (person.status === 'revoked' || (claims.mg ?? 0) < person.generation) return 'member_revoked';
    return null;
  }

  function rechecker(nowMs = Date.now()) {
    const generation = o.revocations.snapshot();
    const tables = new Map<string, People | null>();
    return (claims: TokenClaims): AccessRefusal | null => {
      const refusal = claimsRefusal(claims, { generation: generation(claims.w), nowMs });
      if (refusal) return refusal;
      let people = tables.get(claims.w);
      if (people === undefined) tables.set(claims.w, (people = load(claims.w).people));
      return decide(claims, people);
    };
  }

  return {
    verify(workspace, token) {
      const check = verifyToken(o.secret, token, { workspace, generation: o.revocations.generation(workspace) });
      if (!check.ok) return check;
      const refusal = decide(check.claims, load(workspace).people);
      return refusal ? { ok: false, reason: refusal } : check;
    },
    recheck: (claims, nowMs) => rechecker(nowMs)(claims),
    rechecker,
    people: (workspace) => load(workspace).people ?? emptyPeople(),
    change(workspace, change) {
      const result = changePeople(o.dataDir, workspace, change);
      cache.delete(workspace);
      return result;
    },
    problem: (workspace) => load(workspace).problem,
    invalidate: (workspace) => void cache.delete(workspace),
  };
}
