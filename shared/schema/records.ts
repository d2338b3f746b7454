/** @module Plain, validated records as read from the workspace document; no Y types leak past here. */
import type {
  ActionStatus, BoardCadence, CaptureStatus, Channel, DecisionOutcome, Horizon, InitiativeStatus, LoopState, ReplyChannel, Role,
  Sentiment, SourceCheckState,
} from './constants';

/** Where a capture was found, as extracted from the page. `null` means "not found on the page". */
export interface CaptureSource {
  url: string;
  title: string;
  /** Host name without a leading "www.", e.g. "trustpilot.com". */
  site: string;
  /** Known platform id ("trustpilot", "reddit", ...) or null for the generic path. */
  platform: string | null;
  author: string | null;
  authorUrl: string | null;
  rating: number | null;
  ratingMax: number | null;
  /** ISO 8601 date or date-time as published by the page. */
  postedAt: string | null;
  permalink: string | null;
  /** Which extractor produced each field, e.g. `{ author: "adapter:trustpilot", title: "meta:og" }`. */
  extractedBy: Record<string, string>;
}

/** W3C Web Annotation text-quote selector. */
export interface TextQuoteSelector {
  exact: string;
  prefix: string;
  suffix: string;
}

/** W3C Web Annotation text-position selector: offsets into the page body's text content. */
export interface TextPositionSelector {
  start: number;
  end: number;
}

/** Element paths (e.g. `/html[1]/body[1]/div[3]/p[2]`) plus character offsets within them. */
export interface RangeSelector {
  startContainer: string;
  startOffset: number;
  endContainer: string;
  endOffset: number;
}

export interface CaptureAnchor {
  quote: TextQuoteSelector;
  position: TextPositionSelector | null;
  range: RangeSelector | null;
}

/** The reply itself (schema 3): what was said, where, by whom and when. */
export interface CustomerReply {
  text: string;
  /** Null on replies recorded before schema 3 (only a link was kept then). */
  where: ReplyChannel | null;
  url: string | null;
  /** The member who recorded it. */
  by: string | null;
  at: string | null;
}

/** Follow-up with the customer who wrote the feedback. */
export interface CustomerLoop {
  state: LoopState;
  /** The reply's link; kept beside `reply.url` so version-2 readers still show it. */
  replyUrl: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
  /** Set while `state` is `replied` (schema 3). */
  reply: CustomerReply | null;
}

/** What the last visit of the capture's page found (schema 3). */
export interface SourceCheck {
  state: SourceCheckState;
  checkedAt: string;
  /** The member whose browser checked. */
  checkedBy: string | null;
  /** What the review reads now, when it changed (redacted like any capture). */
  text: string | null;
  /** The review's rating now, when it changed. */
  rating: number | null;
}

export interface Capture {
  id: string;
  /** The exact quote, as text (never markup). */
  text: string;
  /** Dedupe key of (normalised text, page): the same words from the same page share it. */
  fingerprint: string;
  /** Length of the original selection when `text` was cut to the limit; null when whole. */
  truncatedFrom: number | null;
  note: string;
  tags: string[];
  sentiment: Sentiment | null;
  channel: Channel;
  source: CaptureSource;
  anchor: CaptureAnchor | null;
  capturedBy: string;
  capturedAt: string;
  status: CaptureStatus;
  archivedReason: string | null;
  /** Actions this capture is evidence for. Derived from `Action.captureIds`; not stored on the capture. */
  actionIds: string[];
  loop: CustomerLoop;
  /** Null until someone visits the page again with the extension (schema 3). */
  sourceCheck: SourceCheck | null;
  updatedAt: string;
}

export interface ActionComment {
  id: string;
  author: string;
  text: string;
  at: string;
}

/** The change board's decision on a proposal (schema 2). */
export interface Decision {
  outcome: DecisionOutcome;
  /** Why it was declined (required then); null for an acceptance. */
  reason: string | null;
  /** Member id of whoever decided. */
  by: string;
  at: string;
  /** The board meeting it was decided in, or null when decided outside a meeting. */
  boardId: string | null;
}

