/**
 * @module The command-line entrypoints as a person runs them: bad configuration and bad arguments end
 * with one clear line and exit 2 having written nothing; invite, revoke and start do their job.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeInvite } from '../../shared/invite';
import { roots } from '../../shared/doc/roots';
import { loadOrCreateSecret } from '../../sync-server/auth/secret';
import { verifyToken } from '../../sync-server/auth/tokens';
import { runCli, type Child } from './helpers/child';
import { connectClient, destroyClients, synced } from './helpers/clients';
import { removeDir, tempDataDir } from './helpers/test-server';
import { waitFor } from './helpers/wait-for';

const dirs: string[] = [];
const running: Child[] = [];

afterEach(async () => {
  destroyClients();
  for (const child of running.splice(0)) {
    if (child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGKILL');
    await child.exited;
  }
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function scratch(): string {
  const dir = tempDataDir();
  dirs.push(dir);
  return dir;
}

async function run(name: string, args: string[], env: Record<string, string>): Promise<Child & { code: number | null }> {
  const child = runCli(name, args, env);
  running.push(child);
  const { code } = await child.exited;
  return { ...child, code };
}

/** The one-line refusal: exit 2, a single non-empty stderr line containing `text`. */
function expectRefusal(result: { code: number | null; stderr: string[] }, text: string): void {
  expect(result.code).toBe(2);
  const lines = result.stderr.filter((l) => l.trim() !== '');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(text);
}

describe('server startup checks', () => {
  it('exits 2 with a clear line when DATA_DIR cannot be used, writing nothing', async () => {
    const file = join(scratch(), 'a-file');
    writeFileSync(file, 'not a folder');
    for (const dataDir of ['/proc/closeloop', join(file, 'data')]) {
      const result = await run('serve', [], { DATA_DIR: dataDir, PORT: '0' });
      expectRefusal(result, `DATA_DIR ${dataDir}`);
      expect(existsSync(dataDir)).toBe(false);
    }
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
  });

  it('exits 2 naming the variable for a bad value', async () => {
    const dataDir = join(scratch(), 'never');
    expectRefusal(await run('serve', [], { DATA_DIR: dataDir, PORT: 'abc' }), 'PORT="abc"');
    expectRefusal(await run('serve', [], { DATA_DIR: dataDir, LOG_LEVEL: 'loud' }), 'LOG_LEVEL');
    expectRefusal(await run('serve', [], { DATA_DIR: dataDir, MAX_DOC_BYTES: '-5' }), 'MAX_DOC_BYTES');
    expect(existsSync(dataDir)).toBe(false);
  });
});

