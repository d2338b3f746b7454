/**
 * @module The servers under test as child processes on 127.0.0.1, and the cleanup that removes
 * every child and temp folder whatever happens (normal end, error, Ctrl+C). Ours:
 * `node --import tsx sync-server/cli/serve.ts` with DATA_DIR, PORT, LOG_LEVEL=warn; "unchecked":
 * the same server without the authorship check (bench/server/serve-unchecked.ts), to measure
 * what the check costs. The reference: `node node_modules/@y/websocket-server/src/server.js` with
 * HOST, PORT, YPERSISTENCE (LevelDB). The reference does not report a port chosen by the OS, so a
 * free port is picked here first. Every client gets a personal token of its own member
 * (benchMember(slot)), signed with one secret that our two servers' data folders share.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { changePeople } from '../../sync-server/auth/people';
import { loadOrCreateSecret, SECRET_FILE } from '../../sync-server/auth/secret';
import { signToken } from '../../sync-server/auth/tokens';
import { sleep } from '../stats';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export type ServerKind = 'ours' | 'unchecked' | 'reference';
export const KINDS: readonly ServerKind[] = ['ours', 'unchecked', 'reference'];
/** The servers the memory phase compares (the check holds no memory of its own). */
export const MEMORY_KINDS: readonly ServerKind[] = ['ours', 'reference'];

export interface ServerHandle {
  kind: ServerKind;
  pid: number;
  url: string;
  dataDir: string;
  /** The V8 inspector's websocket (started with --inspect, for forcing GC), else null. */
  inspectorUrl: string | null;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export function tempDir(kind: string): string {
  const dir = mkdtempSync(join(tmpdir(), `closeloop-bench-${kind}-`));
  tempDirs.add(dir);
  return dir;
}

/** Tracks a child so cleanup can end it. */
export function adopt(child: ChildProcess): ChildProcess {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** The member id of load client `slot`: the updates it sends are written as this member. */
export const benchMember = (slot: number) => `mem_b${slot}`;
/** The member that writes the seeded documents. */
export const SEED_MEMBER = 'mem_bseed';

/** Our servers' data folders share the first one's signing secret, so one token works on both. */
export function shareSecret(dataDirs: string[]): void {
  loadOrCreateSecret(dataDirs[0]!);
  for (const dir of dataDirs.slice(1)) copyFileSync(`${dataDirs[0]}/${SECRET_FILE}`, `${dir}/${SECRET_FILE}`);
}

/** Personal editor tokens for `members` in `room`, each entered in the people table of every folder. */
export function tokensFor(dataDirs: string[], room: string, members: string[]): string[] {
  for (const dir of dataDirs) {
    changePeople(dir, room, (people) => {
      for (const id of members) {
        people.people[id] ??= { id, name: id, role: 'editor', via: 'invite', status: 'active', generation: 0, invitedAt: null, revokedAt: null, lastSeenAt: null };
      }
    });
  }
  const secret = loadOrCreateSecret(dataDirs[0]!);
  return members.map((id) => signToken(secret, { workspace: room, role: 'editor', generation: 0, member: { id, generation: 0 } }));
}

export async function startServer(kind: ServerKind, dataDir: string, options: { inspect: boolean }): Promise<ServerHandle> {
  const port = await freePort();
  const inspect = options.inspect ? ['--inspect=127.0.0.1:0'] : [];
  const env = { ...baseEnv(), HOST: '127.0.0.1', PORT: String(port) };
  const entry = kind === 'unchecked' ? 'bench/server/serve-unchecked.ts' : 'sync-server/cli/serve.ts';
  const child = adopt(kind !== 'reference'
    ? spawn(process.execPath, [...inspect, '--import', 'tsx', entry], {
      cwd: REPO_ROOT, env: { ...env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
    })
    : spawn(process.execPath, [...inspect, 'node_modules/@y/websocket-server/src/server.js'], {
      cwd: REPO_ROOT, env: { ...env, YPERSISTENCE: dataDir }, stdio: ['ignore', 'pipe', 'pipe'],
    }));
  // The last output only (for error messages): a server logging per message must not fill our memory.
  const output: string[] = [];
  const keep = (chunk: string) => output.push(chunk) > 200 && output.shift();
  let inspectorUrl: string | null = null;
  child.stdout!.setEncoding('utf8').on('data', keep);
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    keep(chunk);
    inspectorUrl ??= /Debugger listening on (ws:\/\/\S+)/.exec(chunk)?.[1] ?? null;
  });
  let exit: string | null = null;
  child.once('exit', (code, signal) => (exit = `exit ${code ?? signal}`));
  const deadline = Date.now() + 30_000;
  while (!(await answers(port)) || (options.inspect && !inspectorUrl)) {
    if (exit || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${kind} server did not start (${exit ?? 'timeout'}):\n${output.join('').slice(-2000)}`);
    }
    await sleep(50);
  }
  return {
    kind, pid: child.pid!, url: `ws://127.0.0.1:${port}`, dataDir, get inspectorUrl() { return inspectorUrl; },
    stop: () => stopChild(child, output, kind),
  };
}

/** SIGTERM (ours shuts down cleanly, storing everything; the reference just exits), SIGKILL after 15 s. */
async function stopChild(child: ChildProcess, output: string[], kind: string): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => {
    process.stderr.write(`${kind} server did not stop within 15 s; killing it.\n${output.join('').slice(-1000)}\n`);
    child.kill('SIGKILL');
  }, 15_000);
  await exited;
  clearTimeout(timer);
}

/** Ends every child (SIGTERM, then SIGKILL) and removes every temp folder. Safe to call twice. */
export async function cleanup(): Promise<void> {
  await Promise.all([...children].map((child) => stopChild(child, [], 'child')));
  cleanupSync();
}

/** Last resort from process.on('exit'): nothing asynchronous can run there. */
export function cleanupSync(): void {
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  tempDirs.clear();
}

function baseEnv(): Record<string, string> {
  // Nothing of the caller's server configuration may leak in; NODE_OPTIONS could load tsx into the reference.
  const drop = /^(HOST|PORT|DATA_DIR|PUBLIC_URL|LOG_LEVEL|FSYNC|MAX_.*|MESSAGE_BURST|HEARTBEAT_MS|IDLE_UNLOAD_MS|COMPACT_AFTER_BYTES|UPDATE_TIMEOUT_MS|YPERSISTENCE|GC|CALLBACK_.*|NODE_OPTIONS)$/;
  return Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !drop.test(e[0])));
}

async function answers(port: number): Promise<boolean> {
  try {
    await fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
