// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { encodeInvite } from '../../../shared/invite';
import { applyPolicy, DEFAULT_PREFERENCES, readPolicy, type Settings } from '../../../extension/settings/settings';

const stored: Settings = { memberId: 'mem_me', name: '', invite: null, preferences: { ...DEFAULT_PREFERENCES } };
const invite = { server: 'ws://sync.example:1234', workspace: 'acme', token: 'v1.x.y' };
const other = { server: 'ws://sync.example:1234', workspace: 'mine', token: 'v1.a.b' };

describe('managed policy', () => {
  it('presets the invite and name for someone who has not joined', async () => {
    const { policy, problems } = await readPolicy({ get: async () => ({ inviteCode: encodeInvite(invite), memberName: 'Ops team' }) });
    const effective = applyPolicy(stored, policy, problems);
    expect(effective).toMatchObject({ invite, name: 'Ops team', managed: false, policyProblems: [] });
  });

  it('does not override a workspace the person chose unless the policy locks it', async () => {
    const mine = { ...stored, invite: other, name: 'Dana' };
    const unlocked = await readPolicy({ get: async () => ({ inviteCode: encodeInvite(invite) }) });
    expect(applyPolicy(mine, unlocked.policy).invite).toEqual(other);
    const locked = await readPolicy({ get: async () => ({ inviteCode: encodeInvite(invite), lockWorkspace: true, inPageButton: false }) });
    expect(applyPolicy(mine, locked.policy)).toMatchObject({ invite, managed: true, name: 'Dana', preferences: { inPageButton: false } });
  });

  it('reports a broken policy and carries on with the person\'s own settings', async () => {
    const { policy, problems } = await readPolicy({ get: async () => ({ inviteCode: 'not-an-invite!', lockWorkspace: 'yes', memberName: 7 }) });
    const effective = applyPolicy({ ...stored, invite: other }, policy, problems);
    expect(effective.invite).toEqual(other);
    expect(effective.policyProblems).toEqual([
      'Policy "memberName" must be text; ignored.',
      'Policy "lockWorkspace" must be true or false; ignored.',
      'Policy "inviteCode": The invite code has characters an invite never contains; copy it again, whole.',
    ]);
  });

  it('carries the policy\'s word on redaction, none when it says nothing, and refuses a value that is not a flag', async () => {
    expect(applyPolicy(stored, {}).redaction).toBeNull();
    const off = await readPolicy({ get: async () => ({ redactPersonalData: false }) });
    expect(applyPolicy(stored, off.policy).redaction).toBe(false);
    const broken = await readPolicy({ get: async () => ({ redactPersonalData: 'no' }) });
    expect(broken.problems).toEqual(['Policy "redactPersonalData" must be true or false; ignored.']);
    expect(applyPolicy(stored, broken.policy, broken.problems).redaction).toBeNull();
    const on = await readPolicy({ get: async () => ({ redactPersonalData: true }) });
    expect(applyPolicy(stored, on.policy).redaction).toBe(true);
  });

  it('treats a browser without managed storage as no policy', async () => {
    expect(await readPolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(await readPolicy({ get: () => Promise.reject(new Error('Managed storage is not supported')) })).toEqual({ policy: {}, problems: [] });
  });
});

describe('managed storage that never answers', () => {
  it('is read as no policy after the time limit', async () => {
    const hanging = { get: () => new Promise<Record<string, unknown>>(() => {}) };
    expect(await readPolicy(hanging, 20)).toEqual({ policy: {}, problems: [] });
  });
});

describe('stored preferences', () => {
  it('read settings saved before the weekly digest existed with its defaults, and repair broken values', () => {
    // The shape stored by the first release: three preferences.
    const firstRelease = { memberId: 'mem_dana', name: 'Dana', invite: null, preferences: { inPageButton: false, badge: 'inbox', notifications: true } };
    expect(applyPolicy(firstRelease as unknown as Settings, {}).preferences).toEqual({
      inPageButton: false, badge: 'inbox', notifications: true, weeklyDigest: true, digestDay: 1, digestHour: 9,
    });
    const broken = { ...firstRelease, preferences: { digestDay: 9, digestHour: -1, weeklyDigest: 'yes', badge: 'all' } };
    expect(applyPolicy(broken as unknown as Settings, {}).preferences).toEqual(DEFAULT_PREFERENCES);
  });
});
