/** @module The wire format parser, the token bucket and the update guard, without a server. */
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  MalformedMessage, encodeSyncStep1, encodeUpdate, isEmptyUpdate, parseClientMessage,
} from '../../../sync-server/protocol/messages';
import { createTokenBucket } from '../../../sync-server/protocol/rate-limit';
import { createWorkerGuard, type UpdateGuard } from '../../../sync-server/protocol/update-guard';

function message(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  write(e);
  return encoding.toUint8Array(e);
}

describe('parseClientMessage', () => {
  const doc = new Y.Doc();
  doc.getMap('m').set('k', 'v');
  const update = Y.encodeStateAsUpdate(doc);

  it('reads each message type a stock client sends', () => {
    expect(parseClientMessage(encodeSyncStep1(doc))).toMatchObject({ kind: 'sync-step1' });
    expect(parseClientMessage(encodeUpdate(update))).toEqual({ kind: 'update', update });
    expect(parseClientMessage(message((e) => { encoding.writeVarUint(e, 0); encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, update); })))
      .toEqual({ kind: 'sync-step2', update });
    expect(parseClientMessage(message((e) => { encoding.writeVarUint(e, 1); encoding.writeVarUint8Array(e, new Uint8Array([0])); })))
      .toMatchObject({ kind: 'awareness' });
    expect(parseClientMessage(Uint8Array.of(3))).toEqual({ kind: 'query-awareness' });
  });

  it.each([
    ['empty', new Uint8Array()],
    ['unknown type', Uint8Array.of(9)],
    ['unknown sync step', Uint8Array.of(0, 7, 0)],
    ['truncated payload', Uint8Array.of(0, 2, 50, 1, 2)],
    ['trailing bytes', Uint8Array.of(3, 3)],
    ['overlong varint', Uint8Array.of(255, 255, 255, 255, 255, 255, 255, 255, 255, 255)],
  ])('refuses %s', (_name, bytes) => {
    expect(() => parseClientMessage(bytes)).toThrow(MalformedMessage);
  });

  it('recognises the empty update', () => {
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true);
    expect(isEmptyUpdate(update)).toBe(false);
  });
});

describe('token bucket', () => {
  it('lets a burst through, then asks to wait until a token is back', () => {
    let now = 0;
    const bucket = createTokenBucket(10, 3, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([0, 0, 0]);
    expect(bucket.take()).toBe(200); // -1 tokens: 2 tokens at 10/s
    now += 1000;
    expect(bucket.take()).toBe(0);
  });
});

describe('update guard', () => {
  let guard: UpdateGuard | null = null;
  afterEach(async () => {
    await guard?.close();
    guard = null;
  });

  it('passes valid updates, flags undecodable ones, keeps answers in order', async () => {
    const seconds: number[] = [];
    guard = createWorkerGuard({ timeoutMs: 5000, observe: (s) => seconds.push(s) });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 20; i++) doc.getArray('a').push([i]);
    const verdicts = await Promise.all([...updates, Uint8Array.of(1, 2, 3), updates[0]!].map((u) => guard!.check(u)));
    expect(verdicts.slice(0, 20).every((v) => v.ok)).toBe(true);
    expect(verdicts[20]).toMatchObject({ ok: false, reason: 'malformed' });
    expect(verdicts[21]).toEqual({ ok: true });
    expect(seconds).toHaveLength(22);
    // The caller's bytes are untouched (a copy is transferred).
    expect(updates[0]!.byteLength).toBeGreaterThan(0);
  });

  it('times out a spinning update, replaces the worker and carries on', async () => {
    const restarts: string[] = [];
    guard = createWorkerGuard({
      timeoutMs: 300,
      workerUrl: new URL('../../integration/helpers/spinning-guard-worker.mjs', import.meta.url),
      onRestart: (why) => restarts.push(why),
    });
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'spin-me');
    const poison = guard.check(Y.encodeStateAsUpdate(doc));
    const fine = guard.check(Y.encodeStateAsUpdate(new Y.Doc()));
    expect(await poison).toMatchObject({ ok: false, reason: 'timeout' });
    expect(await fine).toEqual({ ok: true });
    expect(restarts).toHaveLength(1);
  });
});
