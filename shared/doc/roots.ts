/**
 * @module The top-level shared types of a workspace Y.Doc. This is the only module that names
 * them; everything else reaches the document through it (or, better, through mutations/queries).
 */
import * as Y from 'yjs';

/** A record stored in the document: a flat Y.Map of fields, some of which are nested sets or lists. */
export type RecordMap = Y.Map<unknown>;

export interface WorkspaceRoots {
  captures: Y.Map<RecordMap>;
  actions: Y.Map<RecordMap>;
  members: Y.Map<RecordMap>;
  /**
   * Append-only log of plain JSON activity entries, keyed by entry id. A map, not an array:
   * appending to a Y.Array walks the list, so a long log written by several people made every
   * change slower (measured: 20,000 interleaved appends 3.9 s as an array, 0.44 s as a map).
   */
  activity: Y.Map<unknown>;
  meta: Y.Map<unknown>;
  /** Schema 2: team huddles, change board meetings, initiatives, workspace settings. */
  huddles: Y.Map<RecordMap>;
  boards: Y.Map<RecordMap>;
  initiatives: Y.Map<RecordMap>;
  /** Plain fields, one per setting (per-field last writer wins). */
  settings: Y.Map<unknown>;
}

export const ROOT_NAMES = {
  captures: 'captures',
  actions: 'actions',
  members: 'members',
  activity: 'activity',
  meta: 'meta',
  huddles: 'huddles',
  boards: 'boards',
  initiatives: 'initiatives',
  settings: 'settings',
} as const;

export function roots(doc: Y.Doc): WorkspaceRoots {
  return {
    captures: doc.getMap<RecordMap>(ROOT_NAMES.captures),
    actions: doc.getMap<RecordMap>(ROOT_NAMES.actions),
    members: doc.getMap<RecordMap>(ROOT_NAMES.members),
    activity: doc.getMap<unknown>(ROOT_NAMES.activity),
    meta: doc.getMap<unknown>(ROOT_NAMES.meta),
    huddles: doc.getMap<RecordMap>(ROOT_NAMES.huddles),
    boards: doc.getMap<RecordMap>(ROOT_NAMES.boards),
    initiatives: doc.getMap<RecordMap>(ROOT_NAMES.initiatives),
    settings: doc.getMap<unknown>(ROOT_NAMES.settings),
  };
}
