/** @module run.ts's handle on the load generator process (load.ts): typed request/response over IPC. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LoadCommand } from './load';
import type { RunResult } from './load-run';
import { adopt } from './servers';

type Reply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface LoadGenerator {
  pid: number;
  call(command: Extract<LoadCommand, { op: 'run' }>): Promise<RunResult>;
  call(command: LoadCommand): Promise<Record<string, number>>;
}

export async function startLoadGenerator(): Promise<LoadGenerator> {
  const child = adopt(fork(fileURLToPath(new URL('./load.ts', import.meta.url)), [], {
    // Hundreds of provider replicas at once: more heap than the default, so GC does not thrash.
    execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  }));
  const waiting = new Map<number, { resolve(value: any): void; reject(error: Error): void }>();
  let nextId = 1;
  child.on('error', () => {}); // a send after the child died; the exit handler reports it
  child.on('exit', (code, signal) => {
    for (const w of waiting.values()) w.reject(new Error(`load generator exited (${code ?? signal})`));
    waiting.clear();
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', () => reject(new Error('load generator exited during startup')));
  });
  child.on('message', (reply: Reply) => {
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.ok) w.resolve(reply.result);
    else w.reject(new Error(`load generator: ${reply.error}`));
  });
  return {
    pid: child.pid!,
    call: (command: LoadCommand) => new Promise<any>((resolve, reject) => {
      if (!child.connected) return reject(new Error('load generator is gone'));
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      child.send({ id, command }, (error) => error && (waiting.delete(id), reject(error)));
    }),
  };
}
