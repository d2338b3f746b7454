/**
 * @module Forcing a full GC in a server process from outside, through the V8 inspector (the
 * servers run with --inspect=127.0.0.1:0 during the memory phase only). Neither server exposes a
 * GC hook and the reference must not be edited; HeapProfiler.collectGarbage works on both. The
 * same session reads process.memoryUsage(), whose heap figures are steadier than RSS, and with
 * --profile records CPU profiles of the load runs (SIGTERM ends the reference without writing a
 * --cpu-prof file, so profiles are taken this way for both).
 */
import WebSocket from 'ws';

export interface Inspector {
  collectGarbage(): Promise<void>;
  /** CPU profile of the main thread (not worker threads) between start and stop; a .cpuprofile object. */
  startProfile(): Promise<void>;
  stopProfile(): Promise<object>;
  memoryUsage(): Promise<NodeJS.MemoryUsage>;
  close(): void;
}

export async function openInspector(url: string): Promise<Inspector> {
  const socket = new WebSocket(url, { perMessageDeflate: false });
  await new Promise<void>((resolve, reject) => (socket.once('open', () => resolve()), socket.once('error', reject)));
  let nextId = 1;
  const waiting = new Map<number, { resolve(value: any): void; reject(error: Error): void }>();
  socket.on('message', (data: Buffer) => {
    const reply = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
    const pending = reply.id === undefined ? undefined : waiting.get(reply.id);
    if (!pending) return; // an event, not an answer
    waiting.delete(reply.id!);
    if (reply.error) pending.reject(new Error(reply.error.message));
    else pending.resolve(reply.result);
  });
  const call = <T>(method: string, params: object = {}) => new Promise<T>((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject });
    socket.send(JSON.stringify({ id, method, params }));
  });
  return {
    collectGarbage: () => call<void>('HeapProfiler.collectGarbage'),
    async startProfile() {
      await call('Profiler.enable');
      await call('Profiler.start');
    },
    async stopProfile() {
      const { profile } = await call<{ profile: object }>('Profiler.stop');
      return profile;
    },
    async memoryUsage() {
      const result = await call<{ result: { value: string } }>('Runtime.evaluate', {
        expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true,
      });
      return JSON.parse(result.result.value) as NodeJS.MemoryUsage;
    },
    close: () => socket.close(),
  };
}
