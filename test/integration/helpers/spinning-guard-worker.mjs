// @ts-check
/**
 * @module A stand-in for the update guard's worker that spins forever on any update containing
 * the bytes "spin-me", the way a crafted update has spun Yjs' decoder; it validates the rest
 * like the real worker, so the server's timeout, terminate and respawn path is what gets tested.
 */
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

const MARKER = Buffer.from('spin-me');
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

port.on('message', (/** @type {{ id: number, bytes: Uint8Array }} */ { id, bytes }) => {
  if (Buffer.from(bytes).includes(MARKER)) for (;;);
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, bytes);
    port.postMessage({ id, ok: true });
  } catch (error) {
    port.postMessage({ id, ok: false, message: String(error) });
  } finally {
    doc.destroy();
  }
});

port.postMessage({ ready: true });
