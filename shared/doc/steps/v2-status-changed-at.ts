/**
 * @module Migration step to schema 2. Version 2 adds proposals, huddles, change boards,
 * initiatives and workspace settings (all new, nothing to convert) and one field every action
 * now carries: `statusChangedAt`, when its status last changed. Huddles ask "blocked since when?"
 * of every action at once, and external readers should not have to replay the activity log for
 * it, so the step backfills it from the log (the latest status change), else the creation time.
 */
import * as Y from 'yjs';
import { isIsoTimestamp } from '../../util/dates';
import type { Migration } from '../migrations';
import { roots } from '../roots';

export const statusChangedAtStep: Migration = {
  to: 2,
  describe: 'actions: statusChangedAt backfilled from the activity log',
  up(doc) {
    const { actions, activity } = roots(doc);
    const latest = new Map<string, string>();
    for (const entry of activity.values()) {
      const e = entry as Record<string, unknown> | null;
      if (!e || e.verb !== 'action.status' || e.field !== 'status' || typeof e.targetId !== 'string' || !isIsoTimestamp(e.at)) continue;
      const seen = latest.get(e.targetId);
      if (seen === undefined || e.at > seen) latest.set(e.targetId, e.at);
    }
    for (const [id, record] of actions) {
      if (!(record instanceof Y.Map) || isIsoTimestamp(record.get('statusChangedAt'))) continue; // done already, maybe by a peer
      const at = latest.get(id) ?? [record.get('createdAt'), record.get('updatedAt')].find(isIsoTimestamp);
      if (at) record.set('statusChangedAt', at);
    }
  },
};
