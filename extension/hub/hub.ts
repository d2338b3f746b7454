/**
 * @module The background hub: owns the workspace replica and answers every page and content
 * script through typed commands and live queries. UI contexts never hold Y types.
 */
import { canWrite, documentRole, peekTokenRole, type Invite } from '../../shared/invite';
import { registerMember } from '../../shared/mutations/members';
import type {
  CommandArgs, CommandName, CommandResult, HubStatus, QueryArgs, QueryName, QueryResult,
} from '../messaging/protocol';
import type { EffectiveSettings, Settings } from '../settings/settings';
import { runCommand } from './commands';
import { toRequestError } from './errors';
import type { HubDeps, HubState } from './hub-state';
import { runQuery } from './queries';
import { describeLink, emptyStatus } from './status';

export type { HubDeps, HubState } from './hub-state';

export interface Hub {
  readonly ready: Promise<void>;
  command<C extends CommandName>(name: C, args: CommandArgs<C>): Promise<CommandResult<C>>;
  query<Q extends QueryName>(name: Q, args: QueryArgs<Q>): QueryResult<Q>;
  status(): HubStatus;
  /** Called after anything that can change a query result: a document change or a status change. */
  onChange(listener: () => void): () => void;
  /** Re-reads settings (after a policy change) and reopens the replica when the invite changed. */
  reload(): Promise<void>;
  retryNow(): void;
  destroy(): Promise<void>;
}

export function createHub(deps: HubDeps): Hub {
  const now = deps.now ?? Date.now;
  const listeners = new Set<() => void>();
  const state: HubState = { settings: null as unknown as EffectiveSettings, replica: null, role: null };
  let detach: (() => void)[] = [];
  const notify = () => listeners.forEach((listener) => listener());
  // Settings are read-modify-write; two commands in flight must not both read the old value.
  let saving: Promise<void> = Promise.resolve();
  const saveSettings = (update: (settings: Settings) => Settings) => {
    const next = saving.then(() => deps.saveSettings(update));
    saving = next.catch(() => {});
    return next;
  };

  async function open(invite: Invite | null) {
    detach.forEach((off) => off());
    detach = [];
    await state.replica?.destroy();
    state.replica = null;
    state.role = invite ? peekTokenRole(invite.token) : null;
    if (!invite) return notify();
    const replica = deps.openReplica(invite, state.settings.memberId);
    state.replica = replica;
    detach.push(replica.onStatus(notify), replica.view.onChange(notify), replica.onSynced(() => registerSelf()));
    notify();
    await replica.ready;
    if (state.replica !== replica) return;
    replica.setPresence({ id: state.settings.memberId, name: state.settings.name || 'Someone' });
    registerSelf();
    notify();
  }

  /** Records this member in the workspace (a normal mutation: works offline, merges later). */
  function registerSelf() {
    const { replica, role, settings } = state;
    if (!replica || !canWrite(role) || !settings.name) return;
    const member = replica.view.member(settings.memberId);
    const recorded = documentRole(role!);
    if (member && member.name === settings.name && member.role === recorded) return;
    registerMember(replica.context(settings.memberId), { name: settings.name, role: recorded });
  }

  async function reload() {
    const previous = state.settings?.invite;
    state.settings = await deps.loadSettings();
    const next = state.settings.invite;
    if (!state.replica || JSON.stringify(previous) !== JSON.stringify(next)) await open(next);
    else {
      state.replica.setPresence({ id: state.settings.memberId, name: state.settings.name || 'Someone' });
      registerSelf();
      notify();
    }
  }

  const ready = reload();

  function status(): HubStatus {
    const { replica, settings } = state;
    if (!settings || !replica) return emptyStatus(settings?.managed ?? false);
    const s = replica.status();
    return {
      ...describeLink(s.link, s.pending, now()),
      pending: s.pending,
      workspace: { id: replica.invite.workspace, name: replica.view.meta().name || replica.invite.workspace, server: replica.invite.server },
      me: { id: settings.memberId, name: settings.name, role: state.role },
      online: s.online.filter((member) => member.id !== settings.memberId),
      captureCount: replica.view.captures().length,
      lastSyncedAt: s.lastSyncedAt,
      managed: settings.managed,
    };
  }

  const hub: Hub = {
    ready,
    async command(name, args) {
      await ready;
      try {
        return await runCommand(name, args, { state, deps, status, reload, saveSettings, now });
      } catch (error) {
        throw toRequestError(error);
      }
    },
    query(name, args) {
      try {
        return runQuery(name, args, { state, status, now });
      } catch (error) {
        throw toRequestError(error);
      }
    },
    status,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    reload,
    retryNow: () => state.replica?.retryNow(),
    async destroy() {
      detach.forEach((off) => off());
      listeners.clear();
      await state.replica?.destroy();
      state.replica = null;
    },
  };
  return hub;
}
