/**
 * @module The fields of the workspace document that record a person, and what the sync server lets
 * a member write into them (sync-server/protocol/authorship.ts enforces this table on every
 * incoming update). One row per field: a new field that records a person is one new line here.
 *
 * `field` is written from the record down:
 * - `*`            the whole record (every field and nested value under the record's key)
 * - `name`         a field of the record
 * - `name.prop`    property `prop` of the plain object (or nested map) stored in field `name`
 * - `name[].prop`  property `prop` of every entry of the list in field `name`
 * - `name.*`       the keys of the nested map in field `name`
 * For `activity`, whose entries are plain objects, `actor` is the entry's own property.
 *
 * Roots named here that a release does not write yet (huddles, boards, initiatives: schema 2) cost
 * nothing until someone writes them.
 */

export type AuthorshipRule =
  /** Every value written here is the writer's member id (and must be there when its object is written). */
  | 'writer'
  /** The writer's member id, or null / absent ("nobody yet"). */
  | 'writer-or-none'
  /** Set once, to the writer, in the update that creates the record; never rewritten or removed. */
  | 'creator'
  /** The keys are member ids: a member sets and removes only their own key. */
  | 'own-key'
  /** The record's key is a member id: only that member (or an admin) writes or removes anything in it. */
  | 'own-record'
  /** Entries are written once, whole, and never changed or removed. */
  | 'append-only';

export interface AuthorshipRuleRow {
  root: string;
  field: string;
  rule: AuthorshipRule;
}

export const AUTHORSHIP_RULES: readonly AuthorshipRuleRow[] = [
  { root: 'activity', field: '*', rule: 'append-only' },
  { root: 'activity', field: 'actor', rule: 'writer' },
  { root: 'captures', field: 'capturedBy', rule: 'creator' },
  { root: 'captures', field: 'loop.updatedBy', rule: 'writer-or-none' },
  { root: 'captures', field: 'loop.reply.by', rule: 'writer' },
  { root: 'captures', field: 'sourceCheck.checkedBy', rule: 'writer' },
  { root: 'actions', field: 'createdBy', rule: 'creator' },
  { root: 'actions', field: 'comments[].author', rule: 'writer' },
  { root: 'actions', field: 'rankings.*', rule: 'own-key' },
  { root: 'actions', field: 'decision.by', rule: 'writer' },
  { root: 'huddles', field: 'startedBy', rule: 'creator' },
  { root: 'huddles', field: 'endedBy', rule: 'writer' },
  { root: 'huddles', field: 'notes[].author', rule: 'writer' },
  { root: 'boards', field: 'startedBy', rule: 'creator' },
  { root: 'boards', field: 'endedBy', rule: 'writer' },
  { root: 'initiatives', field: 'createdBy', rule: 'creator' },
  { root: 'members', field: '*', rule: 'own-record' },
];
