/**
 * @module The startup check of DATA_DIR: it must be (or become) a writable folder before the
 * server or a CLI writes anything into it, so a bad path ends with one clear line, not a stack
 * trace halfway through creating files.
 */
import { accessSync, constants, existsSync, mkdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export class DataDirError extends Error {
  override name = 'DataDirError';
}

/** Returns the absolute path of a usable data folder, creating it when missing; throws DataDirError. */
export function checkDataDir(dir: string): string {
  const path = resolve(dir);
  const problem = (what: string, error?: unknown) => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return new DataDirError(`DATA_DIR ${path} ${what}${code ? ` (${code})` : ''}; set DATA_DIR to a writable folder.`);
  };
  try {
    makeDirs(path);
  } catch (error) {
    throw problem('cannot be created', error);
  }
  if (!statSync(path).isDirectory()) throw problem('is not a folder');
  try {
    accessSync(path, constants.W_OK);
    // access() trusts permission bits; root ignores them, a read-only mount or /proc does not.
    const probe = join(path, `.write-check-${process.pid}`);
    writeFileSync(probe, '');
    unlinkSync(probe);
  } catch (error) {
    throw problem('is not writable', error);
  }
  return path;
}

/**
 * mkdir -p, one level at a time. Node's `mkdirSync(path, { recursive: true })` never returns for
 * a path under /proc (ENOENT for the child, EEXIST for the parent, retried forever).
 */
function makeDirs(path: string): void {
  const missing: string[] = [];
  for (let at = path; !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error; // another process made it
    }
  }
}
