/**
 * @module What the hub's live queries answer with (protocol.ts names which query gives which):
 * status, settings, the capture dialog's context, a page's captures, details and the cadence views.
 * Plain JSON like everything crossing the port; protocol.ts re-exports these names.
 */
import type { InitiativeProgress, InitiativeSummary } from '../../shared/queries/initiatives';
import type { ProposalScore, ScoredProposal } from '../../shared/queries/board';
import type { AccessRole } from '../../shared/invite';
import type { ActionStatus, BoardCadence, CaptureStatus, Channel, Horizon, Sentiment } from '../../shared/schema/constants';
import type {
  Action, ActivityEntry, BoardMeeting, Capture, CaptureAnchor, CaptureSource, Initiative, SourceCheck,
} from '../../shared/schema/records';
import type { Preferences } from '../settings/settings';

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
  /** The policy's word on redaction (`redactPersonalData`), null when it says nothing. */
  redaction: boolean | null;
}

export interface CaptureContext {
  tags: { tag: string; count: number }[];
  duplicateOf: { id: string; capturedBy: string; capturedAt: string } | null;
  canWrite: boolean;
  /** The workspace's redaction setting (a browser's managed policy wins over it). */
  redactPersonalData: boolean;
}

/** What the highlight on a page shows about one capture: what the team did with it. */
export interface PageCapture {
  id: string;
  text: string;
  anchor: CaptureAnchor;
  status: CaptureStatus;
  capturedAt: string;
  source: Pick<CaptureSource, 'url' | 'author' | 'rating' | 'ratingMax' | 'postedAt' | 'permalink' | 'platform'>;
  actions: { id: string; title: string; status: ActionStatus; owner: string | null; dueDate: string | null }[];
  /** What the last visit found, so a visit that finds the same does not write it again. */
  sourceCheck: SourceCheck | null;
}

export interface PageCaptures {
  /** The workspace's colour (#rrggbb), the same on every member's browser. */
  color: string;
  captures: PageCapture[];
}

export interface SimilarCapture {
  id: string;
  /** The start of its quote. */
  excerpt: string;
  capturedAt: string;
  site: string;
  score: number;
  actions: { id: string; title: string; status: ActionStatus }[];
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
  /** The initiative it belongs to. */
  initiative: Initiative | null;
  /** Its score at the change board, while it is a proposal. */
  score: ProposalScore | null;
}

export interface BoardView {
  /** Open proposals best first, each with a few of its captures. */
  proposals: (ScoredProposal & { evidence: Capture[] })[];
  /** The viewer's own ranking: proposal ids, first choice first, and those not ranked yet. */
  ranking: { ranked: string[]; unranked: string[] };
  running: BoardMeeting | null;
  lastEnded: BoardMeeting | null;
  nextBoardDate: string | null;
  cadence: BoardCadence;
  /** Proposals decided in the last 90 days, newest decision first. */
  decisions: Action[];
}

export interface InitiativesView {
  map: Record<Horizon, InitiativeSummary[]>;
  total: number;
}

export interface InitiativeDetail {
  initiative: Initiative;
  progress: InitiativeProgress;
  actions: Action[];
  history: ActivityEntry[];
}

export interface Facets {
  tags: { tag: string; count: number }[];
  sites: { site: string; count: number }[];
  sentiments: Sentiment[];
  channels: Channel[];
}
