/**
 * @module The one message contract between UI pages, content scripts and the background hub.
 * Both sides import this file. Everything crossing it is plain JSON: no Y types ever leave the hub.
 */
import type { NewAction } from '../../shared/mutations/actions';
import type { CapturePatch } from '../../shared/mutations/captures';
import type { NewCapture } from '../../shared/mutations/clean-capture';
import type { ActionFilter } from '../../shared/queries/actions';
import type { WorkspaceCounts } from '../../shared/queries/counts';
import type { InboxFilter, PageOf, PageRequest } from '../../shared/queries/inbox';
import type { AccessRole } from '../../shared/invite';
import type { ActionStatus, CaptureStatus, LoopState, Sentiment, Channel } from '../../shared/schema/constants';
import type { Action, ActivityEntry, Capture, Member } from '../../shared/schema/records';
import type { Preferences } from '../settings/settings';

/** The port name every client connects with. */
export const HUB_PORT = 'closeloop-hub';

// ---------------------------------------------------------------- commands

export interface Commands {
  /** Joins (or switches to) the invite's workspace; switching with changes waiting needs `discardPending`. */
  join: { args: { inviteCode: string; name: string; discardPending?: boolean }; result: HubStatus };
  leave: { args: { discardPending?: boolean }; result: HubStatus };
  setName: { args: { name: string }; result: null };
  setPreferences: { args: { preferences: Partial<Preferences> }; result: Preferences };
  reconnect: { args: Record<string, never>; result: null };
  'capture.save': { args: { capture: NewCapture; allowDuplicate?: boolean }; result: CaptureSaved };
  'capture.edit': { args: { id: string; patch: CapturePatch }; result: null };
  'capture.tag': { args: { ids: string[]; add?: string[]; remove?: string[] }; result: null };
  'capture.setStatus': { args: { ids: string[]; status: CaptureStatus; reason?: string }; result: null };
  'capture.setLoop': { args: { id: string; state: LoopState; replyUrl?: string | null }; result: null };
  'action.create': { args: { action: NewAction }; result: { id: string } };
  'action.edit': { args: { id: string; title?: string; description?: string }; result: null };
  'action.link': { args: { id: string; captureIds: string[] }; result: null };
  'action.unlink': { args: { id: string; captureIds: string[] }; result: null };
  'action.assign': { args: { id: string; memberId: string | null }; result: null };
  'action.setStatus': { args: { id: string; status: ActionStatus; resolution?: string }; result: null };
  'action.setDue': { args: { id: string; dueDate: string | null }; result: null };
  'action.score': { args: { id: string; impact?: number | null; effort?: number | null }; result: null };
  'action.comment': { args: { id: string; text: string }; result: { id: string } };
  /** Opens a page of the extension (e.g. from a content script); the hub owns tab creation. */
  openPage: { args: { page: 'options' | 'popup'; hash?: string }; result: null };
  /** Admins only: the workspace's people as the server knows them. */
  'people.list': { args: Record<string, never>; result: PeopleView };
  /** Admins only: a personal invite for a new person; the code is shown once, to copy. */
  'people.invite': { args: { name: string; role: AccessRole }; result: InvitedPerson };
  'people.revoke': { args: { member: string }; result: null };
  'people.disableShared': { args: Record<string, never>; result: null };
}
export type CommandName = keyof Commands;
export type CommandArgs<C extends CommandName> = Commands[C]['args'];
export type CommandResult<C extends CommandName> = Commands[C]['result'];

/** Commands a content script (running inside an untrusted page) may send; the rest need an extension page. */
export const CONTENT_SCRIPT_COMMANDS: readonly CommandName[] = ['capture.save', 'openPage'];

/** A person of the workspace, as the server's admin API lists them. */
export interface PersonView {
  id: string;
  name: string;
  role: AccessRole;
  /** `invite`: a personal invite; `shared`: joined with a shared invite (codes from before). */
  via: 'invite' | 'shared';
  status: 'active' | 'revoked';
  online: boolean;
  lastSeenAt: string | null;
}

export interface PeopleView {
  sharedInvites: { enabled: boolean; members: number };
  people: PersonView[];
}

export interface InvitedPerson {
  member: string;
  name: string;
  role: AccessRole;
  code: string;
}

export interface CaptureSaved {
  /** Id of the stored capture; null when refused as a duplicate. */
  id: string | null;
  duplicateOf: string | null;
  /** True once the change is committed to this device's IndexedDB. */
  savedLocally: boolean;
  /** True when the server connection is up, so the change is on its way now. */
  syncing: boolean;
}

