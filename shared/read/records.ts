/** @module Record readers: stored Y.Maps (possibly written by a broken peer) to validated plain records. */
import * as Y from 'yjs';
import {
  ACTION_STATUSES, CAPTURE_STATUSES, CHANNELS, CLOSED_ACTION_STATUSES, DECISION_OUTCOMES, LIMITS, LOOP_STATES, REPLY_CHANNELS, ROLES,
  SCHEMA_VERSION, SCORE_MAX, SCORE_MIN, SENTIMENTS, SOURCE_CHECK_STATES, type ReplyChannel, type SourceCheckState,
} from '../schema/constants';
import {
  ACTIVITY_VERBS, type Action, type ActionComment, type ActivityEntry, type Capture, type CaptureAnchor,
  type CaptureSource, type CustomerLoop, type CustomerReply, type Decision, type Member, type RecordKind, type SourceCheck,
  type WorkspaceMeta,
} from '../schema/records';
import { captureFingerprint } from '../util/fingerprint';
import { isIsoTimestamp } from '../util/dates';
import { RECORD_ID_PATTERN } from '../util/ids';
import { fieldReader, readRecord, type FieldReader } from './fields';
import { describeValue, type ReadReport } from './report';

const EPOCH = new Date(0).toISOString();
const isRecordId = (key: string) => RECORD_ID_PATTERN.test(key);
const isTag = (key: string) => key.length > 0 && key.length <= LIMITS.tag;

export function readCapture(id: string, stored: unknown, report: ReadReport): Capture | null {
  return readRecord('capture', id, stored, report, (f) => {
    const capturedAt = f.timestamp('capturedAt', EPOCH);
    const text = f.requiredText('text', LIMITS.captureText);
    const source = readSource(f, id, report);
    const stored = f.raw('fingerprint');
    return {
      id,
      text,
      fingerprint: typeof stored === 'string' && stored.length <= 64 ? stored : captureFingerprint(text, source.url),
      truncatedFrom: f.optionalInt('truncatedFrom', 0, Number.MAX_SAFE_INTEGER),
      note: f.text('note', LIMITS.note),
      tags: f.idSet('tags', isTag),
      sentiment: f.optionalOneOf('sentiment', SENTIMENTS),
      channel: f.oneOf('channel', CHANNELS, 'other'),
      source,
      anchor: readAnchor(f, id, report),
      capturedBy: f.text('capturedBy', 80),
      capturedAt,
      status: f.oneOf('status', CAPTURE_STATUSES, 'new'),
      archivedReason: f.optionalText('archivedReason', LIMITS.note),
      actionIds: [], // derived from actions' captureIds by the workspace view
      loop: readLoop(f, id, report),
      sourceCheck: readSourceCheck(f, id, report),
      updatedAt: isIsoTimestamp(f.raw('updatedAt')) ? (f.raw('updatedAt') as string) : capturedAt,
    };
  });
}

function readSource(f: FieldReader, id: string, report: ReadReport): CaptureSource {
  const stored = f.optionalObject('source') ?? {};
  const s = fieldReader('capture', id, (field) => stored[field], report);
  const rating = s.raw('rating');
  const ratingMax = s.raw('ratingMax');
  const number = (value: unknown, field: string) => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100) return value;
    f.note(`source.${field}`, `expected a number 0-100, got ${describeValue(value)}`);
    return null;
  };
  const extracted = s.raw('extractedBy');
  const extractedBy: Record<string, string> = {};
  if (extracted && typeof extracted === 'object' && !Array.isArray(extracted)) {
    for (const [key, value] of Object.entries(extracted)) if (typeof value === 'string') extractedBy[key] = value.slice(0, 80);
  }
  return {
    url: s.text('url', LIMITS.url),
    title: s.text('title', 500),
    site: s.text('site', 253),
    platform: s.optionalText('platform', 40),
    author: s.optionalText('author', 200),
    authorUrl: s.optionalText('authorUrl', LIMITS.url),
    rating: number(rating, 'rating'),
    ratingMax: number(ratingMax, 'ratingMax'),
    postedAt: s.optionalText('postedAt', 64),
    permalink: s.optionalText('permalink', LIMITS.url),
    extractedBy,
  };
}

function readAnchor(f: FieldReader, id: string, report: ReadReport): CaptureAnchor | null {
  const stored = f.optionalObject('anchor');
  if (!stored) return null;
  const quote = stored.quote as Record<string, unknown> | undefined;
  if (!quote || typeof quote !== 'object' || typeof quote.exact !== 'string') {
    f.note('anchor', 'anchor without a text quote; dropped');
    return null;
  }
  const q = fieldReader('capture', id, (field) => quote[field], report);
  const position = stored.position as Record<string, unknown> | null | undefined;
  const range = stored.range as Record<string, unknown> | null | undefined;
  const offset = (value: unknown) => typeof value === 'number' && Number.isInteger(value) && value >= 0;
  return {
    quote: { exact: quote.exact, prefix: q.text('prefix', 200), suffix: q.text('suffix', 200) },
    position: position && offset(position.start) && offset(position.end)
      ? { start: position.start as number, end: position.end as number }
      : null,
    range: range && typeof range.startContainer === 'string' && typeof range.endContainer === 'string'
      && offset(range.startOffset) && offset(range.endOffset)
      ? {
          startContainer: range.startContainer, startOffset: range.startOffset as number,
          endContainer: range.endContainer, endOffset: range.endOffset as number,
        }
      : null,
  };
}

