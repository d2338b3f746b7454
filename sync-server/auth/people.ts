/**
 * @module The people of each workspace, in `<data>/people/<workspace>.json`: who holds a personal
 * invite (member id chosen by the server, name, role), who was revoked, who joined through a
 * shared invite, and whether shared invites still work. Written by the CLIs and by the server's
 * admin API, so every change is a locked read-modify-write replaced atomically; the server re-reads
 * the file when it changes.
 */
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isRole, type AccessRole } from '../../shared/invite';
import { LIMITS } from '../../shared/schema/constants';
import { RECORD_ID_PATTERN } from '../../shared/util/ids';

export const PEOPLE_DIR = 'people';

export interface Person {
  id: string;
  name: string;
  role: AccessRole;
  /** `invite`: holds a personal invite. `shared`: first seen writing through a shared invite. */
  via: 'invite' | 'shared';
  status: 'active' | 'revoked';
  /** Personal tokens issued before this generation are refused; revoking raises it. */
  generation: number;
  invitedAt: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

export interface People {
  version: 1;
  /** Whether tokens without a member (codes issued before personal invites) are accepted. */
  sharedInvites: boolean;
  people: Record<string, Person>;
}

export class PeopleError extends Error {
  override name = 'PeopleError';
}

export const emptyPeople = (): People => ({ version: 1, sharedInvites: true, people: Object.create(null) as Record<string, Person> });

export function peoplePath(dataDir: string, workspace: string): string {
  return join(dataDir, PEOPLE_DIR, `${workspace}.json`);
}

/** The workspace's people; nobody (and shared invites on) when the file does not exist. Throws PeopleError. */
export function readPeople(dataDir: string, workspace: string): People {
  const path = peoplePath(dataDir, workspace);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyPeople();
    throw new PeopleError(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return parsePeople(JSON.parse(text));
  } catch (error) {
    throw new PeopleError(`${path} is not a people table (${(error as Error).message}); restore it from a backup.`);
  }
}

/** Runs `change` on the current table under the workspace's lock and stores what it leaves. */
export function changePeople<T>(dataDir: string, workspace: string, change: (people: People) => T): T {
  const path = peoplePath(dataDir, workspace);
  mkdirSync(join(dataDir, PEOPLE_DIR), { recursive: true, mode: 0o700 });
  const unlock = lock(`${path}.lock`);
  try {
    const people = readPeople(dataDir, workspace);
    const result = change(people);
    const temp = `${path}.${process.pid}.tmp`;
    writeFileSync(temp, `${JSON.stringify(people, null, 2)}\n`, { mode: 0o600 });
    renameSync(temp, path); // atomic: readers never see half a file
    return result;
  } finally {
    unlock();
  }
}

/** The person with this member id, else the one with exactly this name; a clear error otherwise. */
export function findPerson(people: People, idOrName: string): Person {
  if (Object.hasOwn(people.people, idOrName)) return people.people[idOrName]!;
  const named = Object.values(people.people).filter((p) => p.name === idOrName);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) {
    throw new PeopleError(`${named.length} people are called "${idOrName}": give the member id (${named.map((p) => p.id).join(', ')}).`);
  }
  throw new PeopleError(`Nobody with the member id or name "${idOrName}" in this workspace.`);
}

/** A file's modification stamp, to notice changes made by another process. */
export function peopleStamp(dataDir: string, workspace: string): string {
  try {
    const stat = statSync(peoplePath(dataDir, workspace));
    return `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
  } catch {
    return 'absent';
  }
}

const LOCK_WAIT_MS = 5000;
/** A lock older than this was left by a process that died holding it. */
const STALE_LOCK_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

function lock(path: string): () => void {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      closeSync(openSync(path, 'wx', 0o600));
      return () => {
        try {
          unlinkSync(path);
        } catch {
          // already gone (removed as stale by someone else): nothing to release
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_LOCK_MS) unlinkSync(path);
    } catch {
      // released meanwhile
    }
    if (Date.now() > deadline) throw new PeopleError(`${path} stays locked; another invite or revoke is stuck. Remove the file if no other command runs.`);
    Atomics.wait(pause, 0, 0, 10); // a short synchronous sleep: these are tiny, rare changes
  }
}

function parsePeople(raw: unknown): People {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('not an object');
  const r = raw as Record<string, unknown>;
  if (r.version !== 1) throw new Error(`unknown version ${String(r.version)}`);
  const people = emptyPeople();
  people.sharedInvites = r.sharedInvites !== false;
  const list = r.people && typeof r.people === 'object' ? (r.people as Record<string, unknown>) : {};
  for (const [id, value] of Object.entries(list)) {
    const p = value as Partial<Person> | null;
    if (!p || typeof p !== 'object' || p.id !== id || !RECORD_ID_PATTERN.test(id) || !isRole(p.role)) continue;
    people.people[id] = {
      id,
      name: typeof p.name === 'string' ? p.name.slice(0, LIMITS.memberName) : id,
      role: p.role,
      via: p.via === 'shared' ? 'shared' : 'invite',
      status: p.status === 'revoked' ? 'revoked' : 'active',
      generation: Number.isSafeInteger(p.generation) ? (p.generation as number) : 0,
      invitedAt: typeof p.invitedAt === 'string' ? p.invitedAt : null,
      revokedAt: typeof p.revokedAt === 'string' ? p.revokedAt : null,
      lastSeenAt: typeof p.lastSeenAt === 'string' ? p.lastSeenAt : null,
    };
  }
  return people;
}
