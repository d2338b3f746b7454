/** @module The closed vocabularies and limits of the workspace document (see docs/schema.md). */

/** Version of the document shape this code writes; see doc/migrations.ts. */
export const SCHEMA_VERSION = 3;

export const ROLES = ['editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const CAPTURE_STATUSES = ['new', 'triaged', 'archived'] as const;
export type CaptureStatus = (typeof CAPTURE_STATUSES)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const CHANNELS = ['review', 'social', 'forum', 'support', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * `proposed` (schema 2) comes before `open`: an idea waiting for the change board. A version-1
 * reader does not know it and reads it as `open`, which is safe: it shows, it does not crash.
 */
export const ACTION_STATUSES = ['proposed', 'open', 'in_progress', 'blocked', 'done', 'wont_do'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What the change board decided about a proposal. Declining is a decision too, with a reason. */
export const DECISION_OUTCOMES = ['accepted', 'declined'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Initiatives are laid out by horizon on the transformation map. */
export const HORIZONS = ['short', 'mid', 'long'] as const;
export type Horizon = (typeof HORIZONS)[number];

export const INITIATIVE_STATUSES = ['planned', 'active', 'on_hold', 'done', 'cancelled'] as const;
export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/** How often the change board meets; ending a board sets the next date this far ahead. */
export const BOARD_CADENCES = ['weekly', 'biweekly', 'monthly', 'quarterly'] as const;
export type BoardCadence = (typeof BOARD_CADENCES)[number];

/** A huddle or board meeting nobody ended within this long counts as abandoned, not running. */
export const MEETING_STALE_MS = 12 * 60 * 60 * 1000;

/** Prefix of initiative codes: CX-1, CX-2, ... */
export const INITIATIVE_CODE_PREFIX = 'CX';

/** Statuses that close an action; moving to one requires a resolution note. */
export const CLOSED_ACTION_STATUSES: readonly ActionStatus[] = ['done', 'wont_do'];

/** Customer follow-up ("closing the loop"), tracked apart from the fix itself. */
export const LOOP_STATES = ['none', 'reply_needed', 'replied'] as const;
export type LoopState = (typeof LOOP_STATES)[number];

/**
 * Where a reply to the customer went (schema 3): a public reply on the platform under the review,
 * a private message, an email, or a support ticket.
 */
export const REPLY_CHANNELS = ['public', 'private', 'email', 'ticket'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

/**
 * What re-finding a capture on its page found (schema 3): the quote where it was (`found`), the
 * same review reading differently or rated differently (`changed`), or, on a page that settled
 * and still shows its neighbours, no trace of it (`missing`).
 */
export const SOURCE_CHECK_STATES = ['found', 'changed', 'missing'] as const;
export type SourceCheckState = (typeof SOURCE_CHECK_STATES)[number];

/** Bounds enforced on writes and on reads of other peers' data. */
export const LIMITS = {
  /** Characters of quoted text kept per capture; longer selections are cut and flagged. */
  captureText: 10_000,
  note: 5_000,
  tag: 40,
  tagsPerCapture: 20,
  actionTitle: 200,
  actionDescription: 10_000,
  comment: 5_000,
  resolution: 2_000,
  memberName: 80,
  url: 2_048,
  /** Characters of context stored either side of a quote in its anchor. */
  anchorContext: 32,
  decisionReason: 2_000,
  huddleNote: 2_000,
  initiativeTitle: 120,
  initiativeText: 5_000,
  /** Largest amount in a business case (cost or benefit), in the workspace's currency. */
  amount: 1e12,
  /** The text of a reply to the customer, as recorded (schema 3). */
  replyText: 5_000,
} as const;

/** Workspace settings (the `settings` root) and their defaults, with the range each accepts. */
export const WORKSPACE_SETTINGS = {
  /** A theme escalates at the huddle with at least this many captures in the window. */
  escalationMinCaptures: { default: 3, min: 2, max: 100 },
  /** Days a theme's captures are counted over. */
  escalationWindowDays: { default: 14, min: 1, max: 90 },
  /** Days a "reply needed" capture may wait before it escalates. */
  replyTargetDays: { default: 2, min: 1, max: 60 },
} as const;
export type NumericSettingName = keyof typeof WORKSPACE_SETTINGS;
export const DEFAULT_BOARD_CADENCE: BoardCadence = 'monthly';

/** Impact and effort are scored 1-5; 3 and above counts as "high" for the 2x2. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const SCORE_HIGH_FROM = 3;