function readLoop(f: FieldReader, id: string, report: ReadReport): CustomerLoop {
  const stored = f.optionalObject('loop') ?? {};
  const l = fieldReader('capture', id, (field) => stored[field], report);
  const state = stored.state === undefined ? 'none' : l.oneOf('state', LOOP_STATES, 'none');
  const replyUrl = l.optionalText('replyUrl', LIMITS.url);
  const updatedBy = l.optionalText('updatedBy', 80);
  const updatedAt = l.optionalTimestamp('updatedAt');
  return { state, replyUrl, updatedBy, updatedAt, reply: state === 'replied' ? readReply(stored.reply, { replyUrl, updatedBy, updatedAt }, f) : null };
}

/**
 * The reply of a replied loop. A version-2 peer writes no `reply`: what it did keep (the link, who
 * and when) stands in for it, as the v3 migration writes it.
 */
function readReply(raw: unknown, loop: { replyUrl: string | null; updatedBy: string | null; updatedAt: string | null }, f: FieldReader): CustomerReply {
  const fallback: CustomerReply = { text: '', where: null, url: loop.replyUrl, by: loop.updatedBy, at: loop.updatedAt };
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    f.note('loop.reply', `expected an object, got ${describeValue(raw)}`);
    return fallback;
  }
  const r = raw as Record<string, unknown>;
  const where = r.where === null || r.where === undefined ? null : (REPLY_CHANNELS as readonly unknown[]).includes(r.where) ? (r.where as ReplyChannel) : null;
  if (where === null && r.where !== null && r.where !== undefined) f.note('loop.reply.where', `unknown channel ${describeValue(r.where)}`);
  const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : null);
  return {
    text: text(r.text, LIMITS.replyText) ?? '',
    where,
    url: text(r.url, LIMITS.url) ?? loop.replyUrl,
    by: text(r.by, 80) ?? loop.updatedBy,
    at: isIsoTimestamp(r.at) ? (r.at as string) : loop.updatedAt,
  };
}

function readSourceCheck(f: FieldReader, id: string, report: ReadReport): SourceCheck | null {
  const stored = f.optionalObject('sourceCheck');
  if (!stored) return null;
  const s = fieldReader('capture', id, (field) => stored[field], report);
  const state = (SOURCE_CHECK_STATES as readonly unknown[]).includes(stored.state) ? (stored.state as SourceCheckState) : null;
  if (!state || !isIsoTimestamp(stored.checkedAt)) {
    f.note('sourceCheck', `dropped malformed check ${describeValue(stored)}`);
    return null;
  }
  const rating = stored.rating;
  return {
    state,
    checkedAt: stored.checkedAt as string,
    checkedBy: s.optionalText('checkedBy', 80),
    text: s.optionalText('text', LIMITS.captureText),
    rating: typeof rating === 'number' && Number.isFinite(rating) && rating >= 0 && rating <= 100 ? rating : null,
  };
}

export function readAction(id: string, stored: unknown, report: ReadReport): Action | null {
  return readRecord('action', id, stored, report, (f) => {
    const createdAt = f.timestamp('createdAt', EPOCH);
    const status = f.oneOf('status', ACTION_STATUSES, 'open');
    const updatedAt = isIsoTimestamp(f.raw('updatedAt')) ? (f.raw('updatedAt') as string) : createdAt;
    const closed = CLOSED_ACTION_STATUSES.includes(status);
    return {
      id,
      title: f.requiredText('title', LIMITS.actionTitle),
      description: f.text('description', LIMITS.actionDescription),
      status,
      // Version-1 peers do not write it: fall back to the last change of any kind.
      statusChangedAt: f.raw('statusChangedAt') === undefined ? updatedAt : f.timestamp('statusChangedAt', updatedAt),
      assignee: f.optionalText('assignee', 80),
      dueDate: f.optionalCalendarDate('dueDate'),
      impact: f.optionalInt('impact', SCORE_MIN, SCORE_MAX),
      effort: f.optionalInt('effort', SCORE_MIN, SCORE_MAX),
      captureIds: f.idSet('captureIds', isRecordId),
      createdBy: f.text('createdBy', 80),
      createdAt,
      updatedAt,
      // Both are checked (and reported) whatever the status, but a concurrent reopen and close can
      // leave them on open work, where they mean nothing.
      doneAt: keepIf(status === 'done', f.optionalTimestamp('doneAt')),
      resolution: keepIf(closed, f.optionalText('resolution', LIMITS.resolution)),
      comments: readComments(f, id, report),
      initiativeId: readId(f, 'initiativeId'),
      rankings: readRankings(f),
      decision: readDecision(f),
    };
  });
}

