/** @module A client that stops reading is dropped once the server holds too much for it; others carry on. */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { capture, captureTexts, connectClient, synced } from './helpers/clients';
import { rejected, startTestServer, type TestServer, disposeServer } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

let server: TestServer | null = null;
afterEach(async () => {
  await disposeServer(server);
  server = null;
});

describe('a client that does not read', () => {
  it('is dropped when its send buffer passes the limit, and catches up after reconnecting', async () => {
    // Loopback TCP can buffer tens of MB in the kernel before the server holds anything (tcp_rmem's
    // maximum is 32 MiB on some of these machines): the document may grow past the usual 64 MiB, and
    // the test helper's 1 s heartbeat would drop the paused client as dead before its buffer fills.
    server = await startTestServer({ config: { maxBufferedBytes: 2 * 1024 * 1024, maxDocBytes: 512 * 1024 * 1024, heartbeatMs: 600_000 } });
    const slow = await synced(connectClient(server.url, 'team', server.token('team')));
    const writer = await synced(connectClient(server.url, 'team', server.token('team')));
    // Stop reading on the slow client's side: the kernel buffers fill, then the server's.
    const socket = (slow.provider.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    socket.pause();
    const big = 'x'.repeat(4000);
    // Until the server drops it (or 60 s): how much the kernel buffers first depends on the machine's load.
    const deadline = Date.now() + 60_000;
    for (let i = 0; Date.now() < deadline && (await rejected(server, 'slow_reader')) === 0; i += 50) {
      // One message per 50 captures (200 KB), well inside the writer's own message-rate limit.
      writer.doc.transact(() => { for (let j = 0; j < 50; j++) capture(writer.doc, `${big} ${i + j}`); });
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await rejected(server, 'slow_reader')).toBe(1);
    socket.resume();
    // The writer never noticed; the slow client reconnects and catches up, in one step-2 message
    // larger than the limit (what is already waiting counts, not the message being sent).
    await waitFor('the slow client to catch up', () => captureTexts(slow.doc).length === captureTexts(writer.doc).length, { timeoutMs: 60_000 });
    expect(Y.encodeStateVector(slow.doc)).toEqual(Y.encodeStateVector(writer.doc));
  });
});
