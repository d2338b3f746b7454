/** @module What a live query reads: the hub's state, its status and the clock. */
import type { HubStatus } from '../../messaging/protocol';
import type { HubState } from '../hub-state';

export interface QueryEnv {
  state: HubState;
  status(): HubStatus;
  now(): number;
}

export const objectArgs = (args: unknown) => (args && typeof args === 'object' && !Array.isArray(args) ? args : {});
