/**
 * @module The write pipeline. "Nothing is relayed before it is stored": with storage appends held back,
 * an update reaches neither other members nor a newcomer's sync-step-2; released, it reaches
 * both. And a failed append drops the document instead of serving what storage does not have.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DocumentStorage } from '../../sync-server/storage/storage';
import { capture, captureTexts, connectClient, docFrom, synced } from './helpers/clients';
import { startTestServer, type TestServer, disposeServer } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

/** Storage whose appends wait while `held` is true. */
function gatedStorage(inner: DocumentStorage) {
  const waiting: (() => void)[] = [];
  let calls = 0;
  const gate = {
    held: false,
    get waitingAppends() {
      return waiting.length;
    },
    get appendCalls() {
      return calls;
    },
    release() {
      gate.held = false;
      for (const go of waiting.splice(0)) go();
    },
  };
  const storage: DocumentStorage = {
    ...inner,
    load: (w) => inner.load(w),
    compact: (w, s) => inner.compact(w, s),
    size: (w) => inner.size(w),
    close: () => inner.close(),
    async append(workspace, update) {
      calls++;
      if (gate.held) await new Promise<void>((resolve) => waiting.push(resolve));
      return inner.append(workspace, update);
    },
  };
  return { storage, gate };
}

let server: TestServer | null = null;

afterEach(async () => {
  await disposeServer(server);
  server = null;
});

describe('write ordering', () => {
  it('relays an update and answers sync step 1 with it only after it is stored', async () => {
    let gate!: ReturnType<typeof gatedStorage>['gate'];
    server = await startTestServer({
      wrapStorage: (inner) => {
        const gated = gatedStorage(inner);
        gate = gated.gate;
        return gated.storage;
      },
    });
    const a = await synced(connectClient(server.url, 'acme', server.token('acme')));
    const b = await synced(connectClient(server.url, 'acme', server.token('acme')));
    await waitFor('the workspace initialisation to be stored', () => gate.appendCalls >= 1 && gate.waitingAppends === 0);

    gate.held = true;
    const text = capture(a.doc);
    await waitFor('the append of a\'s update to start', () => gate.waitingAppends === 1);
    // a's awareness goes out after its update on the same socket and is relayed at once, so once b
    // has it, an update relayed without waiting for storage would already be there too.
    a.provider.awareness.setLocalStateField('user', { name: 'A' });
    await waitFor('b to see a\'s awareness', () => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'A'));
    expect(captureTexts(b.doc)).not.toContain(text);

    // A newcomer's step 2 holds the update too, so it waits as well (its awareness shows it was read).
    const c = connectClient(server.url, 'acme', server.token('acme'));
    c.provider.awareness.setLocalStateField('user', { name: 'C' });
    await waitFor('b to see c\'s awareness', () => [...b.provider.awareness.getStates().values()].some((s) => s.user?.name === 'C'));
    expect(c.provider.synced).toBe(false);
    expect(captureTexts(c.doc)).not.toContain(text);

    gate.release();
    await waitFor('b to receive the stored update', () => captureTexts(b.doc).includes(text));
    await synced(c, 'the newcomer to sync');
    expect(captureTexts(c.doc)).toContain(text);
  });

  it('drops the document when an append fails; clients reconnect, resend, and it is stored', async () => {
    let failNext = false;
    server = await startTestServer({
      wrapStorage: (inner) => ({
        ...inner,
        load: (w) => inner.load(w),
        compact: (w, s) => inner.compact(w, s),
        size: (w) => inner.size(w),
        close: () => inner.close(),
        append(workspace, update) {
          if (!failNext) return inner.append(workspace, update);
          failNext = false;
          return Promise.reject(new Error('disk full (simulated)'));
        },
      }),
    });
    const s = server;
    const a = await synced(connectClient(s.url, 'acme', s.token('acme')));
    const b = await synced(connectClient(s.url, 'acme', s.token('acme')));
    failNext = true;
    const text = capture(a.doc);
    await waitFor('both clients to be closed with 1011', () =>
      a.closes.some((c) => c.code === 1011) && b.closes.some((c) => c.code === 1011));
    expect(s.logs.some((l) => l.level === 'error' && l.msg.startsWith('storage write failed'))).toBe(true);
    // The stock client reconnects after 1011 and sends what the reloaded document lacks.
    await waitFor('b to receive the capture after the reload', () => captureTexts(b.doc).includes(text));
    expect(captureTexts(docFrom(await s.storage.load('acme')))).toEqual([text]);
  });
});
