/** @module Typed mutations on captures: add, edit, tag, triage/archive, customer follow-up. */
import * as Y from 'yjs';
import {
  CAPTURE_STATUSES, CHANNELS, LIMITS, SENTIMENTS,
  type CaptureStatus, type Channel, type Sentiment,
} from '../schema/constants';
import { cleanCapture, type NewCapture } from './clean-capture';
import { MutationError, mutate, requireRecord, setField, setLogged, type MutationContext } from './context';
import { cleanText, ids as cleanIds, normalizeTag, oneOf } from './input';

export interface AddCaptureResult {
  /** Id of the new capture, or null when it was refused as a duplicate. */
  id: string | null;
  /** Id of an earlier capture of the same text from the same page, if any. */
  duplicateOf: string | null;
}

export interface AddCaptureOptions {
  /** Store it even when the same text from the same page is already there. */
  allowDuplicate?: boolean;
  /**
   * Finds an existing capture by dedupe key. Without it every capture is scanned, which is fine
   * for one save but quadratic for bulk work; the hub passes its view's index.
   */
  findDuplicate?: (fingerprint: string) => string | null;
}

/**
 * Stores a new capture. The same text from the same page is reported as a duplicate and, unless
 * `allowDuplicate` is set, not stored again.
 */
export function addCapture(ctx: MutationContext, input: NewCapture, options: AddCaptureOptions = {}): AddCaptureResult {
  const clean = cleanCapture(input);
  return mutate(ctx, (tx) => {
    let duplicateOf: string | null = options.findDuplicate ? options.findDuplicate(clean.fingerprint) : null;
    if (!options.findDuplicate) {
      for (const [id, record] of tx.roots.captures) {
        if (record instanceof Y.Map && record.get('fingerprint') === clean.fingerprint) {
          duplicateOf = id;
          break;
        }
      }
    }
    if (duplicateOf && !options.allowDuplicate) return { id: null, duplicateOf };
    const id = tx.newId('cap');
    const record = new Y.Map<unknown>();
    tx.roots.captures.set(id, record);
    const { tags, ...fields } = clean;
    for (const [field, value] of Object.entries(fields)) if (value !== null) record.set(field, value);
    record.set('id', id);
    record.set('status', 'new');
    record.set('capturedBy', tx.actor);
    record.set('capturedAt', tx.at);
    record.set('updatedAt', tx.at);
    record.set('loop', { state: 'none', replyUrl: null, updatedBy: null, updatedAt: null });
    const tagSet = setField(record, 'tags');
    for (const tag of tags) tagSet.set(tag, true);
    tx.log('capture.added', 'capture', id, { to: clean.text.slice(0, 140) });
    return { id, duplicateOf };
  });
}

export interface CapturePatch {
  note?: string;
  sentiment?: Sentiment | null;
  channel?: Channel;
}

export function editCapture(ctx: MutationContext, id: string, patch: CapturePatch): void {
  const changes: [string, unknown][] = [];
  if (patch.note !== undefined) changes.push(['note', cleanText(patch.note, 'The note', LIMITS.note)]);
  if (patch.sentiment !== undefined) {
    changes.push(['sentiment', patch.sentiment === null ? null : oneOf(patch.sentiment, SENTIMENTS, 'Sentiment')]);
  }
  if (patch.channel !== undefined) changes.push(['channel', oneOf(patch.channel, CHANNELS, 'Channel')]);
  mutate(ctx, (tx) => {
    const record = requireRecord(tx.roots.captures, id, 'capture');
    let changed = false;
    for (const [field, value] of changes) changed = setLogged(tx, record, 'capture', id, 'capture.edited', field, value) || changed;
    if (changed) record.set('updatedAt', tx.at);
  });
}

/** Adds and removes tags on one or many captures. Tags are a set: concurrent adds are all kept. */
export function tagCaptures(ctx: MutationContext, captureIds: string[], change: { add?: string[]; remove?: string[] }): void {
  const targets = cleanIds(captureIds, 'Captures');
  const add = [...new Set((change.add ?? []).map(normalizeTag))];
  const remove = [...new Set((change.remove ?? []).map(normalizeTag))];
  mutate(ctx, (tx) => {
    const records = targets.map((id) => requireRecord(tx.roots.captures, id, 'capture'));
    for (const record of records) {
      const tags = record.get('tags');
      const count = tags instanceof Y.Map ? tags.size : 0;
      const fresh = add.filter((tag) => !(tags instanceof Y.Map && tags.has(tag)));
      if (count + fresh.length > LIMITS.tagsPerCapture) {
        throw new MutationError('invalid', `A capture has at most ${LIMITS.tagsPerCapture} tags.`);
      }
    }
    records.forEach((record, i) => {
      const id = targets[i]!;
      const tags = setField(record, 'tags');
      for (const tag of add) {
        if (tags.has(tag)) continue;
        tags.set(tag, true);
        tx.log('capture.tagged', 'capture', id, { field: 'tags', to: tag });
      }
      for (const tag of remove) {
        if (!tags.has(tag)) continue;
        tags.delete(tag);
        tx.log('capture.untagged', 'capture', id, { field: 'tags', from: tag });
      }
      record.set('updatedAt', tx.at);
    });
  });
}

/** Moves captures between new, triaged and archived; archiving may carry a reason. */
export function setCaptureStatus(ctx: MutationContext, captureIds: string[], status: CaptureStatus, reason?: string): void {
  const targets = cleanIds(captureIds, 'Captures');
  const next = oneOf(status, CAPTURE_STATUSES, 'Status');
  const why = next === 'archived' ? cleanText(reason, 'The archive reason', LIMITS.note) || null : null;
  mutate(ctx, (tx) => {
    const records = targets.map((id) => requireRecord(tx.roots.captures, id, 'capture'));
    records.forEach((record, i) => {
      const id = targets[i]!;
      const moved = setLogged(tx, record, 'capture', id, 'capture.status', 'status', next);
      const reasoned = setLogged(tx, record, 'capture', id, 'capture.status', 'archivedReason', why);
      if (moved || reasoned) record.set('updatedAt', tx.at);
    });
  });
}

// The customer follow-up (with the reply itself since schema 3) lives in its own module.
export { setCustomerLoop, type LoopInput } from './customer-loop';
