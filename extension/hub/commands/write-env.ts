/** @module What a command that changes the workspace needs: a writer for the current member, and the view to check against. */
import { MUTATION_ORIGIN } from '../../../shared/doc/origins';
import { canWrite } from '../../../shared/invite';
import type { MutationContext } from '../../../shared/mutations/context';
import type { WorkspaceView } from '../../../shared/read/workspace-view';
import { refuse } from '../errors';
import type { HubState } from '../hub-state';

export interface WriteEnv {
  /** Runs a mutation as the current member and resolves once it is committed to this device. */
  write<T>(mutation: (ctx: MutationContext) => T): Promise<T>;
  /** The workspace as it stands (throws `not_joined` when there is none). */
  view(): WorkspaceView;
  /** Runs several mutations as one transaction (one update on the wire, one undo step). */
  together<T>(run: () => T): T;
  me(): string;
  now(): number;
  /** True when the server link is up, so a change is on its way now. */
  connected(): boolean;
}

export function writeEnv(state: HubState, now: () => number): WriteEnv {
  const replica = () => {
    if (!state.replica) throw refuse('not_joined', 'Join a workspace first: open Closeloop options and paste your invite code.');
    return state.replica;
  };
  return {
    async write(mutation) {
      const r = replica();
      if (!canWrite(state.role)) throw refuse('forbidden', 'Your invite is read-only; ask for an editor invite to make changes.');
      const result = mutation(r.context(state.settings.memberId));
      await r.flushLocal();
      return result;
    },
    view: () => replica().view,
    together: (run) => {
      let result!: ReturnType<typeof run>;
      // The outer transaction's origin is the one the update carries: it must be a mutation's, or
      // the replica would not count the change as waiting for the server while offline.
      replica().doc.transact(() => { result = run(); }, MUTATION_ORIGIN);
      return result;
    },
    me: () => state.settings.memberId,
    now,
    connected: () => state.replica?.status().link.state === 'connected',
  };
}
