/**
 * @module Initiatives: the project batches of a CX program. Each has a code (CX-1, CX-2, ...)
 * given in order, an objective, a definition of done, a horizon, a business case and a sponsor.
 * Actions point at their initiative (`action.initiativeId`), so progress is derived, never stored.
 */
import * as Y from 'yjs';
import { HORIZONS, INITIATIVE_STATUSES, LIMITS, type Horizon, type InitiativeStatus } from '../schema/constants';
import { requireMember } from './actions';
import { MutationError, mutate, requireRecord, setLogged, type MutationContext } from './context';
import { cleanText, oneOf } from './input';

export interface InitiativeFields {
  title: string;
  objective?: string;
  definitionOfDone?: string;
  horizon?: Horizon;
  costText?: string;
  costAmount?: number | null;
  benefitText?: string;
  benefitAmount?: number | null;
  sponsor?: string | null;
  status?: InitiativeStatus;
}

/** Creates an initiative numbered one past the highest this replica knows; returns its id. */
export function createInitiative(ctx: MutationContext, input: InitiativeFields): string {
  const fields = cleanFields(input, true);
  return mutate(ctx, (tx) => {
    if (typeof fields.sponsor === 'string') requireMember(tx, fields.sponsor);
    // The highest code shown, not stored: readers show offline duplicates after the highest
    // stored number (shared/read/initiative-codes.ts), so a new one must come after those too.
    let highest = 0;
    const seen = new Set<number>();
    let duplicates = 0;
    for (const record of tx.roots.initiatives.values()) {
      if (!(record instanceof Y.Map)) continue;
      const n = record.get('number');
      if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || seen.has(n)) duplicates++;
      else {
        seen.add(n);
        highest = Math.max(highest, n);
      }
    }
    highest += duplicates;
    const id = tx.newId('ini');
    const record = new Y.Map<unknown>();
    tx.roots.initiatives.set(id, record);
    const stored = { horizon: 'short', status: 'planned', ...fields, id, number: highest + 1, createdBy: tx.actor, createdAt: tx.at, updatedAt: tx.at };
    for (const [field, value] of Object.entries(stored)) if (value !== null && value !== undefined) record.set(field, value);
    tx.log('initiative.created', 'initiative', id, { field: 'title', to: stored.title });
    return id;
  });
}

export function editInitiative(ctx: MutationContext, id: string, patch: Partial<InitiativeFields>): void {
  const fields = cleanFields(patch, false);
  mutate(ctx, (tx) => {
    const record = requireRecord(tx.roots.initiatives, id, 'initiative');
    if (typeof fields.sponsor === 'string') requireMember(tx, fields.sponsor);
    let changed = false;
    for (const [field, value] of Object.entries(fields)) {
      if (value === undefined) continue;
      changed = setLogged(tx, record, 'initiative', id, 'initiative.edited', field, value) || changed;
    }
    if (changed) record.set('updatedAt', tx.at);
  });
}

function cleanFields(input: Partial<InitiativeFields>, creating: boolean): Partial<Record<keyof InitiativeFields, unknown>> {
  if (!input || typeof input !== 'object') throw new MutationError('invalid', 'An initiative needs at least a title.');
  const out: Partial<Record<keyof InitiativeFields, unknown>> = {};
  const text = (field: keyof InitiativeFields, what: string, max: number, required = false) => {
    if (input[field] !== undefined || (creating && required)) out[field] = cleanText(input[field], what, max, { required });
  };
  text('title', 'The title', LIMITS.initiativeTitle, true);
  text('objective', 'The objective', LIMITS.initiativeText);
  text('definitionOfDone', 'The definition of done', LIMITS.initiativeText);
  text('costText', 'The cost', LIMITS.initiativeText);
  text('benefitText', 'The expected benefit', LIMITS.initiativeText);
  for (const [field, what] of [['costAmount', 'The cost amount'], ['benefitAmount', 'The benefit amount']] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (value !== null && (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > LIMITS.amount)) {
      throw new MutationError('invalid', `${what} must be a number from 0 to ${LIMITS.amount.toLocaleString('en')}.`);
    }
    out[field] = value;
  }
  if (input.horizon !== undefined) out.horizon = oneOf(input.horizon, HORIZONS, 'Horizon');
  if (input.status !== undefined) out.status = oneOf(input.status, INITIATIVE_STATUSES, 'Status');
  if (input.sponsor !== undefined) out.sponsor = input.sponsor === null || input.sponsor === '' ? null : String(input.sponsor);
  return out;
}
