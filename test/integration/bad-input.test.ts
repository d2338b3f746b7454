/**
 * @module Hostile input: each bad message closes only the connection that sent it, with a reason and a
 * counter; other clients keep syncing and the stored state stays intact.
 */
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import * as Y from 'yjs';
import { encodeUpdate } from '../../sync-server/protocol/messages';
import { createWorkerGuard, type UpdateGuard } from '../../sync-server/protocol/update-guard';
import { capture, captureTexts, closeOf, connectClient, destroyClients, docFrom, rawSocket, synced } from './helpers/clients';
import { rejected, removeDir, startTestServer, type TestServer } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

let server: TestServer | null = null;
let guard: UpdateGuard | null = null;

afterEach(async () => {
  destroyClients();
  await server?.stop();
  await guard?.close();
  if (server) removeDir(server.dataDir);
  server = null;
  guard = null;
});

/** Deterministic bytes (mulberry32), so a failure can be replayed. */
function seededBytes(seed: number, length: number): Uint8Array {
  let a = seed;
  return Uint8Array.from({ length }, () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) & 0xff;
  });
}

function aRealUpdateMessage(): Uint8Array {
  const doc = new Y.Doc();
  capture(doc, 'A real capture whose message gets cut in half');
  return encodeUpdate(Y.encodeStateAsUpdate(doc));
}

function syncUpdateWithPayload(payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // sync
  encoding.writeVarUint(e, 2); // update
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Connects a good client with one capture stored, lets `attack` misbehave, checks the aftermath. */
async function survives(
  attack: (socket: WebSocket) => void,
  expected: { code: number; reason: string; counter: string },
  config: Parameters<typeof startTestServer>[0] = {},
): Promise<void> {
  server = await startTestServer(config);
  const s = server;
  const a = await synced(connectClient(s.url, 'acme', s.token('acme')));
  const before = capture(a.doc);
  await waitFor('the first capture to be stored', async () => captureTexts(docFrom(await s.storage.load('acme'))).includes(before));

  const socket = await rawSocket(`${s.url}/acme?token=${s.token('acme')}`);
  const closed = closeOf(socket);
  attack(socket);
  const { code, reason } = await closed;
  expect(code).toBe(expected.code);
  expect(reason).toContain(expected.reason);
  expect(await rejected(s, expected.counter)).toBe(1);

  // The good client kept its connection and still syncs with a newcomer.
  const b = await synced(connectClient(s.url, 'acme', s.token('acme')));
  const after = capture(b.doc);
  await waitFor('a to receive b\'s capture', () => captureTexts(a.doc).includes(after));
  expect(a.closes).toEqual([]);
  expect(captureTexts(docFrom(await s.storage.load('acme')))).toEqual([before, after].sort());
}

describe('bad input', () => {
  for (const seed of [1, 2, 3]) {
    it(`random bytes (seed ${seed}) close only that connection`, async () => {
      await survives((socket) => socket.send(seededBytes(seed, 64)), { code: 4400, reason: '', counter: 'malformed' });
    });
  }

  it('a truncated sync message closes only that connection', async () => {
    const whole = aRealUpdateMessage();
    await survives((socket) => socket.send(whole.subarray(0, Math.floor(whole.length / 2))), {
      code: 4400, reason: 'undecodable message', counter: 'malformed',
    });
  });

  it('a well-framed update with an undecodable payload closes only that connection', async () => {
    const garbage = Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await survives((socket) => socket.send(syncUpdateWithPayload(garbage)), {
      code: 4400, reason: 'Unexpected end of array', counter: 'malformed',
    });
  });

  it('a text frame closes only that connection (1003)', async () => {
    await survives((socket) => socket.send('hello'), { code: 1003, reason: 'text frames', counter: 'malformed' });
  });

  it('a frame over MAX_FRAME_BYTES is refused with 1009', async () => {
    await survives((socket) => socket.send(new Uint8Array(4096)), { code: 1009, reason: '', counter: 'oversized' }, {
      config: { maxFrameBytes: 1024 },
    });
  });

  it('an update that spins the decoder times out: that connection closes, the guard recovers', async () => {
    guard = createWorkerGuard({ timeoutMs: 300, workerUrl: new URL('./helpers/spinning-guard-worker.mjs', import.meta.url) });
    server = await startTestServer({ guard });
    const s = server;
    const spinner = await synced(connectClient(s.url, 'acme', s.token('acme')));
    const honest = await synced(connectClient(s.url, 'acme', s.token('acme')));

    const poison = capture(spinner.doc, 'This capture says spin-me to the guard');
    await waitFor('the spinning client to be closed', () => spinner.closes.length > 0);
    expect(spinner.closes[0]).toEqual({ code: 4408, reason: 'update not validated within 300 ms' });
    expect(await rejected(s, 'timeout')).toBe(1);

    // The replacement worker validates the next update; the poison never reached anyone.
    const fine = capture(honest.doc);
    const fresh = await synced(connectClient(s.url, 'acme', s.token('acme')));
    await waitFor('a newcomer to receive the honest capture', () => captureTexts(fresh.doc).includes(fine));
    expect(captureTexts(fresh.doc)).not.toContain(poison);
    expect(captureTexts(docFrom(await s.storage.load('acme')))).toEqual([fine]);
  });
});