const keepIf = <T>(keep: boolean, value: T | null): T | null => (keep ? value : null);

function readId(f: FieldReader, field: string): string | null {
  const value = f.raw(field);
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && RECORD_ID_PATTERN.test(value)) return value;
  f.note(field, `expected a record id, got ${describeValue(value)}`);
  return null;
}

/** member id -> rank (1 = first); anything that is not a member id with a positive whole rank is dropped. */
function readRankings(f: FieldReader): Record<string, number> {
  const value = f.raw('rankings');
  const out: Record<string, number> = {};
  if (value === undefined) return out;
  if (!(value instanceof Y.Map)) {
    f.note('rankings', `expected a map of ranks, got ${describeValue(value)}`);
    return out;
  }
  for (const [member, rank] of value.entries()) {
    if (RECORD_ID_PATTERN.test(member) && typeof rank === 'number' && Number.isSafeInteger(rank) && rank >= 1) out[member] = rank;
    else f.note('rankings', `dropped invalid rank ${describeValue(member)} -> ${describeValue(rank)}`);
  }
  return out;
}

function readDecision(f: FieldReader): Decision | null {
  const d = f.optionalObject('decision');
  if (!d) return null;
  const outcome = d.outcome;
  if (!(DECISION_OUTCOMES as readonly unknown[]).includes(outcome) || typeof d.by !== 'string' || !isIsoTimestamp(d.at)) {
    f.note('decision', `malformed decision ${describeValue(d)}; dropped`);
    return null;
  }
  return {
    outcome: outcome as Decision['outcome'],
    reason: typeof d.reason === 'string' ? d.reason.slice(0, LIMITS.decisionReason) : null,
    by: d.by.slice(0, 80),
    at: d.at,
    boardId: typeof d.boardId === 'string' && RECORD_ID_PATTERN.test(d.boardId) ? d.boardId : null,
  };
}

function readComments(f: FieldReader, actionId: string, report: ReadReport): ActionComment[] {
  const comments: ActionComment[] = [];
  for (const item of f.list('comments')) {
    const c = item as Record<string, unknown> | null;
    if (c && typeof c === 'object' && typeof c.id === 'string' && typeof c.text === 'string'
      && typeof c.author === 'string' && isIsoTimestamp(c.at)) {
      comments.push({ id: c.id, author: c.author, text: c.text.slice(0, LIMITS.comment), at: c.at });
    } else {
      report.issues.push({ kind: 'action', id: actionId, field: 'comments', problem: `dropped malformed comment ${describeValue(item)}`, outcome: 'defaulted' });
    }
  }
  return comments.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

export function readMember(id: string, stored: unknown, report: ReadReport): Member | null {
  return readRecord('member', id, stored, report, (f) => ({
    id,
    name: f.requiredText('name', LIMITS.memberName),
    color: /^#[0-9a-f]{6}$/i.test(String(f.raw('color'))) ? (f.raw('color') as string) : '#64748b',
    role: f.oneOf('role', ROLES, 'viewer'),
    joinedAt: f.timestamp('joinedAt', EPOCH),
  }));
}

const RECORD_KINDS: readonly RecordKind[] = ['capture', 'action', 'member', 'workspace', 'initiative', 'huddle', 'board'];

export function readActivityEntry(key: string, stored: unknown, report: ReadReport): ActivityEntry | null {
  const e = stored as Record<string, unknown> | null;
  const ok = e && typeof e === 'object' && !Array.isArray(e)
    && e.id === key && isIsoTimestamp(e.at) && typeof e.actor === 'string'
    && (ACTIVITY_VERBS as readonly unknown[]).includes(e.verb)
    && (RECORD_KINDS as readonly unknown[]).includes(e.targetKind) && typeof e.targetId === 'string';
  if (!ok) {
    report.issues.push({ kind: 'activity', id: key, field: null, problem: `malformed entry ${describeValue(stored)}`, outcome: 'skipped' });
    return null;
  }
  return {
    id: e.id as string,
    at: e.at as string,
    actor: e.actor as string,
    verb: e.verb as ActivityEntry['verb'],
    targetKind: e.targetKind as RecordKind,
    targetId: e.targetId as string,
    field: typeof e.field === 'string' ? e.field : null,
    from: e.from ?? null,
    to: e.to ?? null,
  };
}

export function readMeta(get: (field: string) => unknown, report: ReadReport): WorkspaceMeta {
  const f = fieldReader('workspace', 'meta', get, report);
  const version = get('schemaVersion');
  return {
    // A document nobody initialised yet is read as the current version: there is nothing to migrate.
    schemaVersion: version === undefined ? SCHEMA_VERSION : (f.optionalInt('schemaVersion', 0, 1_000_000) ?? SCHEMA_VERSION),
    name: f.text('name', 120),
    createdAt: f.optionalTimestamp('createdAt'),
  };
}
