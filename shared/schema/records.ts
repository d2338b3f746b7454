/** @module Plain, validated records as read from the workspace document; no Y types leak past here. */
import type { ActionStatus, CaptureStatus, Channel, LoopState, Role, Sentiment } from './constants';

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

/** Follow-up with the customer who wrote the feedback. */
export interface CustomerLoop {
  state: LoopState;
  replyUrl: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
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
  updatedAt: string;
}

export interface ActionComment {
  id: string;
  author: string;
  text: string;
  at: string;
}

export interface Action {
  id: string;
  title: string;
  description: string;
  status: ActionStatus;
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
  'action.created',
  'action.edited',
  'action.linked',
  'action.unlinked',
  'action.assigned',
  'action.status',
  'action.due',
  'action.scored',
  'action.commented',
  'member.registered',
  'member.updated',
  'workspace.created',
  'workspace.migrated',
] as const;
export type ActivityVerb = (typeof ACTIVITY_VERBS)[number];

export type RecordKind = 'capture' | 'action' | 'member' | 'workspace';

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
