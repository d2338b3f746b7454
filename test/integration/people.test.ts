/**
 * @module People on the real server with stock y-websocket clients: personal invites, revoking one
 * person, updates written as someone else refused whole (not applied, stored or relayed), the
 * admin API by role, and shared invites (codes from before) working until an admin turns them off.
 */
import { cpSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roots } from '../../shared/doc/roots';
import { registerMember } from '../../shared/mutations/members';
import { revokeMember } from '../../sync-server/auth/invites';
import { capture, captureTexts, connectClient, destroyClients, docFrom, synced, type TestClient } from './helpers/clients';
import { rejected, removeDir, startTestServer, tempDataDir, type TestServer } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

const servers: TestServer[] = [];
const dirs: string[] = [];

async function start(dataDir = tempDataDir(), config = {}): Promise<TestServer> {
  if (!dirs.includes(dataDir)) dirs.push(dataDir);
  const server = await startTestServer({ dataDir, config });
  servers.push(server);
  return server;
}

afterEach(async () => {
  destroyClients();
  for (const server of servers.splice(0)) await server.stop();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

/** A person's client, joined as the member their invite names (as the extension does). */
async function person(server: TestServer, name: string, role: 'editor' | 'viewer' | 'admin' = 'editor') {
  const invite = server.invite('acme', name, role);
  const client = await synced(connectClient(server.url, 'acme', invite.token), `${name} to sync`);
  registerMember({ doc: client.doc, actor: invite.member }, { name, role: role === 'viewer' ? 'viewer' : 'editor' });
  return { ...invite, client };
}

const closedWith = (client: TestClient, code: number) => client.closes.find((c) => c.code === code);
const refusals = (client: TestClient) => client.closes.filter((c) => c.code >= 4000);
const auditEvents = (server: TestServer) =>
  readFileSync(join(server.dataDir, 'audit.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

const forgedEntry = (actor: string) => ({
  id: 'evt_forged0000000000', at: '2026-11-01T09:00:00.000Z', actor, verb: 'action.status',
  targetKind: 'action', targetId: 'act_x', field: 'status', from: 'open', to: 'wont_do',
});

describe('people with their own invites', () => {
  it('sync with each other, each writing as themselves', async () => {
    const server = await start();
    const ana = await person(server, 'Ana Field');
    const bob = await person(server, 'Bob Stone');
    const fromAna = capture(ana.client.doc, 'Ana: the export is slow', ana.member);
    const fromBob = capture(bob.client.doc, 'Bob: the invoice is wrong', bob.member);
    await waitFor('Bob to see Ana’s capture', () => captureTexts(bob.client.doc).includes(fromAna));
    await waitFor('Ana to see Bob’s capture', () => captureTexts(ana.client.doc).includes(fromBob));
    const members = roots(ana.client.doc).members;
    await waitFor('both member records', () => members.has(ana.member) && members.has(bob.member));
    // (a 1006 from a missed heartbeat on a busy machine is not a refusal)
    expect(refusals(ana.client)).toEqual([]);
    expect(refusals(bob.client)).toEqual([]);
    expect(auditEvents(server).filter((e) => e.event === 'member.joined').map((e) => e.member).sort()).toEqual([ana.member, bob.member].sort());
  });

  it('revoking one closes their socket and refuses their token; the other keeps syncing', async () => {
    const server = await start();
    const ana = await person(server, 'Ana Field');
    const bob = await person(server, 'Bob Stone');
    // From another process, as `npm run revoke -- acme --member "Bob Stone"` does: only the file changes.
    // How soon is measured by bench:server (phase "revoke"); here: that it happens, to Bob only.
    revokeMember(server.dataDir, 'acme', 'Bob Stone');
    const close = await waitFor('Bob to be disconnected', () => closedWith(bob.client, 4401));
    expect(close.reason).toBe('member revoked');
    const refused = await fetch(`${server.httpUrl}/auth?workspace=acme`, { headers: { Authorization: `Bearer ${bob.token}` } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ error: 'member_revoked' });

    const carol = await person(server, 'Carol Reed');
    const text = capture(ana.client.doc, 'Ana after Bob left', ana.member);
    await waitFor('Carol to see Ana’s capture', () => captureTexts(carol.client.doc).includes(text));
    expect(refusals(ana.client)).toEqual([]);
    expect(auditEvents(server).find((e) => e.event === 'member.revoked')).toMatchObject({ member: bob.member, name: 'Bob Stone' });
  });

  it('refuses an activity entry written as someone else: not applied, stored or relayed, even after a restart', async () => {
    const dataDir = tempDataDir();
    let server = await start(dataDir);
    const ana = await person(server, 'Ana Field');
    const bob = await person(server, 'Bob Stone');
    const honest = capture(ana.client.doc, 'An honest capture first', ana.member);
    await waitFor('Bob to see the honest capture', () => captureTexts(bob.client.doc).includes(honest));

    // Ana's device writes, in one transaction, a capture of her own and an entry saying Bob closed an action.
    ana.client.doc.transact(() => {
      capture(ana.client.doc, 'A capture hiding a forged entry', ana.member);
      roots(ana.client.doc).activity.set('evt_forged0000000000', forgedEntry(bob.member));
    });
    const close = await waitFor('Ana’s socket to be closed', () => closedWith(ana.client, 4403));
    expect(close.reason).toMatch(/^refused: activity\/evt_forged0000000000\/actor: actor is mem_\w+, not the writer mem_\w+/);
    ana.client.destroy();
    expect(await rejected(server, 'forged')).toBe(1);
    expect(auditEvents(server).find((e) => e.event === 'update.refused')).toMatchObject({ workspace: 'acme', member: ana.member, via: 'invite' });

    // Anything the server relayed before Carol's marker would have reached Bob before it: relays keep order.
    const carol = await person(server, 'Carol Reed');
    const marker = capture(carol.client.doc, 'Carol’s marker', carol.member);
    await waitFor('Bob to see Carol’s marker', () => captureTexts(bob.client.doc).includes(marker));
    expect(roots(bob.client.doc).activity.has('evt_forged0000000000')).toBe(false);
    expect(captureTexts(bob.client.doc)).not.toContain('A capture hiding a forged entry');
    const stored = docFrom(await server.storage.load('acme'));
    expect(roots(stored).activity.has('evt_forged0000000000')).toBe(false);
    expect(captureTexts(stored)).toEqual([honest, marker].sort());

    await server.stop();
    server = await start(dataDir);
    const fresh = await synced(connectClient(server.url, 'acme', server.invite('acme', 'Dana').token));
    expect(roots(fresh.doc).activity.has('evt_forged0000000000')).toBe(false);
    expect(captureTexts(fresh.doc)).toEqual([honest, marker].sort());
  });
});

describe('after a restore from an older backup', () => {
  it('takes back a person’s lost changes from another person’s device, still as theirs', async () => {
    const dataDir = tempDataDir();
    let server = await start(dataDir);
    const ana = await person(server, 'Ana Field');
    const bob = await person(server, 'Bob Stone');
    const before = capture(ana.client.doc, 'Before the backup', ana.member);
    await waitFor('Bob to see it', () => captureTexts(bob.client.doc).includes(before));
    await server.stop();
    const backup = join(tempDataDir(), 'backup');
    dirs.push(dirname(backup));
    cpSync(join(dataDir, 'workspaces'), backup, { recursive: true });

    server = await start(dataDir);
    const bob2 = await synced(connectClient(server.url, 'acme', bob.token));
    const lost = capture(bob2.doc, 'Bob’s capture after the backup', bob.member);
    await waitFor('the capture stored', async () => captureTexts(docFrom(await server.storage.load('acme'))).includes(lost));
    const anaCopy = new Y.Doc();
    const ana2 = await synced(connectClient(server.url, 'acme', ana.token, anaCopy));
    await waitFor('Ana’s device to hold Bob’s capture', () => captureTexts(ana2.doc).includes(lost));
    bob2.destroy(); // Bob's devices stay away: only Ana's can bring his capture back
    await server.stop();
    rmSync(join(dataDir, 'workspaces'), { recursive: true });
    cpSync(backup, join(dataDir, 'workspaces'), { recursive: true });

    server = await start(dataDir);
    const ana3 = await synced(connectClient(server.url, 'acme', ana.token, new Y.Doc()));
    expect(captureTexts(ana3.doc)).toEqual([before]);
    ana3.destroy();
    const back = await synced(connectClient(server.url, 'acme', ana.token, ana2.doc));
    await waitFor('Bob’s capture stored again', async () => captureTexts(docFrom(await server.storage.load('acme'))).includes(lost));
    expect(refusals(back)).toEqual([]);
    const stored = docFrom(await server.storage.load('acme'));
    const record = [...roots(stored).captures.values()].find((c) => c.get('text') === lost)!;
    expect(record.get('capturedBy')).toBe(bob.member);
  });
});

describe('the admin API', () => {
  const api = (server: TestServer, path: string, token: string | null, body?: unknown) => fetch(`${server.httpUrl}/admin/${path}?workspace=acme`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

  it('lets an admin list, invite, revoke and turn shared invites off; a viewer or editor nothing', async () => {
    const server = await start();
    const admin = await person(server, 'Ada Admin', 'admin');
    const viewer = server.invite('acme', 'Vic Viewer', 'viewer');
    const editor = await person(server, 'Ed Editor');
    const stranger = await start().then((other) => other.invite('acme', 'From another server', 'admin'));

    for (const token of [viewer.token, editor.token]) {
      for (const [path, body] of [['people', undefined], ['invites', { name: 'X' }], ['revoke', { member: editor.member }], ['shared-invites', { enabled: false }]] as const) {
        const answer = await api(server, path, token, body);
        expect(answer.status, `${path} with a non-admin token`).toBe(403);
        expect(await answer.json()).toMatchObject({ error: 'forbidden' });
      }
    }
    expect((await api(server, 'people', null)).status).toBe(401);
    expect((await api(server, 'people', stranger.token)).status).toBe(401);
    expect((await api(server, 'people', `${admin.token}x`)).status).toBe(401);

    const list = await (await api(server, 'people', admin.token)).json();
    expect(list.sharedInvites).toEqual({ enabled: true, members: 0 });
    expect(list.people.map((p: { name: string; role: string; online: boolean }) => [p.name, p.role, p.online])).toEqual([
      ['Ada Admin', 'admin', true], ['Ed Editor', 'editor', true], ['Vic Viewer', 'viewer', false],
    ]);

    const invited = await api(server, 'invites', admin.token, { name: 'Bob Stone', role: 'viewer' });
    expect(invited.status).toBe(201);
    const bob = await invited.json();
    expect(bob).toMatchObject({ name: 'Bob Stone', role: 'viewer', member: expect.stringMatching(/^mem_/), code: expect.any(String) });
    expect((await api(server, 'invites', admin.token, { name: '' })).status).toBe(400);
    expect((await api(server, 'invites', admin.token, { name: 'Y', role: 'owner' })).status).toBe(400);
    expect((await api(server, 'revoke', admin.token, { member: 'mem_nobody' })).status).toBe(404);
    expect((await api(server, 'revoke', admin.token, { member: admin.member })).status).toBe(400);

    const revoked = await api(server, 'revoke', admin.token, { member: 'Ed Editor' });
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ id: editor.member, status: 'revoked' });
    await waitFor('Ed to be disconnected', () => closedWith(editor.client, 4401));
    expect((await api(server, 'shared-invites', admin.token, { enabled: false })).status).toBe(200);
    const after = await (await api(server, 'people', admin.token)).json();
    expect(after.sharedInvites.enabled).toBe(false);
    expect(after.people.find((p: { id: string }) => p.id === editor.member).status).toBe('revoked');
    const events = auditEvents(server).map((e) => `${e.event} ${e.by ?? ''}`);
    expect(events).toContain(`invite.issued ${admin.member}`);
    expect(events).toContain(`member.revoked ${admin.member}`);
    expect(events).toContain(`shared_invites.off ${admin.member}`);
  });

  it('answers 429 to an address after repeated auth failures, and logs it once', async () => {
    const server = await start(undefined, { maxAuthFailures: 3 });
    const admin = server.invite('acme', 'Ada Admin', 'admin');
    for (let i = 0; i < 3; i++) expect((await api(server, 'people', 'v1.wrong.token')).status).toBe(401);
    expect((await api(server, 'people', admin.token)).status).toBe(429);
    expect((await fetch(`${server.httpUrl}/auth?workspace=acme`, { headers: { Authorization: `Bearer ${admin.token}` } })).status).toBe(429);
    expect(auditEvents(server).filter((e) => e.event === 'auth.blocked')).toEqual([
      expect.objectContaining({ address: expect.stringContaining('127.0.0.1'), failures: 3 }),
    ]);
  });
});

describe('a shared invite (a code from before personal invites)', () => {
  it('works, binds to one member, cannot write as a person with a personal invite, and stops when turned off', async () => {
    const server = await start();
    const ana = await person(server, 'Ana Field');
    const shared = server.token('acme');
    const old = await synced(connectClient(server.url, 'acme', shared));
    registerMember({ doc: old.doc, actor: 'mem_oldlaptop000000' }, { name: 'Old Laptop', role: 'editor' });
    const text = capture(old.doc, 'From the old shared code', 'mem_oldlaptop000000');
    await waitFor('Ana to see it', () => captureTexts(ana.client.doc).includes(text));
    await waitFor('the shared member in the people table', () =>
      JSON.parse(readFileSync(join(server.dataDir, 'people', 'acme.json'), 'utf8')).people.mem_oldlaptop000000?.via === 'shared');

    const impostor = await synced(connectClient(server.url, 'acme', shared));
    capture(impostor.doc, 'Pretending to be Ana', ana.member);
    await waitFor('the impostor to be refused', () => closedWith(impostor, 4403));

    const admin = await person(server, 'Ada Admin', 'admin');
    const off = await fetch(`${server.httpUrl}/admin/shared-invites?workspace=acme`, {
      method: 'POST', headers: { Authorization: `Bearer ${admin.token}` }, body: JSON.stringify({ enabled: false }),
    });
    expect(off.status).toBe(200);
    const close = await waitFor('the shared-code client to be cut', () => closedWith(old, 4401));
    expect(close.reason).toBe('shared invites turned off for this workspace');
    const refused = await fetch(`${server.httpUrl}/auth?workspace=acme`, { headers: { Authorization: `Bearer ${shared}` } });
    expect(await refused.json()).toEqual({ error: 'shared_off' });
    // Its member keeps their history.
    expect(captureTexts(ana.client.doc)).toContain(text);
    expect(roots(ana.client.doc).members.get('mem_oldlaptop000000')?.get('name')).toBe('Old Laptop');
  });
});
