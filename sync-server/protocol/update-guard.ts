/**
 * @module Pre-validation of untrusted Yjs updates under a time bound. A synchronous
 * `Y.applyUpdate` cannot be interrupted, and crafted updates have spun Yjs' decoder before
 * (yjs#479, #498, #687), so each update is first applied to a scratch doc in a worker thread;
 * a worker that overruns is terminated and replaced. Only updates that pass are applied to the
 * room's document on the main thread.
 *
 * One long-lived worker, requests pipelined (sent at once, answered in order), bytes transferred
 * (one copy). Measured on a 2-core VM, warm, ~900-byte capture updates: ~100-125 µs added to a
 * lone update (worker round trip), ~70 µs per update when pipelined (the worker's scratch apply),
 * ~10-15 µs of main-thread time per update; client-to-client relay median 0.4-0.7 ms without the
 * guard, 0.65-0.8 ms with it.
 */
import { Worker } from 'node:worker_threads';

export type GuardVerdict = { ok: true } | { ok: false; reason: 'malformed' | 'timeout'; message: string };

export interface UpdateGuard {
  /** Resolves with the verdict; never rejects. */
  check(update: Uint8Array): Promise<GuardVerdict>;
  close(): Promise<void>;
}

export interface WorkerGuardOptions {
  timeoutMs: number;
  /** The worker script; tests pass one that spins. Default: update-guard-worker.mjs beside this file. */
  workerUrl?: URL;
  /** Called with the seconds each check took (for the latency histogram). */
  observe?: (seconds: number) => void;
  /** Called when the worker is replaced (timeout or crash), for the log. */
  onRestart?: (why: string) => void;
}

interface Pending {
  id: number;
  bytes: Uint8Array;
  startedAt: number;
  resolve(verdict: GuardVerdict): void;
}

const DEFAULT_WORKER = new URL('./update-guard-worker.mjs', import.meta.url);

/** Enough heap for an 8 MiB update expanded into Yjs structs; a hostile one runs out here, not in the server. */
const WORKER_HEAP_MB = 512;

export function createWorkerGuard(options: WorkerGuardOptions): UpdateGuard {
  const queue: Pending[] = [];
  let nextId = 1;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  /** Whether the current worker has loaded; requests are timed only from then on. */
  let ready = false;
  let worker = spawn();

  function spawn(): Worker {
    ready = false;
    const w = new Worker(options.workerUrl ?? DEFAULT_WORKER, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    w.unref(); // an idle guard must not keep the process alive
    w.on('message', (answer: { ready?: true; id: number; ok: boolean; message?: string }) => {
      if (w !== worker) return;
      if (answer.ready) return void ((ready = true), armTimer());
      const head = queue[0];
      if (!head || head.id !== answer.id) return; // a late answer for a request already timed out
      settle(answer.ok ? { ok: true } : { ok: false, reason: 'malformed', message: answer.message ?? 'undecodable update' });
    });
    // A crash (e.g. out of memory on a hostile update) fails the request it was working on.
    w.on('error', (error) => w === worker && restart({ ok: false, reason: 'malformed', message: `guard worker failed: ${error.message}` }));
    w.on('exit', (code) => w === worker && !closed && restart({ ok: false, reason: 'malformed', message: `guard worker exited (${code})` }));
    return w;
  }

  function post(item: Pending): void {
    const copy = item.bytes.slice(); // the caller keeps its bytes to apply them after the verdict
    worker.postMessage({ id: item.id, bytes: copy }, [copy.buffer]);
  }

  function armTimer(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    if (queue.length === 0 || closed || !ready) return;
    // The clock starts when a request reaches the head: the ones before it are not its fault.
    const head = queue[0];
    timer = setTimeout(() => {
      // A main thread that was busy runs due timers before it reads messages that came meanwhile:
      // let this turn's messages in first (setImmediate runs after them), so a worker that did
      // answer in time is not taken for one that spins.
      setImmediate(() => {
        if (queue[0] === head && !closed) restart({ ok: false, reason: 'timeout', message: `update not validated within ${options.timeoutMs} ms` });
      });
    }, options.timeoutMs);
    timer.unref();
  }

  function settle(verdict: GuardVerdict): void {
    const head = queue.shift();
    if (!head) return;
    options.observe?.((performance.now() - head.startedAt) / 1000);
    head.resolve(verdict);
    armTimer();
  }

  function restart(verdictForHead: GuardVerdict): void {
    if (closed) return;
    const old = worker;
    worker = spawn(); // assigned first, so the old worker's exit event is ignored
    void old.terminate();
    options.onRestart?.(verdictForHead.ok ? 'restart' : verdictForHead.message);
    settle(verdictForHead);
    for (const item of queue) post(item);
    armTimer();
  }

  return {
    check(update) {
      if (closed) return Promise.resolve({ ok: false, reason: 'timeout', message: 'the server is shutting down' });
      return new Promise<GuardVerdict>((resolve) => {
        const item: Pending = { id: nextId++, bytes: update, startedAt: performance.now(), resolve };
        queue.push(item);
        post(item);
        if (queue.length === 1) armTimer();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      if (timer) clearTimeout(timer);
      for (const item of queue.splice(0)) item.resolve({ ok: false, reason: 'timeout', message: 'the server is shutting down' });
      await worker.terminate();
    },
  };
}
