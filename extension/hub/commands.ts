/** @module Command handlers: check the caller's arguments, run one typed mutation, confirm it is saved locally. */
import { canWrite, decodeInvite, isRole, type Invite } from '../../shared/invite';
import {
  assignAction, commentOnAction, createAction, editAction, linkCaptures, scoreAction, setActionStatus, setDueDate, unlinkCaptures,
} from '../../shared/mutations/actions';
import { addCapture, editCapture, setCaptureStatus, setCustomerLoop, tagCaptures } from '../../shared/mutations/captures';
import type { MutationContext } from '../../shared/mutations/context';
import { cleanText } from '../../shared/mutations/input';
import { LIMITS } from '../../shared/schema/constants';
import type { CommandArgs, CommandName, CommandResult } from '../messaging/protocol';
import { DEFAULT_PREFERENCES, type Preferences, type Settings } from '../settings/settings';
import { AdminApiError, createAdminApi, type AdminApi } from './admin-api';
import { HubRequestError } from './errors';
import type { Hub, HubDeps, HubState } from './hub';

export interface CommandEnv {
  state: HubState;
  deps: HubDeps;
  hub: Hub;
  open(invite: Invite | null): Promise<void>;
  reload(): Promise<void>;
  /** Saves settings one change at a time (each reads what the previous one wrote). */
  saveSettings(update: (settings: Settings) => Settings): Promise<void>;
  registerSelf(): void;
}

type Handler<C extends CommandName> = (args: CommandArgs<C>, env: CommandEnv) => Promise<CommandResult<C>> | CommandResult<C>;

const refuse = (code: 'invalid' | 'forbidden' | 'not_joined', message: string) => new HubRequestError({ code, message });

/** A mutation context for the current member, or a clear refusal. */
function writer(env: CommandEnv): MutationContext {
  const { replica, role, settings } = env.state;
  if (!replica) throw refuse('not_joined', 'Join a workspace first: open Closeloop options and paste your invite code.');
  if (!canWrite(role)) throw refuse('forbidden', 'Your invite is read-only; ask for an editor invite to make changes.');
  return replica.context(settings.memberId);
}

const defaultAdmin = createAdminApi();

