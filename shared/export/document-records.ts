/**
 * @module Records of a workspace document for an export, read one at a time as they are written
 * out: only ids, times and the capture -> actions links are held for the whole workspace, never
 * every parsed record, so a large workspace is not held twice while it streams.
 */
import type * as Y from 'yjs';
import { roots } from '../doc/roots';
import { readInitiative } from '../read/cadence-records';
import { assignInitiativeCodes } from '../read/initiative-codes';
import { readAction, readCapture, readMember } from '../read/records';
import { emptyReport } from '../read/report';
import type { Action, Capture, Initiative, Member } from '../schema/records';
import { isIsoTimestamp } from '../util/dates';
import type { ExportContext } from './columns';

/** Members and initiatives (small) read once, for names and codes. */
export function documentExportContext(doc: Y.Doc): ExportContext {
  const r = roots(doc);
  const members = new Map<string, Member>();
  for (const [id, stored] of r.members) {
    const member = readMember(id, stored, emptyReport());
    if (member) members.set(id, member);
  }
  const initiatives: Initiative[] = [];
  for (const [id, stored] of r.initiatives) {
    const initiative = readInitiative(id, stored, emptyReport());
    if (initiative) initiatives.push(initiative);
  }
  const coded = new Map(assignInitiativeCodes(initiatives).map((i) => [i.id, i]));
  return { member: (id) => members.get(id), initiative: (id) => coded.get(id) };
}

/** Ids of a record map, newest first by a timestamp field (then id, as every replica lists them). */
function newestFirst(map: Y.Map<Y.Map<unknown>>, field: string): string[] {
  const keyed: [string, string][] = [];
  for (const [id, record] of map) {
    const at = typeof record?.get === 'function' ? record.get(field) : undefined;
    keyed.push([id, isIsoTimestamp(at) ? at : '']);
  }
  return keyed.sort((a, b) => (a[1] !== b[1] ? (a[1] < b[1] ? 1 : -1) : a[0] < b[0] ? -1 : 1)).map(([id]) => id);
}

/** Every readable capture, newest first, with its actions derived from the actions' evidence. */
export function* documentCaptures(doc: Y.Doc): Generator<Capture> {
  const r = roots(doc);
  const links = new Map<string, string[]>();
  for (const [id, stored] of r.actions) {
    const action = readAction(id, stored, emptyReport());
    for (const captureId of action?.captureIds ?? []) links.set(captureId, [...(links.get(captureId) ?? []), id]);
  }
  for (const id of newestFirst(r.captures, 'capturedAt')) {
    if (!r.captures.has(id)) continue; // removed while the export ran
    const capture = readCapture(id, r.captures.get(id), emptyReport());
    if (!capture) continue;
    capture.actionIds = (links.get(id) ?? []).sort();
    yield capture;
  }
}

/** Every readable action, newest first. */
export function* documentActions(doc: Y.Doc): Generator<Action> {
  const r = roots(doc);
  for (const id of newestFirst(r.actions, 'createdAt')) {
    if (!r.actions.has(id)) continue;
    const action = readAction(id, r.actions.get(id), emptyReport());
    if (action) yield action;
  }
}
