/**
 * @module Document lifecycle and observability: idle documents are unloaded (and come back intact),
 * a growing log is compacted without losing data, /healthz and /metrics report it all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { capture, captureTexts, connectClient, destroyClients, docFrom, rawSocket, closeOf, synced } from './helpers/clients';
import { rejected, removeDir, scrapeMetrics, startTestServer, type TestServer } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

const servers: TestServer[] = [];

afterEach(async () => {
  destroyClients();
  for (const server of servers.splice(0)) {
    await server.stop();
    removeDir(server.dataDir);
  }
});

async function start(config: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(config);
  servers.push(server);
  return server;
}

async function healthz(server: TestServer): Promise<{ status: string; uptime: number; documents: number; connections: number }> {
  return (await fetch(`${server.httpUrl}/healthz`)).json();
}

describe('lifecycle', () => {
  it('unloads a document IDLE_UNLOAD_MS after its last client left, and reloads it intact', async () => {
    const s = await start({ config: { idleUnloadMs: 300 } });
    const a = await synced(connectClient(s.url, 'acme', s.token('acme')));
    const texts = [capture(a.doc), capture(a.doc)];
    await waitFor('captures to be stored', async () => captureTexts(docFrom(await s.storage.load('acme'))).length === 2);
    expect((await healthz(s)).documents).toBe(1);

    a.destroy();
    await waitFor('the document to be unloaded', async () => (await scrapeMetrics(s)).get('closeloop_documents_loaded') === 0);
    expect(s.logs.some((l) => l.msg === 'document unloaded' && l.workspace === 'acme')).toBe(true);

    const b = await synced(connectClient(s.url, 'acme', s.token('acme')));
    expect(captureTexts(b.doc)).toEqual([...texts].sort());
    expect((await healthz(s)).documents).toBe(1);
  });

  it('compacts the stored log once it outgrows COMPACT_AFTER_BYTES, and the data survives a restart', async () => {
    const s = await start({ config: { compactAfterBytes: 2048 } });
    const a = await synced(connectClient(s.url, 'acme', s.token('acme')));
    const texts: string[] = [];
    for (let i = 0; i < 12; i++) {
      texts.push(capture(a.doc));
      // One record per capture (not one merged batch), so the log really grows.
      await waitFor('the capture to be stored', async () => captureTexts(docFrom(await s.storage.load('acme'))).length === i + 1);
    }
    await waitFor('a compaction', () => s.logs.some((l) => l.msg === 'document compacted'));
    const records = await s.storage.load('acme');
    expect(records.length).toBeLessThan(texts.length);
    expect(captureTexts(docFrom(records))).toEqual([...texts].sort());

    a.destroy();
    await s.stop();
    const again = await start({ dataDir: s.dataDir });
    const b = await synced(connectClient(again.url, 'acme', again.token('acme')));
    expect(captureTexts(b.doc)).toEqual([...texts].sort());
  });

  it('reports health and Prometheus metrics, and the rejection counters move', async () => {
    const s = await start();
    const health = await healthz(s);
    expect(health).toEqual({ status: 'ok', uptime: expect.any(Number), documents: 0, connections: 0 });

    const a = await synced(connectClient(s.url, 'acme', s.token('acme')));
    const b = await synced(connectClient(s.url, 'acme', s.token('acme')));
    const text = capture(a.doc);
    await waitFor('b to receive it', () => captureTexts(b.doc).includes(text));
    expect(await rejected(s, 'malformed')).toBe(0);
    const bad = await rawSocket(`${s.url}/acme?token=${s.token('acme')}`);
    const closed = closeOf(bad);
    bad.send(Uint8Array.from([42, 42, 42]));
    await closed;

    const response = await fetch(`${s.httpUrl}/metrics`);
    expect(response.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    const body = await response.text();
    for (const name of [
      'closeloop_connections', 'closeloop_documents_loaded', 'closeloop_updates_in_total', 'closeloop_updates_out_total',
      'closeloop_bytes_stored_total', 'closeloop_rejected_messages_total', 'closeloop_auth_failures_total',
      'closeloop_update_guard_seconds', 'process_resident_memory_bytes',
    ]) {
      expect(body).toContain(`# HELP ${name} `);
      expect(body).toMatch(new RegExp(`^# TYPE ${name} (gauge|counter|histogram)$`, 'm'));
    }
    await waitFor('the bad socket to be gone', async () => (await scrapeMetrics(s)).get('closeloop_connections') === 2);
    const m = await scrapeMetrics(s);
    expect(m.get('closeloop_documents_loaded')).toBe(1);
    expect(m.get('closeloop_updates_in_total')).toBeGreaterThanOrEqual(1);
    expect(m.get('closeloop_updates_out_total')).toBeGreaterThanOrEqual(1);
    expect(m.get('closeloop_bytes_stored_total')).toBeGreaterThan(0);
    expect(m.get('closeloop_update_guard_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(m.get('closeloop_rejected_messages_total{reason="malformed"}')).toBe(1);
    expect(m.get('closeloop_rejected_messages_total{reason="viewer_write"}')).toBe(0);

    expect((await fetch(`${s.httpUrl}/nope`)).status).toBe(404);
    expect((await healthz(s)).connections).toBe(2);
  });
});