// ---------------------------------------------------------------- live queries

export interface Queries {
  status: { args: Record<string, never>; result: HubStatus };
  /** Context for the capture dialog: tags in use, a possible duplicate of this text on this page. */
  captureContext: { args: { text: string; url: string }; result: CaptureContext };
  inbox: { args: { filter: InboxFilter; page: PageRequest }; result: PageOf<Capture> };
  capture: { args: { id: string }; result: CaptureDetail | null };
  actions: { args: { filter: ActionFilter; page: PageRequest }; result: PageOf<Action> };
  action: { args: { id: string }; result: ActionDetail | null };
  members: { args: Record<string, never>; result: Member[] };
  /** Counts for tabs and the toolbar badge, judged against the viewer's local date. */
  counts: { args: Record<string, never>; result: WorkspaceCounts };
  /** This installation's settings as the options page shows them. */
  settings: { args: Record<string, never>; result: SettingsView };
  facets: { args: Record<string, never>; result: Facets };
}
export type QueryName = keyof Queries;
export type QueryArgs<Q extends QueryName> = Queries[Q]['args'];
export type QueryResult<Q extends QueryName> = Queries[Q]['result'];

export const CONTENT_SCRIPT_QUERIES: readonly QueryName[] = ['status', 'captureContext'];

export type ConnectionState =
  | 'not_joined'   // no workspace configured
  | 'loading'      // opening the local replica
  | 'connecting'
  | 'connected'    // socket open and synced
  | 'offline'      // the browser reports no network
  | 'unreachable'  // network up, server not answering
  | 'refused';     // the server refused the token (revoked, wrong workspace, ...)

export interface HubStatus {
  state: ConnectionState;
  /** The state in words, for people: "Connected", "Offline — 2 changes waiting", ... */
  words: string;
  /** Local changes not yet sent to the server. */
  pending: number;
  workspace: { id: string; name: string; server: string } | null;
  me: { id: string; name: string; role: AccessRole | null } | null;
  /** Other members with the extension open right now (awareness). */
  online: { id: string; name: string; color: string }[];
  captureCount: number;
  lastSyncedAt: string | null;
  /** Why the last connection attempt failed, when it did. */
  problem: string | null;
  /** A workspace preset by the administrator's policy cannot be left. */
  managed: boolean;
}

export interface SettingsView {
  memberId: string;
  name: string;
  preferences: Preferences;
  /** The workspace is set by the administrator's policy and locked. */
  managed: boolean;
  policyProblems: string[];
}

export interface CaptureContext {
  tags: { tag: string; count: number }[];
  duplicateOf: { id: string; capturedBy: string; capturedAt: string } | null;
  canWrite: boolean;
}

export interface CaptureDetail {
  capture: Capture;
  actions: Action[];
  history: ActivityEntry[];
  /** Open actions whose evidence reads like this capture, best first. */
  suggestions: { action: Action; score: number }[];
}

export interface ActionDetail {
  action: Action;
  captures: Capture[];
  history: ActivityEntry[];
}

export interface Facets {
  tags: { tag: string; count: number }[];
  sites: { site: string; count: number }[];
  sentiments: Sentiment[];
  channels: Channel[];
}

// ---------------------------------------------------------------- wire messages

export type ClientMessage =
  | { kind: 'command'; id: number; name: CommandName; args: unknown }
  | { kind: 'subscribe'; id: number; name: QueryName; args: unknown }
  | { kind: 'unsubscribe'; id: number };

export type HubMessage =
  | { kind: 'result'; id: number; ok: true; value: unknown }
  | { kind: 'result'; id: number; ok: false; error: HubError }
  | { kind: 'update'; id: number; value: unknown };

export interface HubError {
  code: 'invalid' | 'not_found' | 'forbidden' | 'not_joined' | 'malformed' | 'internal';
  /** For people: what went wrong and what to do. */
  message: string;
}

/** Checks the envelope of a message from a client; the args are checked by each handler. */
export function parseClientMessage(raw: unknown): ClientMessage | null {
  if (!raw || typeof raw !== 'object') return null;
  const m = raw as Record<string, unknown>;
  if (typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) return null;
  if (m.kind === 'unsubscribe') return { kind: 'unsubscribe', id: m.id };
  if ((m.kind === 'command' || m.kind === 'subscribe') && typeof m.name === 'string') {
    return { kind: m.kind, id: m.id, name: m.name as never, args: m.args ?? {} };
  }
  return null;
}
