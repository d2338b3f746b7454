/**
 * @module The y-websocket wire format, both directions: a varuint message type, then a payload.
 * 0 sync (y-protocols/sync step 1 / step 2 / update), 1 awareness, 2 auth (permission denied),
 * 3 query awareness. Parsing is strict: anything else, or bytes left over, is malformed, so random
 * input is refused here instead of reaching Yjs.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as authProtocol from 'y-protocols/auth';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

export type ClientMessage =
  | { kind: 'sync-step1'; stateVector: Uint8Array }
  | { kind: 'sync-step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'auth' }
  | { kind: 'query-awareness' };

/** The message could not be read; `message` says why (for the log and the close reason). */
export class MalformedMessage extends Error {
  override name = 'MalformedMessage';
}

/** Decodes one client message; throws MalformedMessage for anything that is not exactly one. */
export function parseClientMessage(bytes: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(bytes);
  let message: ClientMessage;
  try {
    message = readMessage(decoder);
  } catch (error) {
    if (error instanceof MalformedMessage) throw error;
    throw new MalformedMessage(`undecodable message: ${(error as Error).message}`);
  }
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after the message');
  return message;
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MESSAGE_SYNC: {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) return { kind: 'sync-step1', stateVector: payload };
      if (step === syncProtocol.messageYjsSyncStep2) return { kind: 'sync-step2', update: payload };
      if (step === syncProtocol.messageYjsUpdate) return { kind: 'update', update: payload };
      throw new MalformedMessage(`unknown sync message type ${step}`);
    }
    case MESSAGE_AWARENESS:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MESSAGE_AUTH:
      // Only servers send auth messages; read it whole so the framing is still checked.
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
      return { kind: 'auth' };
    case MESSAGE_QUERY_AWARENESS:
      return { kind: 'query-awareness' };
    default:
      throw new MalformedMessage(`unknown message type ${type}`);
  }
}

function build(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeSyncStep1(e, doc);
  });
}

/** Sync step 2: what `doc` has that the holder of `stateVector` lacks. Throws on a bad state vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const update = Y.encodeStateAsUpdate(doc, stateVector);
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(e, update);
  });
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_SYNC);
    syncProtocol.writeUpdate(e, update);
  });
}

export function encodeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  });
}

export function encodePermissionDenied(reason: string): Uint8Array {
  return build((e) => {
    encoding.writeVarUint(e, MESSAGE_AUTH);
    authProtocol.writePermissionDenied(e, reason);
  });
}

/** The update with no structs and no deletions: what an up-to-date client answers to step 1. */
export function isEmptyUpdate(update: Uint8Array): boolean {
  return update.length === 2 && update[0] === 0 && update[1] === 0;
}
