/**
 * @module The machinery every typed mutation shares: one transaction with a named origin,
 * an activity entry per change, and input validation that throws before anything is written.
 */
import * as Y from 'yjs';
import { MUTATION_ORIGIN } from '../doc/origins';
import { roots, type RecordMap, type WorkspaceRoots } from '../doc/roots';
import type { ActivityVerb, RecordKind } from '../schema/records';
import { isoFromMillis, systemClock, type Clock } from '../util/dates';
import { randomId, type NewId } from '../util/ids';
import { MutationError } from './errors';

export { MutationError, type MutationErrorCode } from './errors';

/** Who is acting and the environment a mutation runs in (defaulted for production, injected in tests). */
export interface MutationContext {
  doc: Y.Doc;
  /** Member id of the person making the change. */
  actor: string;
  now?: Clock;
  newId?: NewId;
}

export interface MutationTx {
  roots: WorkspaceRoots;
  /** The transaction's timestamp, ISO 8601. */
  at: string;
  actor: string;
  newId: NewId;
  log(verb: ActivityVerb, targetKind: RecordKind, targetId: string, change?: { field?: string; from?: unknown; to?: unknown }): void;
}

/** Runs `write` as one transaction with MUTATION_ORIGIN. Validate before calling: Yjs has no rollback. */
export function mutate<T>(ctx: MutationContext, write: (tx: MutationTx) => T): T {
  if (!ctx.actor) throw new MutationError('invalid', 'No member is set for this change; join the workspace first.');
  const newId = ctx.newId ?? randomId;
  const at = isoFromMillis((ctx.now ?? systemClock)());
  const r = roots(ctx.doc);
  let result!: T;
  ctx.doc.transact(() => {
    result = write({
      roots: r,
      at,
      actor: ctx.actor,
      newId,
      log(verb, targetKind, targetId, change = {}) {
        const id = newId('evt');
        r.activity.set(id, {
          id, at, actor: ctx.actor, verb, targetKind, targetId,
          field: change.field ?? null, from: change.from ?? null, to: change.to ?? null,
        });
      },
    });
  }, MUTATION_ORIGIN);
  return result;
}

/** The stored record map of `id`, or a not_found error naming what is missing. */
export function requireRecord(map: Y.Map<RecordMap>, id: string, what: string): RecordMap {
  const record = map.get(id);
  if (!(record instanceof Y.Map)) throw new MutationError('not_found', `No ${what} with id "${id}" in this workspace.`);
  return record;
}

/** The nested Y.Map used as a set in `field`, created when absent or damaged. */
export function setField(record: RecordMap, field: string): Y.Map<true> {
  const existing = record.get(field);
  if (existing instanceof Y.Map) return existing as Y.Map<true>;
  const created = new Y.Map<true>();
  record.set(field, created);
  return created;
}

/** Sets a plain field and logs it, only when the value actually changes. Returns whether it did. */
export function setLogged(
  tx: MutationTx, record: RecordMap, kind: RecordKind, id: string, verb: ActivityVerb, field: string, value: unknown,
): boolean {
  const from = record.get(field) ?? null;
  if (from === value) return false;
  if (value === null) record.delete(field);
  else record.set(field, value);
  tx.log(verb, kind, id, { field, from, to: value });
  return true;
}
