/** @module Tokens and revocations: every refusal reason, and the generation table's edge cases. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REVOCATIONS_FILE, revokeWorkspace, watchRevocations } from '../../../sync-server/auth/revocations';
import { claimsRefusal, signToken, verifyToken } from '../../../sync-server/auth/tokens';

const secret = new Uint8Array(32).fill(1);
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'closeloop-unit-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('verifyToken', () => {
  const now = Date.UTC(2030, 0, 1);
  const token = signToken(secret, { workspace: 'acme', role: 'viewer', generation: 2, expiresInSeconds: 3600, nowMs: now });

  it('accepts a good token and returns its claims', () => {
    const check = verifyToken(secret, token, { workspace: 'acme', generation: 2, nowMs: now + 1000 });
    expect(check.ok && check.claims).toMatchObject({ w: 'acme', r: 'viewer', g: 2 });
  });

  it.each([
    ['missing', null, {}],
    ['malformed', 'v2.abc.def', {}],
    ['malformed', 'v1.nodot', {}],
    ['bad_signature', `${token.slice(0, -2)}xx`, {}],
    ['bad_signature', token, { secret: new Uint8Array(32).fill(2) }],
    ['wrong_workspace', token, { workspace: 'other' }],
    ['revoked', token, { generation: 3 }],
    ['expired', token, { nowMs: now + 3_600_000 }],
  ] as const)('refuses with %s', (reason, given, changes: { secret?: Uint8Array; workspace?: string; generation?: number; nowMs?: number }) => {
    const expected = { workspace: 'acme', generation: 2, nowMs: now, ...changes };
    expect(verifyToken(changes.secret ?? secret, given, expected)).toEqual({ ok: false, reason });
  });

  it('rechecks held claims with the same generation and expiry rules (claimsRefusal)', () => {
    const check = verifyToken(secret, token, { workspace: 'acme', generation: 2, nowMs: now });
    if (!check.ok) throw new Error(`refused: ${check.reason}`);
    expect(claimsRefusal(check.claims, { generation: 2, nowMs: now + 3_599_999 })).toBeNull();
    expect(claimsRefusal(check.claims, { generation: 3, nowMs: now })).toBe('revoked');
    expect(claimsRefusal(check.claims, { generation: 2, nowMs: now + 3_600_000 })).toBe('expired');
    expect(claimsRefusal({ ...check.claims, exp: undefined }, { generation: 2, nowMs: Number.MAX_SAFE_INTEGER })).toBeNull();
  });
});

describe('revocations', () => {
  it('raises a workspace\'s generation and a watcher sees it without restarting', () => {
    const dir = tempDir();
    const watcher = watchRevocations(dir);
    expect(watcher.generation('acme')).toBe(0);
    expect(revokeWorkspace(dir, 'acme')).toBe(1);
    expect(watcher.generation('acme')).toBe(1);
    expect(watcher.generation('other')).toBe(0);
  });

  it('treats "constructor" (a valid workspace id) like any other workspace', () => {
    const dir = tempDir();
    const watcher = watchRevocations(dir);
    expect(watcher.generation('constructor')).toBe(0);
    expect(revokeWorkspace(dir, 'constructor')).toBe(1);
    expect(revokeWorkspace(dir, 'constructor')).toBe(2);
    expect(watcher.generation('constructor')).toBe(2);
  });

  it('fails closed on an unreadable table', () => {
    const dir = tempDir();
    writeFileSync(join(dir, REVOCATIONS_FILE), '{ not json');
    const watcher = watchRevocations(dir);
    expect(watcher.generation('acme')).toBe(Number.POSITIVE_INFINITY);
    expect(watcher.problem()).toMatch(/cannot read/);
  });

  it('answers a snapshot from one read, and the next snapshot sees a later revoke', () => {
    const dir = tempDir();
    const watcher = watchRevocations(dir);
    const before = watcher.snapshot();
    expect(revokeWorkspace(dir, 'acme')).toBe(1);
    expect([before('acme'), before('other')]).toEqual([0, 0]);
    const after = watcher.snapshot();
    expect([after('acme'), after('other')]).toEqual([1, 0]);
    writeFileSync(join(dir, REVOCATIONS_FILE), '{ not json');
    expect(watcher.snapshot()('other')).toBe(Number.POSITIVE_INFINITY);
    expect(after('acme')).toBe(1);
  });
});
