/**
 * @module The extension's settings: their types, defaults and the administrator's policy
 * (`chrome.storage.managed`) layered on top. Stored in one place: `settings-item.ts`.
 */
import { decodeInvite, type Invite } from '../../shared/invite';

export interface Preferences {
  /** Show the small "Capture feedback" button next to a text selection on pages. */
  inPageButton: boolean;
  /** What the toolbar badge counts: my due or overdue actions, new inbox items, or customers waiting for a reply. */
  badge: 'due' | 'inbox' | 'replies';
  /** Desktop notifications for assignments and overdue actions. */
  notifications: boolean;
  /** The weekly digest notification ("N overdue, N due this week, ..."). */
  weeklyDigest: boolean;
  /** Day of the week the digest comes, 0 = Sunday ... 6 = Saturday (local time). */
  digestDay: number;
  /** Hour of that day, 0-23 (local time). */
  digestHour: number;
}

export interface Settings {
  /**
   * This installation's own member id, made once, never changes: who it writes as with a shared
   * invite. A personal invite names its member instead (EffectiveSettings.memberId is that one).
   */
  memberId: string;
  name: string;
  invite: Invite | null;
  preferences: Preferences;
}

export const DEFAULT_PREFERENCES: Preferences = {
  inPageButton: true, badge: 'due', notifications: true, weeklyDigest: true, digestDay: 1, digestHour: 9,
};

/**
 * Every preference valid, anything missing or broken replaced by its default. Applied when
 * settings are read, too: settings stored before a preference existed read as its default.
 */
export function cleanPreferences(value: Partial<Preferences> | undefined): Preferences {
  const v = value ?? {};
  const flag = (key: 'inPageButton' | 'notifications' | 'weeklyDigest') => (typeof v[key] === 'boolean' ? v[key] : DEFAULT_PREFERENCES[key]);
  const whole = (n: unknown, min: number, max: number, fallback: number) =>
    (typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : fallback);
  return {
    inPageButton: flag('inPageButton'),
    badge: v.badge === 'inbox' || v.badge === 'replies' ? v.badge : 'due',
    notifications: flag('notifications'),
    weeklyDigest: flag('weeklyDigest'),
    digestDay: whole(v.digestDay, 0, 6, DEFAULT_PREFERENCES.digestDay),
    digestHour: whole(v.digestHour, 0, 23, DEFAULT_PREFERENCES.digestHour),
  };
}

/** The policy an administrator can push (see README, "Managed deployment"). */
export interface ManagedPolicy {
  inviteCode?: string;
  memberName?: string;
  /** When true, people cannot leave or switch the preset workspace. */
  lockWorkspace?: boolean;
  inPageButton?: boolean;
  /** Replace personal data in captures before they leave the page; on unless set to false. */
  redactPersonalData?: boolean;
}

export interface EffectiveSettings extends Settings {
  /** Who this installation writes as in the current workspace: the invite's member, else its own id. */
  memberId: string;
  /** The invite came from policy and is locked. */
  managed: boolean;
  /** Problems with the policy, for the options page (a broken policy never breaks the extension). */
  policyProblems: string[];
  /**
   * The policy's word on redaction (`redactPersonalData`): true or false, or null when it says
   * nothing and the workspace's setting decides (on by default).
   */
  redaction: boolean | null;
}

/** How long to wait for managed storage: Chromium on Linux never answers when no policy is installed. */
export const POLICY_TIMEOUT_MS = 500;

/** Reads managed policy; absent (no policy, no answer, or a browser without managed storage) is an empty policy. */
export async function readPolicy(
  area: { get(): Promise<Record<string, unknown>> } | undefined,
  timeoutMs = POLICY_TIMEOUT_MS,
): Promise<{ policy: ManagedPolicy; problems: string[] }> {
  let raw: Record<string, unknown> = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const noAnswer = new Promise<Record<string, unknown>>((resolve) => { timer = setTimeout(() => resolve({}), timeoutMs); });
    raw = (await Promise.race([area?.get() ?? Promise.resolve({}), noAnswer])) ?? {};
  } catch {
    return { policy: {}, problems: [] };
  } finally {
    clearTimeout(timer);
  }
  const policy: ManagedPolicy = {};
  const problems: string[] = [];
  const text = (key: keyof ManagedPolicy) => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value;
    problems.push(`Policy "${key}" must be text; ignored.`);
    return undefined;
  };
  const flag = (key: keyof ManagedPolicy) => {
    const value = raw[key];
    if (value === undefined) return undefined;
    if (typeof value === 'boolean') return value;
    problems.push(`Policy "${key}" must be true or false; ignored.`);
    return undefined;
  };
  const inviteCode = text('inviteCode');
  const memberName = text('memberName');
  const lockWorkspace = flag('lockWorkspace');
  const inPageButton = flag('inPageButton');
  const redactPersonalData = flag('redactPersonalData');
  if (inviteCode !== undefined) policy.inviteCode = inviteCode;
  if (memberName !== undefined) policy.memberName = memberName;
  if (lockWorkspace !== undefined) policy.lockWorkspace = lockWorkspace;
  if (inPageButton !== undefined) policy.inPageButton = inPageButton;
  if (redactPersonalData !== undefined) policy.redactPersonalData = redactPersonalData;
  return { policy, problems };
}

/** Stored settings with policy applied: a valid policy invite wins and, when locked, cannot be left. */
export function applyPolicy(stored: Settings, policy: ManagedPolicy, problems: string[] = []): EffectiveSettings {
  const effective: EffectiveSettings = {
    ...stored, preferences: cleanPreferences(stored.preferences), managed: false, policyProblems: [...problems],
    redaction: policy.redactPersonalData ?? null,
  };
  if (policy.inviteCode) {
    try {
      const invite = decodeInvite(policy.inviteCode);
      // Unlocked, the policy is a preset for people who have not joined; locked, it always wins.
      if (policy.lockWorkspace || !stored.invite) effective.invite = invite;
      effective.managed = policy.lockWorkspace === true;
    } catch (error) {
      effective.policyProblems.push(`Policy "inviteCode": ${(error as Error).message}`);
    }
  }
  if (!stored.name && policy.memberName) effective.name = policy.memberName.slice(0, 80);
  if (policy.inPageButton !== undefined) effective.preferences.inPageButton = policy.inPageButton;
  effective.memberId = effective.invite?.member ?? stored.memberId;
  return effective;
}
