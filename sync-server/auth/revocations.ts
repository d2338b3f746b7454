/**
 * @module Per-workspace token generations in `<data>/revocations.json`. `npm run revoke` raises a
 * workspace's generation; the server re-reads the file when it changes, refuses older tokens at
 * the next upgrade, and closes connections that hold them.
 */
import { readFileSync, renameSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const REVOCATIONS_FILE = 'revocations.json';
const REREAD_MS = 1000;

export interface Revocations {
  /**
   * Current generation of `workspace` (0 when never revoked). When the file cannot be read the
   * answer is Infinity: every token is refused (fail closed) until the file is fixed.
   */
  generation(workspace: string): number;
  /**
   * `generation` for any number of questions from one look at the file: a recheck round asks for
   * every open connection, and one stat per round is enough to cut a revoked token within it.
   */
  snapshot(): (workspace: string) => number;
  /** Why the file could not be read, or null when it is fine. */
  problem(): string | null;
}

/** A reader that notices changes made by another process (the revoke command) without a restart. */
export function watchRevocations(dataDir: string): Revocations {
  const path = join(dataDir, REVOCATIONS_FILE);
  let stamp = '';
  let readAt = 0;
  let table: Record<string, number> = {};
  let problem: string | null = null;
  const refresh = () => {
    let next = '';
    try {
      const stat = statSync(path);
      next = `${stat.mtimeMs}:${stat.size}:${stat.ino}`;
    } catch {
      next = 'absent';
    }
    // File timestamps tick per jiffy and inodes are reused, so two quick revokes of one workspace
    // can leave an identical stamp ("acme": 1 -> "acme": 2): trust the stamp for a second at most.
    if (next === stamp && Date.now() - readAt < REREAD_MS) return;
    stamp = next;
    readAt = Date.now();
    try {
      table = next === 'absent' ? {} : readTable(path);
      problem = null;
    } catch (error) {
      problem = `cannot read ${path}: ${(error as Error).message}`;
    }
  };
  const snapshot = () => {
    refresh();
    // refresh() replaces the table rather than changing it, so this answer stays as it was read.
    const [read, failed] = [table, problem !== null];
    return (workspace: string) => (failed ? Number.POSITIVE_INFINITY : generationIn(read, workspace));
  };
  return {
    generation: (workspace) => snapshot()(workspace),
    snapshot,
    problem: () => (refresh(), problem),
  };
}

/** Raises the generation of `workspace`, invalidating every token issued for it so far. */
export function revokeWorkspace(dataDir: string, workspace: string): number {
  const path = join(dataDir, REVOCATIONS_FILE);
  mkdirSync(dataDir, { recursive: true });
  let table: Record<string, number> = Object.create(null);
  try {
    table = readTable(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const generation = generationIn(table, workspace) + 1;
  table[workspace] = generation;
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(table, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, path); // atomic: the server never reads half a file
  return generation;
}

/**
 * Own properties only: "constructor" is a valid workspace id, and `table.constructor` on a plain
 * object is Object itself, which made that workspace impossible to revoke.
 */
function generationIn(table: Record<string, number>, workspace: string): number {
  return Object.hasOwn(table, workspace) ? table[workspace]! : 0;
}

function readTable(path: string): Record<string, number> {
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`${path} is not a revocation table.`);
  const table: Record<string, number> = Object.create(null);
  for (const [key, value] of Object.entries(parsed)) if (Number.isInteger(value)) table[key] = value as number;
  return table;
}
