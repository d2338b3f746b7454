/**
 * @module Keeps every sync message a WebsocketProvider sends under a byte budget. Stock y-websocket
 * answers the server's sync step 1 with one step-2 message holding the whole diff, and sends each
 * local transaction as one update message; past the server's MAX_FRAME_BYTES the server closes
 * with 1009, the provider reconnects and sends the same frame again, forever. Here both are cut
 * into several valid Yjs updates (split-update.ts). The server must keep MAX_FRAME_BYTES (default
 * 8 MiB) above the budget (default 1 MiB); a single struct over the budget still goes whole.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, type WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { MIN_SPLIT_BYTES, splitUpdate } from './split-update';

export { splitUpdate } from './split-update';

export const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;
/** What a sync message adds around its update: message type, sync type and a varuint length. */
const SYNC_MESSAGE_OVERHEAD = 16;

export interface ChunkedSyncOptions {
  /** Largest message sent; keep it under the server's MAX_FRAME_BYTES. Default 1 MiB. */
  maxMessageBytes?: number | undefined;
}

/** The part of the provider this module rewires (y-websocket 3.x). */
export type ChunkableProvider = Pick<WebsocketProvider, 'doc' | 'ws' | 'messageHandlers' | '_updateHandler'>;

/**
 * Replaces, on this provider instance only, the sync message handler and the doc 'update'
 * listener. Everything but the two oversized sends stays stock, including `synced` (it flips when
 * the server's step 2 arrives, which this does not touch). `provider.destroy()` removes the new
 * update listener, since it is stored as `provider._updateHandler`.
 */
export function installChunkedSync(provider: ChunkableProvider, { maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES }: ChunkedSyncOptions = {}): void {
  const maxUpdateBytes = maxMessageBytes - SYNC_MESSAGE_OVERHEAD;
  // Checked now: splitting happens later, inside a socket handler, where a throw is only logged.
  if (!(maxUpdateBytes >= MIN_SPLIT_BYTES)) throw new RangeError(`maxMessageBytes must be at least ${MIN_SPLIT_BYTES + SYNC_MESSAGE_OVERHEAD}`);
  const stockSync = provider.messageHandlers[messageSync]!;
  provider.messageHandlers[messageSync] = (encoder, decoder, p, emitSynced, messageType) => {
    // emitSynced is false for BroadcastChannel messages, which have no frame limit.
    if (!emitSynced || decoding.peekVarUint(decoder) !== syncProtocol.messageYjsSyncStep1) {
      return stockSync(encoder, decoder, p, emitSynced, messageType);
    }
    decoding.readVarUint(decoder);
    const diff = Y.encodeStateAsUpdate(provider.doc, decoding.readVarUint8Array(decoder));
    const chunks = splitUpdate(diff, maxUpdateBytes);
    // The server applies step 2 and update alike. All but the last chunk go out now as updates;
    // the last is the step-2 reply y-websocket sends when this returns, so "step 2" still means
    // "that was everything" to any peer that reads it so.
    const ws = provider.ws;
    for (const chunk of chunks.slice(0, -1)) {
      if (ws && ws.readyState === ws.OPEN) ws.send(syncMessage(syncProtocol.messageYjsUpdate, chunk));
    }
    encoding.writeVarUint(encoder, messageSync);
    encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(encoder, chunks[chunks.length - 1]!);
  };

  const stockUpdate = provider._updateHandler;
  const chunkedUpdate = (update: Uint8Array, origin: unknown) => {
    // Small updates, and the provider's own (remote changes it applied), take the stock path whole.
    if (update.byteLength <= maxUpdateBytes || origin === provider) return stockUpdate(update, origin);
    for (const chunk of splitUpdate(update, maxUpdateBytes)) stockUpdate(chunk, origin);
  };
  provider.doc.off('update', stockUpdate);
  provider.doc.on('update', chunkedUpdate);
  provider._updateHandler = chunkedUpdate;
}

function syncMessage(type: number, update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageSync);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
