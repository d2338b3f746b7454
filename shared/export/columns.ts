/**
 * @module The columns of an export, one row per record: a public contract for spreadsheets and BI
 * tools (listed in the README). Add columns at the end; never rename or reorder one.
 * Sets are joined with ";", dates are ISO 8601 (UTC) or YYYY-MM-DD, people are given by id and name.
 */
import { quadrantOf } from '../queries/actions';
import type { Action, Capture, Initiative, Member } from '../schema/records';
import type { CsvValue } from './csv';

export interface ExportContext {
  member(id: string): Member | undefined;
  initiative(id: string): Initiative | undefined;
}

export interface Column<T> {
  header: string;
  value(row: T, ctx: ExportContext): CsvValue;
  /** The JSON value when it differs from the CSV one: sets are arrays in JSON. */
  json?(row: T, ctx: ExportContext): unknown;
}

const set = (items: readonly string[]) => items.join(';');
const name = (ctx: ExportContext, id: string | null) => (id ? ctx.member(id)?.name ?? '' : '');

export const CAPTURE_COLUMNS: readonly Column<Capture>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'captured_at', value: (c) => c.capturedAt },
  { header: 'captured_by', value: (c) => c.capturedBy },
  { header: 'captured_by_name', value: (c, ctx) => name(ctx, c.capturedBy) },
  { header: 'status', value: (c) => c.status },
  { header: 'text', value: (c) => c.text },
  { header: 'note', value: (c) => c.note },
  { header: 'tags', value: (c) => set(c.tags), json: (c) => c.tags },
  { header: 'sentiment', value: (c) => c.sentiment },
  { header: 'channel', value: (c) => c.channel },
  { header: 'site', value: (c) => c.source.site },
  { header: 'platform', value: (c) => c.source.platform },
  { header: 'url', value: (c) => c.source.url },
  { header: 'permalink', value: (c) => c.source.permalink },
  { header: 'page_title', value: (c) => c.source.title },
  { header: 'author', value: (c) => c.source.author },
  { header: 'author_url', value: (c) => c.source.authorUrl },
  { header: 'rating', value: (c) => c.source.rating },
  { header: 'rating_max', value: (c) => c.source.ratingMax },
  { header: 'posted_at', value: (c) => c.source.postedAt },
  { header: 'reply_state', value: (c) => c.loop.state },
  { header: 'reply_url', value: (c) => c.loop.replyUrl },
  { header: 'action_ids', value: (c) => set(c.actionIds), json: (c) => c.actionIds },
  { header: 'truncated_from', value: (c) => c.truncatedFrom },
  { header: 'updated_at', value: (c) => c.updatedAt },
];

export const ACTION_COLUMNS: readonly Column<Action>[] = [
  { header: 'id', value: (a) => a.id },
  { header: 'title', value: (a) => a.title },
  { header: 'description', value: (a) => a.description },
  { header: 'status', value: (a) => a.status },
  { header: 'assignee', value: (a) => a.assignee },
  { header: 'assignee_name', value: (a, ctx) => name(ctx, a.assignee) },
  { header: 'due_date', value: (a) => a.dueDate },
  { header: 'impact', value: (a) => a.impact },
  { header: 'effort', value: (a) => a.effort },
  { header: 'quadrant', value: (a) => quadrantOf(a) },
  { header: 'capture_ids', value: (a) => set(a.captureIds), json: (a) => a.captureIds },
  { header: 'capture_count', value: (a) => a.captureIds.length },
  { header: 'initiative_id', value: (a) => a.initiativeId },
  { header: 'initiative_code', value: (a, ctx) => (a.initiativeId ? ctx.initiative(a.initiativeId)?.code ?? '' : '') },
  { header: 'created_by', value: (a) => a.createdBy },
  { header: 'created_by_name', value: (a, ctx) => name(ctx, a.createdBy) },
  { header: 'created_at', value: (a) => a.createdAt },
  { header: 'updated_at', value: (a) => a.updatedAt },
  { header: 'status_changed_at', value: (a) => a.statusChangedAt },
  { header: 'done_at', value: (a) => a.doneAt },
  { header: 'resolution', value: (a) => a.resolution },
  { header: 'decision', value: (a) => a.decision?.outcome ?? null },
  { header: 'decision_reason', value: (a) => a.decision?.reason ?? null },
  { header: 'decided_by', value: (a) => a.decision?.by ?? null },
  { header: 'decided_at', value: (a) => a.decision?.at ?? null },
  { header: 'comment_count', value: (a) => a.comments.length },
];

export type ExportKind = 'captures' | 'actions';
export type ExportFormat = 'csv' | 'json';

/** Columns bound to a context, in the shape csvLines takes. */
export function boundColumns<T>(columns: readonly Column<T>[], ctx: ExportContext): { header: string; value(row: T): CsvValue }[] {
  return columns.map((c) => ({ header: c.header, value: (row: T) => c.value(row, ctx) }));
}

/** One record as a JSON object: the same names as the CSV header, sets as arrays, absent as null. */
export function jsonRecord<T>(columns: readonly Column<T>[], row: T, ctx: ExportContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c.header] = c.json ? c.json(row, ctx) : c.value(row, ctx) ?? null;
  return out;
}
