/**
 * @module The `shared/` code of a released version, taken from git, so tests can run what a
 * teammate with an older extension really runs (not what today's code thinks it did).
 * Extracted once per commit into test/.released/ (ignored by git).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** Commits whose `shared/` is a released schema version. */
export const RELEASES = {
  /** Schema version 1, the first public shape (the last commit before schema 2). */
  v1: '3a9f2be',
  /** Schema version 2 (proposals, huddles, boards, initiatives, settings): main before schema 3. */
  v2: 'a06f90c',
} as const;

/** The folder holding `shared/` as it was at `commit`; extracts it when missing. */
export function releasedShared(commit: string): string {
  const dir = join(ROOT, 'test/.released', commit);
  if (existsSync(join(dir, 'shared'))) return join(dir, 'shared');
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', commit, 'shared'], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', tmp], { input: archive });
  } catch (error) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`Cannot read release ${commit} from git (a shallow clone?): ${(error as Error).message}`);
  }
  if (!existsSync(join(dir, 'shared'))) renameSync(tmp, dir);
  else rmSync(tmp, { recursive: true, force: true });
  return join(dir, 'shared');
}
