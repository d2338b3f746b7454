/** @module Commands about this installation, not the workspace: join, leave, name, preferences, pages. */
import { decodeInvite, type Invite } from '../../../shared/invite';
import { cleanText } from '../../../shared/mutations/input';
import { LIMITS } from '../../../shared/schema/constants';
import type { CommandArgs, CommandResult, HubStatus } from '../../messaging/protocol';
import { cleanPreferences, type Settings } from '../../settings/settings';
import { refuse } from '../errors';
import type { HubDeps, HubState } from '../hub-state';

export interface SessionEnv {
  state: HubState;
  deps: HubDeps;
  status(): HubStatus;
  reload(): Promise<void>;
  /** Saves settings one change at a time (each reads what the previous one wrote). */
  saveSettings(update: (settings: Settings) => Settings): Promise<void>;
}

export type SessionCommand = 'join' | 'leave' | 'setName' | 'setPreferences' | 'reconnect' | 'openPage';

type Handler<C extends SessionCommand> = (args: CommandArgs<C>, env: SessionEnv) => Promise<CommandResult<C>> | CommandResult<C>;

function leaveGuard(env: SessionEnv, discardPending: unknown) {
  if (env.state.settings.managed) throw refuse('forbidden', 'Your administrator set this workspace; it cannot be changed here.');
  const pending = env.state.replica?.status().pending ?? 0;
  if (pending > 0 && discardPending !== true) {
    throw refuse('invalid', `${pending} change${pending === 1 ? " hasn't" : "s haven't"} reached the server yet. Reconnect first, or leave anyway to discard them.`);
  }
}

export const sessionCommands: { [C in SessionCommand]: Handler<C> } = {
  async join({ inviteCode, name, discardPending }, env) {
    const invite: Invite = decodeInvite(String(inviteCode ?? ''));
    // A personal invite carries the name the administrator gave; the person may change it.
    const given = typeof name === 'string' && name.trim() !== '' ? name : invite.name;
    const cleanName = cleanText(given, 'Your name', LIMITS.memberName, { required: true });
    const current = env.state.replica?.invite;
    const same = current && current.server === invite.server && current.workspace === invite.workspace;
    if (current && !same) leaveGuard(env, discardPending);
    const answer = await env.deps.checkAuth(invite);
    if (!answer.ok && answer.refused) throw refuse('invalid', answer.reason);
    if (current && !same) await env.state.replica!.clearLocalData();
    await env.saveSettings((s) => ({ ...s, name: cleanName, invite }));
    await env.reload();
    return env.status();
  },
  async leave({ discardPending }, env) {
    leaveGuard(env, discardPending);
    await env.state.replica?.clearLocalData();
    await env.saveSettings((s) => ({ ...s, invite: null }));
    await env.reload();
    return env.status();
  },
  async setName({ name }, env) {
    const cleanName = cleanText(name, 'Your name', LIMITS.memberName, { required: true });
    await env.saveSettings((s) => ({ ...s, name: cleanName }));
    await env.reload();
    return null;
  },
  async setPreferences({ preferences }, env) {
    // Merged inside the save, against the stored value: two quick changes must not undo each other.
    await env.saveSettings((s) => ({ ...s, preferences: cleanPreferences({ ...s.preferences, ...(preferences ?? {}) }) }));
    await env.reload();
    return env.state.settings.preferences;
  },
  reconnect(_args, env) {
    env.state.replica?.retryNow();
    return null;
  },
  async openPage({ page, hash }, env) {
    if (page !== 'options' && page !== 'popup') throw refuse('invalid', 'Unknown page.');
    await env.deps.openPage(page, typeof hash === 'string' ? hash.slice(0, 200) : undefined);
    return null;
  },
};
