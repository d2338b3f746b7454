/** @module What the hub holds and what it needs from its environment; shared by the hub and its handlers. */
import type { Invite } from '../../shared/invite';
import type { Role } from '../../shared/schema/constants';
import type { EffectiveSettings, Settings } from '../settings/settings';
import type { AuthAnswer } from './connection';
import type { Replica } from './replica';

export interface HubDeps {
  loadSettings(): Promise<EffectiveSettings>;
  saveSettings(update: (settings: Settings) => Settings): Promise<void>;
  openReplica(invite: Invite): Replica;
  checkAuth(invite: Invite): Promise<AuthAnswer>;
  openPage(page: 'options' | 'popup', hash?: string): Promise<void>;
  now?: () => number;
}

export interface HubState {
  settings: EffectiveSettings;
  replica: Replica | null;
  role: Role | null;
}
