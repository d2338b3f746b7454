/** @module The access commands behind the options page's People section (admins only): the server's admin API with this member's own invite. */
import { isRole, type Invite } from '../../../shared/invite';
import { cleanText } from '../../../shared/mutations/input';
import { LIMITS } from '../../../shared/schema/constants';
import type { CommandArgs, CommandResult } from '../../messaging/protocol';
import { AdminApiError, createAdminApi, type AdminApi } from '../admin-api';
import { refuse } from '../errors';
import type { SessionEnv } from './session';

export type AccessCommand = 'access.list' | 'access.invite' | 'access.revoke' | 'access.disableShared';

type Handler<C extends AccessCommand> = (args: CommandArgs<C>, env: SessionEnv) => Promise<CommandResult<C>>;

const defaultAdmin = createAdminApi();

/** Runs an admin API call for an admin; its failures come back in words. */
async function asAdmin<T>(env: SessionEnv, call: (api: AdminApi, invite: Invite) => Promise<T>): Promise<T> {
  const { replica, role } = env.state;
  if (!replica) throw refuse('not_joined', 'Join a workspace first.');
  if (role !== 'admin') throw refuse('forbidden', 'Only a workspace admin can manage people.');
  try {
    return await call(env.deps.admin ?? defaultAdmin, replica.invite);
  } catch (error) {
    if (error instanceof AdminApiError) throw refuse(error.status === 403 || error.status === 401 ? 'forbidden' : 'invalid', error.message);
    throw error;
  }
}

export const accessCommands: { [C in AccessCommand]: Handler<C> } = {
  'access.list': (_args, env) => asAdmin(env, (api, invite) => api.list(invite)),
  async 'access.invite'({ name, role }, env) {
    const clean = cleanText(name, 'The name', LIMITS.memberName, { required: true });
    if (!isRole(role)) throw refuse('invalid', 'Choose editor, viewer or admin.');
    return asAdmin(env, (api, invite) => api.invite(invite, { name: clean, role }));
  },
  'access.revoke': ({ member }, env) => asAdmin(env, (api, invite) => api.revoke(invite, String(member ?? ''))).then(() => null),
  'access.disableShared': (_args, env) => asAdmin(env, (api, invite) => api.disableShared(invite)).then(() => null),
};
