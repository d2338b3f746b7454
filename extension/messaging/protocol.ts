/**
 * @module The one message contract between UI pages, content scripts and the background hub.
 * Both sides import this file. Everything crossing it is plain JSON: no Y types ever leave the hub.
 */
import type { DashboardFilter } from '../../shared/dashboard/keys';
import type { Outcome } from '../../shared/dashboard/outcomes';
import type { PeriodId } from '../../shared/dashboard/periods';
import type { DashboardView, OutcomesView, ReportView, ThemesView } from '../../shared/dashboard/views';
import type { ExportFormat, ExportKind } from '../../shared/export/columns';
import type { NewAction } from '../../shared/mutations/actions';
import type { CapturePatch } from '../../shared/mutations/captures';
import type { NewCapture } from '../../shared/mutations/clean-capture';
import type { InitiativeFields } from '../../shared/mutations/initiatives';
import type { SettingsPatch } from '../../shared/mutations/settings';
import type { ActionFilter } from '../../shared/queries/actions';
import type { WorkspaceCounts } from '../../shared/queries/counts';
import type { HuddleSectionId, HuddleView } from '../../shared/queries/huddle';
import type { InboxFilter, PageOf, PageRequest } from '../../shared/queries/inbox';
import type { AccessRole } from '../../shared/invite';
import type { Grouped } from '../../shared/queries/similar-captures';
import type { Digest } from '../../shared/queries/digest';
import type { PeopleView } from '../../shared/queries/people';
import type { ActionStatus, CaptureStatus, LoopState, ReplyChannel, SourceCheckState } from '../../shared/schema/constants';
import type { Action, Capture, Member, WorkspaceSettings } from '../../shared/schema/records';
import type { Preferences } from '../settings/settings';
import type {
  HubStatus, SettingsView, CaptureContext, PageCaptures, SimilarCapture, CaptureDetail, ActionDetail, BoardView, InitiativesView, InitiativeDetail, Facets,
} from './query-views';

export type * from './query-views';

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
  /** `linkTo` makes the new capture evidence for that action in the same transaction. */
  'capture.save': { args: { capture: NewCapture; allowDuplicate?: boolean; linkTo?: string }; result: CaptureSaved };
  'capture.edit': { args: { id: string; patch: CapturePatch }; result: null };
  'capture.tag': { args: { ids: string[]; add?: string[]; remove?: string[] }; result: null };
  'capture.setStatus': { args: { ids: string[]; status: CaptureStatus; reason?: string }; result: null };
  'capture.setLoop': {
    args: { id: string; state: LoopState; replyUrl?: string | null; reply?: { text?: string; where?: ReplyChannel | null; url?: string | null } | null };
    result: null;
  };
  /** What revisiting a capture's page found (from the content script of that page). */
  'capture.checkSource': {
    args: { id: string; urls: string[]; state: SourceCheckState; text?: string | null; rating?: number | null; senderUrl?: string };
    result: { written: boolean };
  };
  'action.create': { args: { action: NewAction }; result: { id: string } };
  'action.edit': { args: { id: string; title?: string; description?: string }; result: null };
  'action.link': { args: { id: string; captureIds: string[] }; result: null };
  'action.unlink': { args: { id: string; captureIds: string[] }; result: null };
  'action.assign': { args: { id: string; memberId: string | null }; result: null };
  'action.setStatus': { args: { id: string; status: ActionStatus; resolution?: string }; result: null };
  'action.setDue': { args: { id: string; dueDate: string | null }; result: null };
  'action.score': { args: { id: string; impact?: number | null; effort?: number | null }; result: null };
  'action.comment': { args: { id: string; text: string }; result: { id: string } };
  'action.setInitiative': { args: { id: string; initiativeId: string | null }; result: null };
  /** Starts a huddle, or joins the one running; the result is its id. */
  'huddle.start': { args: Record<string, never>; result: { id: string } };
  'huddle.end': { args: { id: string }; result: null };
  'huddle.attend': { args: { id: string; memberIds: string[]; present?: boolean }; result: null };
  'huddle.note': { args: { id: string; text: string }; result: { id: string } };
  'board.start': { args: Record<string, never>; result: { id: string } };
  /** Ends the meeting; the next board date is the one given or one cadence ahead. */
  'board.end': { args: { id: string; nextBoardDate?: string | null }; result: { nextBoardDate: string } };
  'board.attend': { args: { id: string; memberIds: string[]; present?: boolean }; result: null };
  /** The member's whole ranking, first choice first. */
  'proposal.rank': { args: { order: string[] }; result: null };
  /** Accepts with an owner and a due date, into an existing initiative or a new one. */
  'proposal.accept': {
    args: { id: string; assignee: string; dueDate: string; initiativeId?: string | null; newInitiative?: InitiativeFields };
    result: { initiativeId: string | null };
  };
  'proposal.decline': { args: { id: string; reason: string }; result: null };
  'initiative.create': { args: { initiative: InitiativeFields }; result: { id: string } };
  'initiative.edit': { args: { id: string; patch: Partial<InitiativeFields> }; result: null };
  'workspace.updateSettings': { args: { patch: SettingsPatch }; result: null };
  /** Files of exactly what a list or the dashboard shows (viewers may export too). */
  export: { args: ExportRequest; result: { files: ExportFile[] } };
  /** Opens a page of the extension (e.g. from a content script); the hub owns tab creation. */
  openPage: { args: { page: ExtensionPage; hash?: string }; result: null };
  /** Admins only: the workspace's people as the server knows them. */
  'access.list': { args: Record<string, never>; result: AccessList };
  /** Admins only: a personal invite for a new person; the code is shown once, to copy. */
  'access.invite': { args: { name: string; role: AccessRole }; result: InvitedPerson };
  'access.revoke': { args: { member: string }; result: null };
  'access.disableShared': { args: Record<string, never>; result: null };
}

