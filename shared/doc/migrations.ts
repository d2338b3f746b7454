/**
 * @module Schema migrations. `meta.schemaVersion` only ever rises; each step moves the document
 * from `to - 1` to `to`. Two replicas may run the same step concurrently and Yjs merges both
 * runs, so every step must be idempotent: look at the data, change only what is still in the
 * old shape, and write the same values whoever runs it.
 */
import type * as Y from 'yjs';
import { SCHEMA_VERSION } from '../schema/constants';
import { isoFromMillis, systemClock, type Clock } from '../util/dates';
import { randomId } from '../util/ids';
import { MIGRATION_ORIGIN } from './origins';
import { roots } from './roots';
import { statusChangedAtStep } from './steps/v2-status-changed-at';
import { replyRecordStep } from './steps/v3-reply-record';

export interface Migration {
  /** The version this step produces. */
  to: number;
  /** One line for the activity log and release notes. */
  describe: string;
  up(doc: Y.Doc): void;
}

/** Steps shipped with this release, oldest first. Version 1 is the first public schema. */
export const MIGRATIONS: readonly Migration[] = [statusChangedAtStep, replyRecordStep];

export type MigrationOutcome =
  | { status: 'current'; version: number }
  | { status: 'migrated'; from: number; to: number; steps: string[] }
  /** The document was written by a newer release: read it as best we can, write nothing structural. */
  | { status: 'newer'; version: number; supported: number };

export function migrateWorkspace(
  doc: Y.Doc,
  options: { migrations?: readonly Migration[]; target?: number; now?: Clock; actor?: string } = {},
): MigrationOutcome {
  const migrations = options.migrations ?? MIGRATIONS;
  const target = options.target ?? SCHEMA_VERSION;
  const { meta, activity } = roots(doc);
  const stored = meta.get('schemaVersion');
  if (stored === undefined) return { status: 'current', version: target }; // nothing to migrate yet
  const from = typeof stored === 'number' && Number.isInteger(stored) && stored >= 0 ? stored : 0;
  if (from > target) return { status: 'newer', version: from, supported: target };
  if (from === target) return { status: 'current', version: from };
  const steps = migrations.filter((m) => m.to > from && m.to <= target).sort((a, b) => a.to - b.to);
  steps.forEach((step, i) => {
    // A gap is a release bug, not bad data: fail loudly before touching the document.
    if (step.to !== from + i + 1) throw new Error(`No migration step to schema version ${from + i + 1}.`);
  });
  if (steps.length !== target - from) throw new Error(`No migration step to schema version ${from + steps.length + 1}.`);
  const at = isoFromMillis((options.now ?? systemClock)());
  doc.transact(() => {
    for (const step of steps) {
      step.up(doc);
      const id = randomId('evt');
      activity.set(id, {
        id, at, actor: options.actor ?? 'system', verb: 'workspace.migrated',
        targetKind: 'workspace', targetId: 'meta', field: 'schemaVersion', from: step.to - 1, to: step.to,
      });
    }
    meta.set('schemaVersion', target);
  }, MIGRATION_ORIGIN);
  return { status: 'migrated', from, to: target, steps: steps.map((s) => s.describe) };
}
