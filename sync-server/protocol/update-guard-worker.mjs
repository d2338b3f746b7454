// @ts-check
/**
 * @module The update guard's worker: applies each incoming update to a scratch Y.Doc and answers
 * whether it decoded. Plain JavaScript on purpose: a worker thread does not inherit the TypeScript
 * loader in every runner (tsx, vitest), and this file needs nothing but yjs.
 * Protocol: first `{ ready: true }` once loaded; then in `{ id, bytes: Uint8Array }`, out
 * `{ id, ok: true }` or `{ id, ok: false, message }`, strictly in the order received (the main
 * thread matches answers to a FIFO).
 */
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

if (!parentPort) throw new Error('update-guard-worker.mjs runs only as a worker thread');
const port = parentPort;

port.on('message', (/** @type {{ id: number, bytes: Uint8Array }} */ { id, bytes }) => {
  // A fresh doc per update: state left by an earlier (possibly hostile) update must not leak in.
  // A fixed guid: the default random one costs ~60 µs, more than applying a typical update.
  const doc = new Y.Doc({ guid: 'update-guard' });
  try {
    Y.applyUpdate(doc, bytes);
    port.postMessage({ id, ok: true });
  } catch (error) {
    port.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) });
  } finally {
    doc.destroy();
  }
});

// The main thread starts timing requests only now: loading yjs is not the update's fault.
port.postMessage({ ready: true });