export type ExtensionPage = 'options' | 'popup';
export type CommandName = keyof Commands;
export type CommandArgs<C extends CommandName> = Commands[C]['args'];
export type CommandResult<C extends CommandName> = Commands[C]['result'];

/** Commands a content script (running inside an untrusted page) may send; the rest need an extension page. */
export const CONTENT_SCRIPT_COMMANDS: readonly CommandName[] = ['capture.save', 'capture.checkSource', 'openPage'];

/**
 * Requests about "this page": the hub stamps the port's sender address into `senderUrl` (whatever
 * the caller sent), and answers only for addresses on the sender's own site.
 */
export const PAGE_REQUESTS: readonly string[] = ['pageCaptures', 'capture.checkSource'];

/** A person of the workspace, as the server's admin API lists them. */
export interface PersonAccess {
  id: string;
  name: string;
  role: AccessRole;
  /** `invite`: a personal invite; `shared`: joined with a shared invite (codes from before). */
  via: 'invite' | 'shared';
  status: 'active' | 'revoked';
  online: boolean;
  lastSeenAt: string | null;
}

export interface AccessList {
  sharedInvites: { enabled: boolean; members: number };
  people: PersonAccess[];
}

export interface InvitedPerson {
  member: string;
  name: string;
  role: AccessRole;
  code: string;
}

/** What to export: the popup's current Inbox and Actions filters, or the dashboard's period and filter. */
export type ExportScope =
  | { from: 'lists'; inbox?: InboxFilter; actions?: ActionFilter }
  | { from: 'dashboard'; period: PeriodId; filter: DashboardFilter };

export interface ExportRequest {
  kinds: ExportKind[];
  format: ExportFormat;
  scope: ExportScope;
}

export interface ExportFile {
  filename: string;
  /** Media type, e.g. `text/csv; charset=utf-8`. */
  mime: string;
  text: string;
  /** Records in it (for a JSON file of both kinds, of both). */
  rows: number;
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
  inbox: { args: { filter: InboxFilter; page: PageRequest }; result: PageOf<Grouped<Capture>> };
  /** Captures that read like the one being captured (text as it would be saved, redacted), with the actions they feed. */
  similarCaptures: { args: { text: string; url: string }; result: SimilarCapture[] };
  capture: { args: { id: string }; result: CaptureDetail | null };
  actions: { args: { filter: ActionFilter; page: PageRequest }; result: PageOf<Action> };
  action: { args: { id: string }; result: ActionDetail | null };
  members: { args: Record<string, never>; result: Member[] };
  /** Counts for tabs and the toolbar badge, judged against the viewer's local date. */
  counts: { args: Record<string, never>; result: WorkspaceCounts };
  /** This installation's settings as the options page shows them. */
  settings: { args: Record<string, never>; result: SettingsView };
  facets: { args: Record<string, never>; result: Facets };
  /** The captures of the page a content script runs in (by its addresses), to highlight them. */
  pageCaptures: { args: { urls: string[]; senderUrl?: string }; result: PageCaptures };
  /** Page key → number of captures, for the page index the hub writes to storage (page-index.ts). */
  pageIndex: { args: Record<string, never>; result: Record<string, number> };
  /** The huddle since the watermark; each section lists up to its limit (25 by default). */
  huddle: { args: { limits?: Partial<Record<HuddleSectionId, number>> }; result: HuddleView };
  board: { args: Record<string, never>; result: BoardView };
  initiatives: { args: Record<string, never>; result: InitiativesView };
  initiative: { args: { id: string }; result: InitiativeDetail | null };
  people: { args: Record<string, never>; result: PeopleView };
  workspaceSettings: { args: Record<string, never>; result: WorkspaceSettings };
  /** The weekly digest's numbers, team-wide. */
  digest: { args: Record<string, never>; result: Digest };
  /** The dashboard's charts for a period and filter, from counters the hub keeps up to date. */
  dashboard: { args: { period: PeriodId; filter: DashboardFilter }; result: DashboardView };
  /** Clusters of captures that read alike, rising and falling (heavier: its own query). */
  dashboardThemes: { args: { period: PeriodId; filter: DashboardFilter }; result: ThemesView };
  /** Done actions of the period with their outcomes, biggest drop first. */
  outcomes: { args: { period: PeriodId; filter: DashboardFilter; limit?: number }; result: OutcomesView };
  /** One action's outcome (null unless it is done). */
  outcome: { args: { id: string }; result: Outcome | null };
  /** The monthly report for a `YYYY-MM` month. */
  report: { args: { month: string }; result: ReportView };
}
export type QueryName = keyof Queries;
export type QueryArgs<Q extends QueryName> = Queries[Q]['args'];
export type QueryResult<Q extends QueryName> = Queries[Q]['result'];

export const CONTENT_SCRIPT_QUERIES: readonly QueryName[] = ['status', 'captureContext', 'pageCaptures', 'similarCaptures'];

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
