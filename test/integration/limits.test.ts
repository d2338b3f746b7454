/**
 * @module Limits: the message rate limit slows a client down without losing anything, and an update that
 * would grow the document past MAX_DOC_BYTES is refused and not stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { capture, captureTexts, connectClient, docFrom, synced } from './helpers/clients';
import { rejected, startTestServer, type TestServer, disposeServer } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

let server: TestServer | null = null;

afterEach(async () => {
  await disposeServer(server);
  server = null;
});

describe('limits', () => {
  it('throttles a client over MAX_MESSAGES_PER_SECOND without losing a message', async () => {
    server = await startTestServer({ config: { maxMessagesPerSecond: 40, messageBurst: 5 } });
    const s = server;
    const writer = await synced(connectClient(s.url, 'acme', s.token('acme')));
    const reader = await synced(connectClient(s.url, 'acme', s.token('acme')));
    // Each capture is its own transaction, so its own message: 60 messages against a burst of 5.
    const texts = Array.from({ length: 60 }, (_, i) => capture(writer.doc, `Burst capture number ${i}`));

    await waitFor('the reader to receive every capture', () => captureTexts(reader.doc).length === texts.length, { timeoutMs: 40_000 });
    expect(captureTexts(reader.doc)).toEqual([...texts].sort());
    expect(await rejected(s, 'rate_limited')).toBeGreaterThan(0);
    expect(writer.closes).toEqual([]);
    await waitFor('every capture to be stored', async () => captureTexts(docFrom(await s.storage.load('acme'))).length === texts.length);
  });

  it('refuses an update that would grow the document past MAX_DOC_BYTES (4413), storing nothing of it', async () => {
    server = await startTestServer({ config: { maxDocBytes: 4096 } });
    const s = server;
    const a = await synced(connectClient(s.url, 'acme', s.token('acme')));
    const small = capture(a.doc);
    await waitFor('the small capture to be stored', async () => captureTexts(docFrom(await s.storage.load('acme'))).includes(small));

    const big = capture(a.doc, `A very long review: ${'the export is slow and loses rows. '.repeat(150)}`);
    await waitFor('the client to be closed', () => a.closes.length > 0);
    expect(a.closes[0]).toEqual({ code: 4413, reason: 'document too large' });
    expect(await rejected(s, 'doc_too_large')).toBe(1);
    const stored = captureTexts(docFrom(await s.storage.load('acme')));
    expect(stored).toEqual([small]);
    expect(stored).not.toContain(big);
  });
});