export interface Action {
  id: string;
  title: string;
  description: string;
  status: ActionStatus;
  /** When `status` last changed (schema 2; backfilled by the v1 -> v2 migration). */
  statusChangedAt: string;
  assignee: string | null;
  /** Calendar date, YYYY-MM-DD. */
  dueDate: string | null;
  impact: number | null;
  effort: number | null;
  captureIds: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  doneAt: string | null;
  resolution: string | null;
  comments: ActionComment[];
  /** The initiative this action belongs to (schema 2). */
  initiativeId: string | null;
  /** Stakeholder ranking of a proposal: member id -> that member's rank (1 = first). */
  rankings: Record<string, number>;
  decision: Decision | null;
}

/** A team huddle: the short regular look at what came in and what is stuck (schema 2). */
export interface Huddle {
  id: string;
  startedAt: string;
  startedBy: string;
  endedAt: string | null;
  endedBy: string | null;
  /** Member ids of who was there. */
  attendees: string[];
  notes: HuddleNote[];
}

export interface HuddleNote {
  id: string;
  author: string;
  text: string;
  at: string;
}

/** A change board meeting: proposals qualified, ranked, accepted or declined (schema 2). */
export interface BoardMeeting {
  id: string;
  startedAt: string;
  startedBy: string;
  endedAt: string | null;
  endedBy: string | null;
  attendees: string[];
  /** Ids of the proposals decided in this meeting. */
  decisions: string[];
  /** The next board date this meeting set, YYYY-MM-DD. */
  nextBoardDate: string | null;
}

/** A batch of actions with an objective and a business case (schema 2). */
export interface Initiative {
  id: string;
  /** Stored sequence number; `code` is what people see. */
  number: number;
  /** `CX-7`: unique in the workspace (see docs/schema.md for how offline duplicates resolve). */
  code: string;
  title: string;
  objective: string;
  definitionOfDone: string;
  horizon: Horizon;
  costText: string;
  costAmount: number | null;
  benefitText: string;
  benefitAmount: number | null;
  sponsor: string | null;
  status: InitiativeStatus;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** Workspace-wide settings (the `settings` root, schema 2); defaults where unset. */
export interface WorkspaceSettings {
  escalationMinCaptures: number;
  escalationWindowDays: number;
  replyTargetDays: number;
  boardCadence: BoardCadence;
  nextBoardDate: string | null;
  /** Personal data is replaced in captures before they leave the page (schema 3; on unless set false). */
  redactPersonalData: boolean;
}

export interface Member {
  id: string;
  name: string;
  color: string;
  role: Role;
  joinedAt: string;
}

export const ACTIVITY_VERBS = [
  'capture.added',
  'capture.edited',
  'capture.tagged',
  'capture.untagged',
  'capture.status',
  'capture.loop',
  'capture.source',
  'action.created',
  'action.edited',
  'action.linked',
  'action.unlinked',
  'action.assigned',
  'action.status',
  'action.due',
  'action.scored',
  'action.commented',
  'action.proposed',
  'action.ranked',
  'action.decided',
  'action.initiative',
  'initiative.created',
  'initiative.edited',
  'huddle.started',
  'huddle.attended',
  'huddle.noted',
  'huddle.ended',
  'board.started',
  'board.attended',
  'board.ended',
  'workspace.settings',
  'member.registered',
  'member.updated',
  'workspace.created',
  'workspace.migrated',
] as const;
export type ActivityVerb = (typeof ACTIVITY_VERBS)[number];

export type RecordKind = 'capture' | 'action' | 'member' | 'workspace' | 'initiative' | 'huddle' | 'board';

/** One line of the append-only accountability log: who changed what, when, from what, to what. */
export interface ActivityEntry {
  id: string;
  at: string;
  actor: string;
  verb: ActivityVerb;
  targetKind: RecordKind;
  targetId: string;
  field: string | null;
  from: unknown;
  to: unknown;
}

export interface WorkspaceMeta {
  schemaVersion: number;
  name: string;
  createdAt: string | null;
}
