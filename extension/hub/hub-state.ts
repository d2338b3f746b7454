/** @module What the hub holds and what it needs from its environment; shared by the hub and its handlers. */
import type { AccessRole, Invite } from '../../shared/invite';
import type { EffectiveSettings, Settings } from '../settings/settings';
import type { AdminApi } from './admin-api';
import type { AuthAnswer } from './connection';
import type { Replica } from './replica';

export interface HubDeps {
  loadSettings(): Promise<EffectiveSettings>;
  saveSettings(update: (settings: Settings) => Settings): Promise<void>;
  /** Opens the invite's workspace, writing as `memberId`. */
  openReplica(invite: Invite, memberId: string): Replica;
  checkAuth(invite: Invite): Promise<AuthAnswer>;
  openPage(page: 'options' | 'popup', hash?: string): Promise<void>;
  /** The server's admin API (People section); default over fetch. */
  admin?: AdminApi;
  now?: () => number;
}

export interface HubState {
  settings: EffectiveSettings;
  replica: Replica | null;
  role: AccessRole | null;
}
