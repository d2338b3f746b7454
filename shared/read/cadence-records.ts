/** @module Readers for the schema-2 records: huddles, board meetings, initiatives, workspace settings. */
import {
  BOARD_CADENCES, DEFAULT_BOARD_CADENCE, HORIZONS, INITIATIVE_STATUSES, LIMITS, WORKSPACE_SETTINGS, type NumericSettingName,
} from '../schema/constants';
import type { BoardMeeting, Huddle, HuddleNote, Initiative, WorkspaceSettings } from '../schema/records';
import { isCalendarDate, isIsoTimestamp } from '../util/dates';
import { RECORD_ID_PATTERN } from '../util/ids';
import { fieldReader, readRecord, type FieldReader } from './fields';
import { describeValue, type ReadReport } from './report';

const EPOCH = new Date(0).toISOString();
const isRecordId = (key: string) => RECORD_ID_PATTERN.test(key);

/** Fields every meeting has; a meeting without a valid start is skipped (and reported). */
function readMeeting(f: FieldReader) {
  return {
    startedAt: f.requiredTimestamp('startedAt'),
    startedBy: f.text('startedBy', 80),
    endedAt: f.optionalTimestamp('endedAt'),
    endedBy: f.optionalText('endedBy', 80),
    attendees: f.idSet('attendees', isRecordId),
  };
}

export function readHuddle(id: string, stored: unknown, report: ReadReport): Huddle | null {
  return readRecord('huddle', id, stored, report, (f) => {
    return { id, ...readMeeting(f), notes: readNotes(f, id, report) };
  });
}

function readNotes(f: FieldReader, huddleId: string, report: ReadReport): HuddleNote[] {
  const notes: HuddleNote[] = [];
  for (const item of f.list('notes')) {
    const n = item as Record<string, unknown> | null;
    if (n && typeof n === 'object' && typeof n.id === 'string' && typeof n.text === 'string'
      && typeof n.author === 'string' && isIsoTimestamp(n.at)) {
      notes.push({ id: n.id, author: n.author, text: n.text.slice(0, LIMITS.huddleNote), at: n.at });
    } else {
      report.issues.push({ kind: 'huddle', id: huddleId, field: 'notes', problem: `dropped malformed note ${describeValue(item)}`, outcome: 'defaulted' });
    }
  }
  return notes.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

export function readBoardMeeting(id: string, stored: unknown, report: ReadReport): BoardMeeting | null {
  return readRecord('board', id, stored, report, (f) => {
    return {
      id,
      ...readMeeting(f),
      decisions: f.idSet('decisions', isRecordId),
      nextBoardDate: f.optionalCalendarDate('nextBoardDate'),
    };
  });
}

/** Reads an initiative; `code` is filled in by the workspace view, which sees every initiative. */
export function readInitiative(id: string, stored: unknown, report: ReadReport): Initiative | null {
  return readRecord('initiative', id, stored, report, (f) => {
    const createdAt = f.timestamp('createdAt', EPOCH);
    const amount = (field: string) => {
      const value = f.raw(field);
      if (value === undefined || value === null) return null;
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= LIMITS.amount) return value;
      f.note(field, `expected an amount, got ${describeValue(value)}`);
      return null;
    };
    return {
      id,
      number: f.optionalInt('number', 1, Number.MAX_SAFE_INTEGER) ?? 0,
      code: '',
      title: f.requiredText('title', LIMITS.initiativeTitle),
      objective: f.text('objective', LIMITS.initiativeText),
      definitionOfDone: f.text('definitionOfDone', LIMITS.initiativeText),
      horizon: f.oneOf('horizon', HORIZONS, 'short'),
      costText: f.text('costText', LIMITS.initiativeText),
      costAmount: amount('costAmount'),
      benefitText: f.text('benefitText', LIMITS.initiativeText),
      benefitAmount: amount('benefitAmount'),
      sponsor: f.optionalText('sponsor', 80),
      status: f.oneOf('status', INITIATIVE_STATUSES, 'planned'),
      createdBy: f.text('createdBy', 80),
      createdAt,
      updatedAt: isIsoTimestamp(f.raw('updatedAt')) ? (f.raw('updatedAt') as string) : createdAt,
    };
  });
}

export function readSettings(get: (field: string) => unknown, report: ReadReport): WorkspaceSettings {
  const f = fieldReader('workspace', 'settings', get, report);
  const numeric = (name: NumericSettingName) => {
    const { default: fallback, min, max } = WORKSPACE_SETTINGS[name];
    return f.optionalInt(name, min, max) ?? fallback;
  };
  const next = get('nextBoardDate');
  return {
    escalationMinCaptures: numeric('escalationMinCaptures'),
    escalationWindowDays: numeric('escalationWindowDays'),
    replyTargetDays: numeric('replyTargetDays'),
    boardCadence: get('boardCadence') === undefined ? DEFAULT_BOARD_CADENCE : f.oneOf('boardCadence', BOARD_CADENCES, DEFAULT_BOARD_CADENCE),
    nextBoardDate: isCalendarDate(next) ? next : (next === undefined || next === null ? null : f.optionalCalendarDate('nextBoardDate')),
    redactPersonalData: readFlag(f, get('redactPersonalData')),
  };
}

/** Redaction is on unless the setting is exactly false: a damaged value keeps personal data out. */
function readFlag(f: FieldReader, value: unknown): boolean {
  if (value !== undefined && typeof value !== 'boolean') f.note('redactPersonalData', `expected true or false, got ${describeValue(value)}`);
  return value !== false;
}
