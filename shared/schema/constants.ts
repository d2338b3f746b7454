/** @module The closed vocabularies and limits of the workspace document (see docs/schema.md). */

/** Version of the document shape this code writes; see doc/migrations.ts. */
export const SCHEMA_VERSION = 1;

export const ROLES = ['editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const CAPTURE_STATUSES = ['new', 'triaged', 'archived'] as const;
export type CaptureStatus = (typeof CAPTURE_STATUSES)[number];

export const SENTIMENTS = ['positive', 'neutral', 'negative'] as const;
export type Sentiment = (typeof SENTIMENTS)[number];

export const CHANNELS = ['review', 'social', 'forum', 'support', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ACTION_STATUSES = ['open', 'in_progress', 'blocked', 'done', 'wont_do'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses that close an action; moving to one requires a resolution note. */
export const CLOSED_ACTION_STATUSES: readonly ActionStatus[] = ['done', 'wont_do'];

/** Customer follow-up ("closing the loop"), tracked apart from the fix itself. */
export const LOOP_STATES = ['none', 'reply_needed', 'replied'] as const;
export type LoopState = (typeof LOOP_STATES)[number];

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
} as const;

/** Impact and effort are scored 1-5; 3 and above counts as "high" for the 2x2. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;
export const SCORE_HIGH_FROM = 3;
