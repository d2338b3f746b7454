/**
 * @module The extension's hub in Node against the real sync server: the same hub, replica and
 * connection code the service worker runs, with fake-indexeddb standing in for IndexedDB and
 * node `ws` for WebSocket. Proves join, offline capture with changes waiting, automatic
 * catch-up after a restart, refused tokens and read-only invites without a browser.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHub, type Hub } from '../../extension/hub/hub';
import { probeAuth } from '../../extension/hub/connection';
import { openReplica } from '../../extension/hub/replica';
import { applyPolicy, DEFAULT_PREFERENCES, type Settings } from '../../extension/settings/settings';
import { encodeInvite } from '../../shared/invite';
import { revokeWorkspace } from '../../sync-server/auth/revocations';
import { captureTexts, connectClient, destroyClients, synced } from './helpers/clients';
import { removeDir, startTestServer, type TestServer } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

let server: TestServer;
const hubs: Hub[] = [];
let memberCounter = 0;

function startHub(): Hub {
  let settings: Settings = { memberId: `mem_hubtest${++memberCounter}`, name: '', invite: null, preferences: { ...DEFAULT_PREFERENCES } };
  const hub = createHub({
    loadSettings: async () => applyPolicy(settings, {}),
    saveSettings: async (update) => { settings = update(settings); },
    openReplica: (invite) => openReplica(invite, { WebSocket: WebSocket as unknown as typeof globalThis.WebSocket }),
    checkAuth: (invite) => probeAuth(invite.server, invite.workspace, invite.token),
    openPage: async () => {},
  });
  hubs.push(hub);
  return hub;
}

const capture = (text: string, url = `https://www.trustpilot.com/review/shop.example?page=${text.length}`) =>
  ({ text, source: { url, author: 'Dana K.', rating: 2, ratingMax: 5 }, channel: 'review' as const });

function invite(workspace = 'team', role: 'editor' | 'viewer' = 'editor') {
  return encodeInvite({ server: server.url, workspace, token: server.token(workspace, role) });
}

beforeEach(async () => { server = await startTestServer(); });
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.destroy()));
  destroyClients();
  await server.stop();
  removeDir(server.dataDir);
});

describe('the hub against the real server', () => {
  it('joins with an invite, saves a capture locally and syncs it', async () => {
    const hub = startHub();
    const status = await hub.command('join', { inviteCode: invite(), name: 'Alice' });
    expect(status.workspace).toMatchObject({ id: 'team', server: server.url });
    await waitFor('hub connected', () => hub.status().state === 'connected');
    const saved = await hub.command('capture.save', { capture: capture('The coupon field rejects lowercase codes.') });
    expect(saved).toMatchObject({ savedLocally: true, syncing: true, duplicateOf: null });
    const again = await hub.command('capture.save', { capture: capture('The coupon field rejects lowercase codes.') });
    expect(again).toMatchObject({ id: null, duplicateOf: saved.id, savedLocally: false });

    const reader = await synced(connectClient(server.url, 'team', server.token('team', 'viewer')));
    await waitFor('capture on the server', () => captureTexts(reader.doc).length === 1);
    expect(captureTexts(reader.doc)).toEqual(['The coupon field rejects lowercase codes.']);
    await waitFor('member registered', () => hub.query('members', {}).some((m) => m.name === 'Alice'));
  });

  it('keeps changes made while the server is down and sends them when it returns', async () => {
    const hub = startHub();
    await hub.command('join', { inviteCode: invite(), name: 'Alice' });
    await waitFor('hub connected', () => hub.status().state === 'connected');
    const { port, dataDir } = server;
    await server.stop();
    await waitFor('hub notices the server is gone', () => hub.status().state === 'unreachable');

    const saved = await hub.command('capture.save', { capture: capture('Saved while the server was down.') });
    expect(saved).toMatchObject({ savedLocally: true, syncing: false });
    expect(hub.status()).toMatchObject({ pending: 1 });
    expect(hub.status().words).toMatch(/^Server unreachable — 1 change waiting; retrying in \d+ s$/);

    server = await startTestServer({ dataDir, config: { port } });
    await waitFor('hub reconnects by itself', () => hub.status().state === 'connected', { timeoutMs: 40_000 });
    expect(hub.status().pending).toBe(0);
    const reader = await synced(connectClient(server.url, 'team', server.token('team', 'viewer')));
    await waitFor('offline capture on the server', () => captureTexts(reader.doc).includes('Saved while the server was down.'));
  });

  it('refuses an invite the server will not accept, and reports a revoked one as refused', async () => {
    const hub = startHub();
    const forged = encodeInvite({ server: server.url, workspace: 'team', token: server.token('other-team') });
    await expect(hub.command('join', { inviteCode: forged, name: 'Mallory' })).rejects.toThrow('This invite belongs to another workspace.');
    await expect(hub.command('join', { inviteCode: 'garbage!', name: 'Mallory' })).rejects.toThrow(/characters an invite never contains/);
    expect(hub.status().state).toBe('not_joined');

    await hub.command('join', { inviteCode: invite(), name: 'Alice' });
    await waitFor('hub connected', () => hub.status().state === 'connected');
    revokeWorkspace(server.dataDir, 'team');
    await waitFor('hub reports the token refused', () => hub.status().state === 'refused', { timeoutMs: 30_000 });
    expect(hub.status().words).toBe('Token refused');
  });

  it('does not write with a read-only invite', async () => {
    const hub = startHub();
    await hub.command('join', { inviteCode: invite('team', 'viewer'), name: 'Vic' });
    await waitFor('hub connected', () => hub.status().state === 'connected');
    expect(hub.status().me).toMatchObject({ role: 'viewer' });
    await expect(hub.command('capture.save', { capture: capture('Viewer tries to write') }))
      .rejects.toThrow('Your invite is read-only; ask for an editor invite to make changes.');
    expect(hub.query('captureContext', { text: 'x', url: 'https://a.example' }).canWrite).toBe(false);
  });

  it('will not drop unsent changes when leaving unless told to', async () => {
    const hub = startHub();
    await hub.command('join', { inviteCode: invite(), name: 'Alice' });
    await waitFor('hub connected', () => hub.status().state === 'connected');
    await server.stop();
    await waitFor('hub offline', () => hub.status().state === 'unreachable');
    await hub.command('capture.save', { capture: capture('Not yet on the server') });
    await expect(hub.command('leave', {})).rejects.toThrow("1 change hasn't reached the server yet. Reconnect first, or leave anyway to discard them.");
    expect(hub.status().workspace?.id).toBe('team');
    const left = await hub.command('leave', { discardPending: true });
    expect(left.state).toBe('not_joined');
  });
});