/** The admin API with this member's invite, for admins only; its failures in words. */
async function asAdmin<T>(env: CommandEnv, call: (api: AdminApi, invite: Invite) => Promise<T>): Promise<T> {
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

/** Runs a mutation and resolves once it is committed to this device. */
async function write<T>(env: CommandEnv, mutation: (ctx: MutationContext) => T): Promise<T> {
  const result = mutation(writer(env));
  await env.state.replica!.flushLocal();
  return result;
}

function leaveGuard(env: CommandEnv, discardPending: unknown) {
  if (env.state.settings.managed) throw refuse('forbidden', 'Your administrator set this workspace; it cannot be changed here.');
  const pending = env.state.replica?.status().pending ?? 0;
  if (pending > 0 && discardPending !== true) {
    throw refuse('invalid', `${pending} change${pending === 1 ? " hasn't" : "s haven't"} reached the server yet. Reconnect first, or leave anyway to discard them.`);
  }
}

const handlers: { [C in CommandName]: Handler<C> } = {
  async join({ inviteCode, name, discardPending }, env) {
    const invite = decodeInvite(String(inviteCode ?? ''));
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
    return env.hub.status();
  },
  async leave({ discardPending }, env) {
    leaveGuard(env, discardPending);
    await env.state.replica?.clearLocalData();
    await env.saveSettings((s) => ({ ...s, invite: null }));
    await env.reload();
    return env.hub.status();
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
  async 'capture.save'({ capture, allowDuplicate }, env) {
    const view = env.state.replica?.view;
    const result = await write(env, (ctx) => addCapture(ctx, capture, {
      allowDuplicate: allowDuplicate === true,
      findDuplicate: (fingerprint) => view?.captureByFingerprint(fingerprint)?.id ?? null,
    }));
    return { ...result, savedLocally: result.id !== null, syncing: env.state.replica!.status().link.state === 'connected' };
  },
  'capture.edit': ({ id, patch }, env) => write(env, (ctx) => editCapture(ctx, id, patch ?? {})).then(() => null),
  'capture.tag': ({ ids, add, remove }, env) => write(env, (ctx) => tagCaptures(ctx, ids, { add: add ?? [], remove: remove ?? [] })).then(() => null),
  'capture.setStatus': ({ ids, status, reason }, env) => write(env, (ctx) => setCaptureStatus(ctx, ids, status, reason)).then(() => null),
  'capture.setLoop': ({ id, state, replyUrl }, env) => write(env, (ctx) => setCustomerLoop(ctx, id, { state, replyUrl: replyUrl ?? null })).then(() => null),
  'action.create': ({ action }, env) => write(env, (ctx) => ({ id: createAction(ctx, action) })),
  'action.edit': ({ id, title, description }, env) => write(env, (ctx) => editAction(ctx, id, {
    ...(title !== undefined ? { title } : {}), ...(description !== undefined ? { description } : {}),
  })).then(() => null),
  'action.link': ({ id, captureIds }, env) => write(env, (ctx) => linkCaptures(ctx, id, captureIds)).then(() => null),
  'action.unlink': ({ id, captureIds }, env) => write(env, (ctx) => unlinkCaptures(ctx, id, captureIds)).then(() => null),
  'action.assign': ({ id, memberId }, env) => write(env, (ctx) => assignAction(ctx, id, memberId)).then(() => null),
  'action.setStatus': ({ id, status, resolution }, env) => write(env, (ctx) => setActionStatus(ctx, id, status, resolution)).then(() => null),
  'action.setDue': ({ id, dueDate }, env) => write(env, (ctx) => setDueDate(ctx, id, dueDate)).then(() => null),
  'action.score': ({ id, impact, effort }, env) => write(env, (ctx) => scoreAction(ctx, id, {
    ...(impact !== undefined ? { impact } : {}), ...(effort !== undefined ? { effort } : {}),
  })).then(() => null),
  'action.comment': ({ id, text }, env) => write(env, (ctx) => ({ id: commentOnAction(ctx, id, text) })),
  'people.list': (_args, env) => asAdmin(env, (api, invite) => api.list(invite)),
  'people.invite': ({ name, role }, env) => {
    const clean = cleanText(name, 'The name', LIMITS.memberName, { required: true });
    if (!isRole(role)) throw refuse('invalid', 'Choose editor, viewer or admin.');
    return asAdmin(env, (api, invite) => api.invite(invite, { name: clean, role }));
  },
  'people.revoke': ({ member }, env) => asAdmin(env, (api, invite) => api.revoke(invite, String(member ?? ''))).then(() => null),
  'people.disableShared': (_args, env) => asAdmin(env, (api, invite) => api.disableShared(invite)).then(() => null),
  async openPage({ page, hash }, env) {
    if (page !== 'options' && page !== 'popup') throw refuse('invalid', 'Unknown page.');
    await env.deps.openPage(page, typeof hash === 'string' ? hash.slice(0, 200) : undefined);
    return null;
  },
};

function cleanPreferences(value: Preferences): Preferences {
  return {
    inPageButton: typeof value.inPageButton === 'boolean' ? value.inPageButton : DEFAULT_PREFERENCES.inPageButton,
    badge: value.badge === 'inbox' ? 'inbox' : 'due',
    notifications: typeof value.notifications === 'boolean' ? value.notifications : DEFAULT_PREFERENCES.notifications,
  };
}

export function runCommand<C extends CommandName>(name: C, args: unknown, env: CommandEnv): Promise<CommandResult<C>> {
  const handler = handlers[name] as Handler<C> | undefined;
  if (!handler || !Object.hasOwn(handlers, name)) throw refuse('invalid', `Unknown command "${String(name)}".`);
  if (!args || typeof args !== 'object' || Array.isArray(args)) throw refuse('invalid', 'Command arguments must be an object.');
  return Promise.resolve(handler(args as CommandArgs<C>, env));
}

