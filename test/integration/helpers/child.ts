/**
 * @module The server and CLIs as child processes (`node --import tsx sync-server/cli/<name>.ts`),
 * for what only a real process shows: kill -9, SIGTERM, exit codes and stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait-for';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Child {
  process: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `sync-server/cli/<name>.ts` with `env` on top of a clean copy of this process's env. */
export function runCli(name: string, args: string[] = [], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', `sync-server/cli/${name}.ts`, ...args], {
    cwd: REPO_ROOT,
    env: { ...withoutServerEnv(process.env), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  collectLines(child.stdout!, stdout);
  collectLines(child.stderr!, stderr);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { process: child, stdout, stderr, exited };
}

export interface ServerChild extends Child {
  port: number;
  url: string;
}

/** Starts `serve` on port 0 and resolves once its `listening` log line names the port. */
export async function spawnServer(dataDir: string, env: Record<string, string> = {}): Promise<ServerChild> {
  const child = runCli('serve', [], { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env });
  let exit: unknown = null;
  void child.exited.then((e) => (exit = e));
  const listening = await waitFor('the server to log its port', () => {
    if (exit) throw new Error(`server exited early: ${JSON.stringify(exit)}; stderr: ${child.stderr.join('\n')}`);
    return child.stdout.map(parseLine).find((line) => line?.msg === 'listening');
  }, { timeoutMs: 30_000 });
  const port = Number(listening.port);
  return { ...child, port, url: `ws://127.0.0.1:${port}` };
}

/** The JSON log lines a child wrote so far. */
export function logLines(child: Child): Record<string, unknown>[] {
  return child.stdout.map(parseLine).filter((line): line is Record<string, unknown> => line !== null);
}

function parseLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function collectLines(stream: NodeJS.ReadableStream, into: string[]): void {
  let partial = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop()!;
    into.push(...lines);
  });
  stream.on('end', () => partial && into.push(partial));
}

/** The test runner's env minus the server's own variables, so a developer's shell cannot leak in. */
function withoutServerEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const names = /^(HOST|PORT|DATA_DIR|PUBLIC_URL|LOG_LEVEL|FSYNC|MAX_.*|MESSAGE_BURST|HEARTBEAT_MS|IDLE_UNLOAD_MS|COMPACT_AFTER_BYTES|UPDATE_TIMEOUT_MS)$/;
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !names.test(e[0])));
}