describe('invite and revoke', () => {
  it('refuses a bad workspace id or role with exit 2 and creates nothing', async () => {
    const dataDir = join(scratch(), 'fresh');
    expectRefusal(await run('invite', ['Acme_Support', '--name', 'Ana'], { DATA_DIR: dataDir }), 'Invalid workspace id "Acme_Support"');
    expectRefusal(await run('invite', ['acme', '--name', 'Ana', '--role', 'owner'], { DATA_DIR: dataDir }), 'Invalid role "owner"');
    expectRefusal(await run('invite', ['acme', '--name', 'Ana', '--expires', 'soon'], { DATA_DIR: dataDir }), '--expires');
    expectRefusal(await run('invite', ['acme'], { DATA_DIR: dataDir }), 'An invite is for one person');
    expectRefusal(await run('invite', ['acme', '--name', '  '], { DATA_DIR: dataDir }), '--name is empty');
    expectRefusal(await run('revoke', ['../etc'], { DATA_DIR: dataDir }), 'Invalid workspace id');
    expectRefusal(await run('revoke', ['acme', '--member', 'x', '--shared'], { DATA_DIR: dataDir }), 'usage');
    expect(existsSync(dataDir)).toBe(false);
  });

  it('issues personal invites, lists people, re-issues, and revokes one person or shared invites', async () => {
    const dataDir = scratch();
    const env = { DATA_DIR: dataDir, PUBLIC_URL: 'wss://sync.example.com' };
    const ana = await run('invite', ['acme', '--name', 'Ana Field', '--role', 'admin'], env);
    expect(ana.code).toBe(0);
    const anaInvite = decodeInvite(ana.stdout.filter(Boolean).at(-1)!);
    expect(anaInvite).toMatchObject({ workspace: 'acme', name: 'Ana Field', member: expect.stringMatching(/^mem_/) });
    expect(ana.stderr.join('\n')).toContain(`Invite for Ana Field (member ${anaInvite.member})`);
    const again = await run('invite', ['acme', '--member', 'Ana Field'], env);
    expect(decodeInvite(again.stdout.filter(Boolean).at(-1)!).member).toBe(anaInvite.member);

    const people = await run('people', ['acme'], env);
    expect(people.stdout.join('\n')).toContain(`${anaInvite.member}  Ana Field  admin  personal invite  active  last seen never`);

    expectRefusal(await run('revoke', ['acme', '--member', 'Nobody'], env), 'Nobody with the member id or name "Nobody"');
    const revoked = await run('revoke', ['acme', '--member', anaInvite.member!], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout[0]).toBe(`Revoked Ana Field (member ${anaInvite.member}) in workspace "acme".`);
    const shared = await run('revoke', ['acme', '--shared'], env);
    expect(shared.stdout[0]).toContain('Shared invites are off for workspace "acme"');
    const after = await run('people', ['acme'], env);
    expect(after.stdout.join('\n')).toContain('shared invites off');
    expect(after.stdout.join('\n')).toContain('Ana Field  admin  personal invite  revoked');

    const audit = readFileSync(join(dataDir, 'audit.log'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(audit.map((e) => e.event)).toEqual(['invite.issued', 'invite.issued', 'member.revoked', 'shared_invites.off']);
    expect(audit[0]).toMatchObject({ workspace: 'acme', member: anaInvite.member, name: 'Ana Field', role: 'admin', by: 'cli' });
    expect(JSON.stringify(audit)).not.toContain(anaInvite.token);
  });

  it('prints an invite code as the last line, and revoke makes its token stale', async () => {
    const dataDir = scratch();
    const env = { DATA_DIR: dataDir, PUBLIC_URL: 'wss://sync.example.com' };
    const result = await run('invite', ['acme', '--name', 'Reporting Bot', '--role', 'viewer', '--expires', '7'], env);
    expect(result.code).toBe(0);
    expect(result.stderr.join('\n')).toContain('as viewer');
    const invite = decodeInvite(result.stdout.filter(Boolean).at(-1)!);
    expect(invite).toMatchObject({ server: 'wss://sync.example.com', workspace: 'acme' });
    const secret = loadOrCreateSecret(dataDir);
    const check = verifyToken(secret, invite.token, { workspace: 'acme', generation: 0 });
    expect(check.ok && check.claims.r).toBe('viewer');
    expect(check.ok && check.claims.exp).toBeGreaterThan(Date.now() / 1000 + 6 * 86_400);

    const revoked = await run('revoke', ['acme'], env);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout.join('\n')).toContain('generation 1');
    expect(JSON.parse(readFileSync(join(dataDir, 'revocations.json'), 'utf8'))).toEqual({ acme: 1 });
    expect(verifyToken(secret, invite.token, { workspace: 'acme', generation: 1 })).toEqual({ ok: false, reason: 'revoked' });
  });
});

describe('npm start', () => {
  it('creates the demo workspace once and prints a working admin invite for the same person on every start', async () => {
    const dataDir = scratch();
    const start = async () => {
      const child = runCli('start', [], { DATA_DIR: dataDir, PORT: '0' });
      running.push(child);
      const line = await waitFor('the invite to be printed', () => {
        const at = child.stdout.findIndex((l) => l.startsWith('Admin invite for "demo"'));
        return at >= 0 && child.stdout[at + 2] ? child.stdout[at + 2] : null;
      }, { timeoutMs: 120_000 }); // after two extension builds (Chromium, Firefox) on a busy machine
      return { child, invite: decodeInvite(line) };
    };

    const first = await start();
    expect(first.child.stdout.join('\n')).toContain('Created workspace "demo"');
    expect(first.child.stdout.join('\n')).toContain(`Closeloop sync server running at ${first.invite.server}`);
    expect(first.child.stdout.join('\n')).toMatch(/Browser extension for Chrome or Chromium built in .*chrome-mv3/);
    expect(first.child.stdout.join('\n')).toMatch(/Browser extension for Firefox built in .*firefox-mv2\nLoad it in Firefox: open about:debugging/);
    const client = await synced(connectClient(first.invite.server, first.invite.workspace, first.invite.token));
    expect(roots(client.doc).meta.get('name')).toBe('Demo');
    client.destroy();
    first.child.process.kill('SIGTERM');
    expect((await first.child.exited).code).toBe(0);

    const second = await start();
    expect(second.child.stdout.join('\n')).toContain('Workspace "demo" is ready');
    expect(second.invite.member).toBe(first.invite.member);
    expect(first.invite).toMatchObject({ name: 'Demo admin', member: expect.stringMatching(/^mem_/) });
    const again = await synced(connectClient(second.invite.server, 'demo', second.invite.token));
    expect(roots(again.doc).meta.get('name')).toBe('Demo');
    again.destroy();
    second.child.process.kill('SIGTERM');
    expect((await second.child.exited).code).toBe(0);
  }, 300_000);
});
