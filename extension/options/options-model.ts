/** @module State and actions of the options page, over the hub client (a fake in tests). */
import { signal, type Signal } from '@preact/signals';
import type { HubClient } from '../messaging/hub-client';
import type { SettingsPatch } from '../../shared/mutations/settings';
import type { WorkspaceSettings } from '../../shared/schema/records';
import type { HubStatus, SettingsView } from '../messaging/protocol';
import type { Preferences } from '../settings/settings';
import { liveQuery } from '../ui/live-query';
import { writeViewCacheMirror } from '../ui/view-cache-mirror';

export interface OptionsModel {
  /** The hub client, for sections with models of their own (People). */
  hub: HubClient;
  status: Signal<HubStatus | undefined>;
  settings: Signal<SettingsView | undefined>;
  /** The workspace's shared settings, once joined. */
  workspaceSettings: Signal<WorkspaceSettings | undefined>;
  busy: Signal<boolean>;
  error: Signal<string | null>;
  notice: Signal<string | null>;
  /** Set when a switch or leave would discard changes the server has not received. */
  confirmDiscard: Signal<{ action: 'join' | 'leave'; message: string } | null>;
  join(inviteCode: string, name: string, discardPending?: boolean): Promise<boolean>;
  leave(discardPending?: boolean): Promise<void>;
  /** Repeats the refused join or leave, discarding the unsent changes as the person confirmed. */
  discardAndRetry(): Promise<void>;
  saveName(name: string): Promise<void>;
  setPreferences(change: Partial<Preferences>): Promise<void>;
  saveWorkspaceSettings(patch: SettingsPatch): Promise<void>;
  reconnect(): void;
  dispose(): void;
}

/**
 * `pageStorage` holds the popup's copy of the cached views (ui/view-cache-mirror.ts): it is
 * forgotten when the workspace changes, so no popup paints the one just left, even for a moment.
 */
export function createOptionsModel(hub: HubClient, pageStorage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = globalThis.localStorage): OptionsModel {
  const status = liveQuery(hub, 'status', {});
  const settings = liveQuery(hub, 'settings', {});
  const workspaceSettings = liveQuery(hub, 'workspaceSettings', {});
  const busy = signal(false);
  const error = signal<string | null>(null);
  const notice = signal<string | null>(null);
  const confirmDiscard = signal<{ action: 'join' | 'leave'; message: string } | null>(null);
  let lastJoin: [string, string] = ['', ''];

  /** Runs one request, showing its error in words and leaving the form as it was on failure. */
  async function run<T>(task: () => Promise<T>, done: string | null, action?: 'join' | 'leave'): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    notice.value = null;
    try {
      const result = await task();
      confirmDiscard.value = null;
      notice.value = done;
      return result;
    } catch (failure) {
      const message = (failure as Error).message;
      if (action && /haven't reached the server|hasn't reached the server/.test(message)) confirmDiscard.value = { action, message };
      else error.value = message;
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  const model: OptionsModel = {
    hub,
    status: status.value,
    settings: settings.value,
    workspaceSettings: workspaceSettings.value,
    busy,
    error,
    notice,
    confirmDiscard,
    async join(inviteCode, name, discardPending = false) {
      lastJoin = [inviteCode, name];
      const result = await run(() => hub.call('join', { inviteCode, name, discardPending }), 'Invite accepted.', 'join');
      if (result !== undefined) writeViewCacheMirror(pageStorage, null);
      return result !== undefined;
    },
    async leave(discardPending = false) {
      const left = await run(() => hub.call('leave', { discardPending }), 'You left the workspace. Its copy on this device was deleted.', 'leave');
      if (left !== undefined) writeViewCacheMirror(pageStorage, null);
    },
    async discardAndRetry() {
      const confirmed = confirmDiscard.value;
      if (!confirmed) return;
      if (confirmed.action === 'leave') await model.leave(true);
      else await model.join(lastJoin[0], lastJoin[1], true);
    },
    async saveName(name) {
      await run(() => hub.call('setName', { name }), 'Name saved.');
    },
    async setPreferences(change) {
      await run(() => hub.call('setPreferences', { preferences: change }), 'Saved.');
    },
    async saveWorkspaceSettings(patch) {
      await run(() => hub.call('workspace.updateSettings', { patch }), 'Team settings saved.');
    },
    reconnect() {
      void hub.call('reconnect', {}).catch(() => {});
    },
    dispose() {
      status.dispose();
      settings.dispose();
      workspaceSettings.dispose();
    },
  };
  return model;
}
