/**
 * @module Clients for integration tests: the stock y-websocket `WebsocketProvider` over node `ws`
 * (what the extension runs), a raw `ws` socket for hostile input, and domain helpers.
 */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { addCapture } from '../../../shared/mutations/captures';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { waitFor } from './wait-for';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the server sent this client, oldest first. */
  closes: { code: number; reason: string }[];
  destroy(): void;
}

const open = new Set<TestClient>();

export function connectClient(url: string, workspace: string, token: string, doc = new Y.Doc()): TestClient {
  const provider = new WebsocketProvider(url, workspace, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params: { token },
    // Several clients live in one test process: without this they would sync over a
    // BroadcastChannel and bypass the server under test.
    disableBc: true,
    maxBackoffTime: 300,
  });
  const closes: TestClient['closes'] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: String(event.reason) });
  });
  const client: TestClient = {
    doc, provider, closes,
    destroy() {
      open.delete(client);
      provider.destroy();
      doc.destroy();
    },
  };
  open.add(client);
  return client;
}

/** Destroys every client still open (for afterEach). */
export function destroyClients(): void {
  for (const client of [...open]) client.destroy();
}

export async function synced(client: TestClient, what = 'client to sync'): Promise<TestClient> {
  await waitFor(what, () => client.provider.synced);
  return client;
}

let counter = 0;

/** Adds a capture the way the extension does; returns its text. */
export function capture(doc: Y.Doc, text = `Feedback ${++counter}: the export button is hard to find`, actor = 'mem_member1'): string {
  const result = addCapture({ doc, actor }, { text, source: { url: `https://reviews.example/${counter}-${Math.random()}` } });
  if (!result.id) throw new Error('capture refused as duplicate');
  return text;
}

export function captureTexts(doc: Y.Doc): string[] {
  const view = createWorkspaceView(doc);
  try {
    return view.captures().map((c) => c.text).sort();
  } finally {
    view.destroy();
  }
}

export function docFrom(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const update of updates) Y.applyUpdate(doc, update);
  return doc;
}

/** A raw websocket; resolves when open, rejects with the HTTP status when the upgrade is refused. */
export function rawSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.on('open', () => resolve(socket));
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => reject(Object.assign(new Error(`HTTP ${res.statusCode}: ${body}`), { status: res.statusCode, body })));
    });
    socket.on('error', (error) => reject(error));
  });
}

/** Resolves with the close code and reason of a raw socket. */
export function closeOf(socket: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) => {
    if (socket.readyState === WebSocket.CLOSED) return resolve({ code: -1, reason: 'already closed' });
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });
}
