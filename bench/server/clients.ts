/**
 * @module The two kinds of load client, behind one interface. `provider`: the stock y-websocket
 * WebsocketProvider over node `ws` (what the extension runs; it applies every received update to
 * its own Y.Doc). `raw`: a minimal y-websocket protocol client (y-protocols/sync framing, sync
 * step 1/2, one awareness state renewed like the provider's) that does not keep a document: it
 * only searches received updates for markers. Hundreds of providers applying every update cost
 * the load generator ~60 µs per receiver per update, which on a 2-core machine takes CPU from the
 * server under test at high rates; the raw client costs a few µs.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

export type ClientKind = 'provider' | 'raw';

export interface LoadClient {
  readonly slot: number;
  /** Resolves once the server's sync step 2 has arrived. */
  readonly synced: Promise<void>;
  /** True once the socket closed without close() having been called. */
  readonly lost: boolean;
  /** The provider's replica (null for a raw client, which keeps none). */
  readonly doc: Y.Doc | null;
  /** Sends one Yjs update (the provider sends it as its document emits it). */
  sendUpdate(update: Uint8Array): void;
  close(): void;
}

export interface ClientSpec {
  url: string;
  room: string;
  token: string;
  slot: number;
  /** Called with every update this client received from the server. */
  onUpdate(slot: number, update: Uint8Array): void;
}

/** Origin of updates the benchmark applies to a provider's doc; not the provider, so it sends them. */
const BENCH_ORIGIN = 'closeloop-bench';
/** Nothing: what a raw client answers a sync step 1 with, and the state vector it asks with. */
const EMPTY_DOC = new Y.Doc();
/** The y-websocket provider renews its awareness state every 15 s (half of the 30 s timeout). */
const AWARENESS_RENEW_MS = 15_000;

export function connectClient(kind: ClientKind, spec: ClientSpec): LoadClient {
  return kind === 'provider' ? providerClient(spec) : rawClient(spec);
}

function providerClient(spec: ClientSpec): LoadClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(spec.url, spec.room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token: spec.token },
    disableBc: true, // all clients share this process: a BroadcastChannel would bypass the server
  });
  let closed = false;
  let lost = false;
  provider.on('connection-close', () => void (closed || (lost = true)));
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === provider) spec.onUpdate(spec.slot, update);
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    const done = (isSynced: boolean) => isSynced && (provider.off('sync', done), resolve());
    provider.on('sync', done);
  });
  return {
    slot: spec.slot, synced, doc,
    get lost() { return lost; },
    sendUpdate: (update) => Y.applyUpdate(doc, update, BENCH_ORIGIN),
    close() {
      closed = true;
      provider.destroy();
      doc.destroy();
    },
  };
}

function rawClient(spec: ClientSpec): LoadClient {
  const socket = new WebSocket(`${spec.url}/${spec.room}?token=${encodeURIComponent(spec.token)}`, { perMessageDeflate: false });
  // Awareness like a provider's: a random client id with an empty state, renewed periodically.
  const awarenessId = Math.floor(Math.random() * 2 ** 31);
  let awarenessClock = 0;
  let closed = false;
  let lost = false;
  let markSynced!: () => void;
  let failSync!: (error: Error) => void;
  const synced = new Promise<void>((resolve, reject) => ((markSynced = resolve), (failSync = reject)));
  synced.catch(() => {});

  const send = (message: Uint8Array) => socket.readyState === socket.OPEN && socket.send(message);
  const sendAwareness = () => send(message(1, (e) => {
    const inner = encoding.createEncoder();
    encoding.writeVarUint(inner, 1);
    encoding.writeVarUint(inner, awarenessId);
    encoding.writeVarUint(inner, ++awarenessClock);
    encoding.writeVarString(inner, '{}');
    encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  }));
  const renew = setInterval(sendAwareness, AWARENESS_RENEW_MS);

  socket.on('open', () => {
    send(message(0, (e) => syncProtocol.writeSyncStep1(e, EMPTY_DOC))); // an empty state vector
    sendAwareness();
  });
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== 0) return; // awareness and auth: nothing to do
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      // This client holds no state of its own beyond what it sends: answer with an empty update.
      send(message(0, (e) => syncProtocol.writeSyncStep2(e, EMPTY_DOC, payload)));
    } else if (step === syncProtocol.messageYjsSyncStep2) {
      markSynced();
    } else if (step === syncProtocol.messageYjsUpdate) {
      spec.onUpdate(spec.slot, payload);
    }
  });
  socket.on('error', (error) => failSync(error));
  socket.on('close', (code, reason) => {
    clearInterval(renew);
    if (!closed) (lost = true), failSync(new Error(`closed ${code} ${reason.toString()}`));
  });
  return {
    slot: spec.slot, synced, doc: null,
    get lost() { return lost; },
    sendUpdate: (update) => send(message(0, (e) => syncProtocol.writeUpdate(e, update))),
    close() {
      closed = true;
      clearInterval(renew);
      socket.close();
    },
  };
}

function message(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}
