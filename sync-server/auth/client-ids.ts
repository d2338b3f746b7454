/**
 * @module Which member each Yjs client id writes for, per workspace, and how far the server ever
 * accepted it (its high-water clock), in `<data>/people/<workspace>.clients.json`. The server
 * binds a client id to the member whose update first brings it and raises its high-water mark on
 * each accepted update. That makes two things possible: nobody may write new changes under
 * another member's client id, and after the server lost data (restored from an older backup) a
 * device may send back other people's changes the server had accepted before, which are then
 * checked against the member they belong to. Kept apart from workspaces/, so restoring that folder
 * leaves these marks in place. Only the server writes this file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PEOPLE_DIR } from './people';

export interface ClientBinding {
  member: string;
  /** The clock up to which the server has accepted this client's changes. */
  highWater: number;
}

export interface ClientIds {
  get(workspace: string, client: number): ClientBinding | undefined;
  /** Records that `member`'s accepted update brought `client` up to `end`. */
  accept(workspace: string, client: number, member: string, end: number): void;
  /** Writes what changed (called periodically and on shutdown). */
  flush(): void;
}

/** A new binding is written at once; raised marks at most this often. */
const FLUSH_MS = 2000;

export function createClientIds(dataDir: string, onError: (error: unknown) => void = () => {}): ClientIds {
  const tables = new Map<string, Map<number, ClientBinding>>();
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  const path = (workspace: string) => join(dataDir, PEOPLE_DIR, `${workspace}.clients.json`);

  function table(workspace: string): Map<number, ClientBinding> {
    let t = tables.get(workspace);
    if (t) return t;
    t = new Map();
    try {
      const raw = JSON.parse(readFileSync(path(workspace), 'utf8')) as { clients?: Record<string, [string, number]> };
      for (const [id, [member, highWater]] of Object.entries(raw.clients ?? {})) {
        if (typeof member === 'string' && Number.isSafeInteger(highWater)) t.set(Number(id), { member, highWater });
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onError(error);
    }
    tables.set(workspace, t);
    return t;
  }

  function write(workspace: string): void {
    const clients: Record<string, [string, number]> = {};
    for (const [id, b] of table(workspace)) clients[id] = [b.member, b.highWater];
    const target = path(workspace);
    try {
      mkdirSync(join(dataDir, PEOPLE_DIR), { recursive: true, mode: 0o700 });
      writeFileSync(`${target}.tmp`, `${JSON.stringify({ version: 1, clients })}\n`, { mode: 0o600 });
      renameSync(`${target}.tmp`, target);
      dirty.delete(workspace);
    } catch (error) {
      onError(error);
    }
  }

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    for (const workspace of [...dirty]) write(workspace);
  };

  return {
    get: (workspace, client) => table(workspace).get(client),
    accept(workspace, client, member, end) {
      const t = table(workspace);
      const binding = t.get(client);
      if (binding && binding.member === member && binding.highWater >= end) return;
      if (!binding) t.set(client, { member, highWater: end });
      else if (binding.member === member) binding.highWater = Math.max(binding.highWater, end);
      else return; // never rebound: the check refuses writing under another member's client id
      dirty.add(workspace);
      if (!binding) write(workspace);
      else if (!timer) (timer = setTimeout(flush, FLUSH_MS)).unref();
    },
    flush,
  };
}
