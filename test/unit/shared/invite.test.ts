import { describe, expect, it } from 'vitest';
import { decodeInvite, encodeInvite, InviteError } from '../../../shared/invite';
import { assertWorkspaceId, isWorkspaceId } from '../../../shared/workspace-id';

describe('invite codes', () => {
  const invite = { server: 'ws://127.0.0.1:1234', workspace: 'acme-support', token: 'v1.abc.def' };

  it('round-trips and forgives whitespace and quotes around a pasted code', () => {
    const code = encodeInvite(invite);
    expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(code, 'base64url').toString())).toEqual(invite);
    expect(decodeInvite(`  "${code}"\n`)).toEqual(invite);
  });

  it('explains what is wrong with a bad code', () => {
    const bad = (value: object) => encodeInvite(value as never);
    expect(() => decodeInvite('')).toThrow('The invite code is empty.');
    expect(() => decodeInvite('hello world!')).toThrow(/characters an invite never contains/);
    expect(() => decodeInvite(encodeInvite(invite).slice(0, 20))).toThrow(/damaged or cut short/);
    expect(() => decodeInvite(bad({ ...invite, server: 'http://x' }))).toThrow(/ws:\/\/ or wss:\/\//);
    expect(() => decodeInvite(bad({ ...invite, server: 'ws://x/?token=1' }))).toThrow(InviteError);
    expect(() => decodeInvite(bad({ ...invite, workspace: 'Acme!' }))).toThrow('The invite names no valid workspace.');
    expect(() => decodeInvite(bad({ ...invite, token: '' }))).toThrow(/no access token/);
    expect(() => decodeInvite('a'.repeat(5000))).toThrow(/too long/);
  });
});

describe('workspace ids', () => {
  it('accept 1-64 of a-z, 0-9 and "-" only', () => {
    for (const ok of ['demo', 'a', 'acme-support-2', 'x'.repeat(64)]) expect(isWorkspaceId(ok)).toBe(true);
    for (const bad of ['', 'Demo', 'a_b', '../etc', 'x'.repeat(65), 'a b', 7, null]) expect(isWorkspaceId(bad)).toBe(false);
    expect(() => assertWorkspaceId('../etc')).toThrow('Invalid workspace id "../etc": use 1-64 characters from a-z, 0-9 and "-" (for example "acme-support").');
  });
});
