/** @module Creating a workspace document's metadata, once, without clobbering a peer's. */
import type * as Y from 'yjs';
import { SCHEMA_VERSION } from '../schema/constants';
import { isoFromMillis, systemClock, type Clock } from '../util/dates';
import { randomId } from '../util/ids';
import { INIT_ORIGIN } from './origins';
import { roots } from './roots';

/**
 * Writes `meta` for a workspace that has none. Call it only on a replica that has synced with
 * the server (or on the server itself): an offline replica cannot know whether meta exists.
 * Returns true when it wrote something.
 */
export function initWorkspace(doc: Y.Doc, options: { name: string; now?: Clock; actor?: string }): boolean {
  const { meta, activity } = roots(doc);
  if (meta.has('schemaVersion')) return false;
  const at = isoFromMillis((options.now ?? systemClock)());
  doc.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION);
    if (!meta.has('name')) meta.set('name', options.name);
    if (!meta.has('createdAt')) meta.set('createdAt', at);
    const id = randomId('evt');
    activity.set(id, {
      id, at, actor: options.actor ?? 'server', verb: 'workspace.created',
      targetKind: 'workspace', targetId: 'meta', field: 'schemaVersion', from: null, to: SCHEMA_VERSION,
    });
  }, INIT_ORIGIN);
  return true;
}
