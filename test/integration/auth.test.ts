/**
 * @module Authentication: refused upgrades get an HTTP status (401/400/503) before any websocket exists,
 * revocation also cuts live sockets, and `/auth` answers the extension's "is my token good?".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { revokeWorkspace } from '../../sync-server/auth/revocations';
import { connectClient, rawSocket, synced } from './helpers/clients';
import { scrapeMetrics, startTestServer, type TestServer, disposeServer } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

let server: TestServer | null = null;

afterEach(async () => {
  await disposeServer(server);
  server = null;
});

async function refusal(url: string): Promise<{ status: number; body: string }> {
  const error = await rawSocket(url).then(
    (socket) => {
      socket.terminate();
      throw new Error(`expected ${url} to be refused, it was accepted`);
    },
    (e: { status?: number; body?: string }) => e,
  );
  return { status: error.status ?? -1, body: error.body ?? '' };
}

describe('auth at the upgrade', () => {
  it('refuses wrong, missing, foreign, revoked and expired tokens with 401 and a reason', async () => {
    server = await startTestServer();
    const s = server;
    const good = s.token('acme');
    const other = s.token('other');
    const expired = s.token('acme', 'editor', { expiresInSeconds: 60, nowMs: Date.now() - 3_600_000 });
    const tampered = `${good.slice(0, -4)}AAAA`;

    expect(await refusal(`${s.url}/acme`)).toEqual({ status: 401, body: 'token missing' });
    expect(await refusal(`${s.url}/acme?token=nonsense`)).toEqual({ status: 401, body: 'token malformed' });
    expect((await refusal(`${s.url}/acme?token=${tampered}`)).status).toBe(401);
    expect(await refusal(`${s.url}/acme?token=${other}`)).toEqual({ status: 401, body: 'token is for another workspace' });
    expect(await refusal(`${s.url}/acme?token=${expired}`)).toEqual({ status: 401, body: 'token expired' });
    expect((await refusal(`${s.url}/Not_An_Id?token=${good}`)).status).toBe(400);
    expect((await refusal(`${s.url}/acme/extra?token=${good}`)).status).toBe(400);

    const accepted = await rawSocket(`${s.url}/acme?token=${good}`);
    accepted.close();
    revokeWorkspace(s.dataDir, 'acme');
    expect(await refusal(`${s.url}/acme?token=${good}`)).toEqual({ status: 401, body: 'token revoked' });
    // A token issued after the revocation works.
    (await rawSocket(`${s.url}/acme?token=${s.token('acme')}`)).close();

    const metrics = await scrapeMetrics(s);
    expect(metrics.get('closeloop_auth_failures_total{reason="missing"}')).toBe(1);
    expect(metrics.get('closeloop_auth_failures_total{reason="revoked"}')).toBe(1);
    expect(metrics.get('closeloop_auth_failures_total{reason="bad_signature"}')).toBe(1);
  });

  it('cuts a connected client off after its workspace is revoked (4401), and it stays off', async () => {
    server = await startTestServer();
    const client = await synced(connectClient(server.url, 'acme', server.token('acme')));
    const bystander = await synced(connectClient(server.url, 'other', server.token('other')));
    revokeWorkspace(server.dataDir, 'acme');
    await waitFor('the revoked client to be closed', () => client.closes.some((c) => c.code === 4401));
    expect(client.closes.find((c) => c.code === 4401)?.reason).toBe('token revoked');
    // 44xx tells the stock client not to reconnect with a token that cannot work.
    expect(client.provider.shouldConnect).toBe(false);
    expect(bystander.provider.wsconnected).toBe(true);
  });

  it('cuts a connected client off when its token expires', async () => {
    server = await startTestServer();
    const client = await synced(connectClient(server.url, 'acme', server.token('acme', 'editor', { expiresInSeconds: 5 })));
    await waitFor('the expired client to be closed', () => client.closes.some((c) => c.code === 4401));
    expect(client.closes.find((c) => c.code === 4401)?.reason).toBe('token expired');
  });

  it('refuses more connections than MAX_CONNECTIONS_PER_WORKSPACE with 503', async () => {
    server = await startTestServer({ config: { maxConnectionsPerWorkspace: 2 } });
    const url = `${server.url}/acme?token=${server.token('acme')}`;
    const first = await rawSocket(url);
    const second = await rawSocket(url);
    expect((await refusal(url)).status).toBe(503);
    // Other workspaces have their own allowance; a freed slot can be taken again.
    (await rawSocket(`${server.url}/other?token=${server.token('other')}`)).close();
    first.close();
    await waitFor('a slot to free up', async () => (await (await fetch(`${server!.httpUrl}/healthz`)).json()).connections === 1);
    (await rawSocket(url)).close();
    second.close();
  });
});

describe('GET /auth', () => {
  it('answers 200 with the role for a good token and 401 with the reason otherwise, with CORS', async () => {
    server = await startTestServer();
    const ask = (workspace: string, token?: string) =>
      fetch(`${server!.httpUrl}/auth?workspace=${workspace}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

    const ok = await ask('acme', server.token('acme', 'viewer'));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(await ok.json()).toEqual({ workspace: 'acme', role: 'viewer', member: null });

    const missing = await ask('acme');
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: 'missing' });
    const foreign = await ask('acme', server.token('other'));
    expect(await foreign.json()).toEqual({ error: 'wrong_workspace' });
    expect(foreign.headers.get('access-control-allow-origin')).toBe('*');
    expect((await ask('BAD', server.token('acme'))).status).toBe(400);

    const preflight = await fetch(`${server.httpUrl}/auth?workspace=acme`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
  });
});
