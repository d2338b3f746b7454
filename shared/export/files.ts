/**
 * @module Export files, written piece by piece so the server can stream them: CSV (see csv.ts) or
 * JSON (an array of records with the CSV's column names), their names and media types.
 */
import type { Action, Capture } from '../schema/records';
import { ACTION_COLUMNS, boundColumns, CAPTURE_COLUMNS, jsonRecord, type Column, type ExportContext, type ExportFormat, type ExportKind } from './columns';
import { csvLines } from './csv';

export const EXPORT_KINDS: readonly ExportKind[] = ['captures', 'actions'];
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json'];

export const MEDIA_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export type ExportRecord<K extends ExportKind> = K extends 'captures' ? Capture : Action;

const columnsOf = (kind: ExportKind) => (kind === 'captures' ? CAPTURE_COLUMNS : ACTION_COLUMNS) as readonly Column<Capture | Action>[];

/** A JSON array, one record per line. */
export function* jsonArrayLines<T>(columns: readonly Column<T>[], rows: Iterable<T>, ctx: ExportContext): Generator<string> {
  let first = true;
  for (const row of rows) {
    yield `${first ? '[\n' : ',\n'}${JSON.stringify(jsonRecord(columns, row, ctx))}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}

/** The pieces of one export file. */
export function exportLines(kind: ExportKind, format: ExportFormat, rows: Iterable<Capture | Action>, ctx: ExportContext): Generator<string> {
  const columns = columnsOf(kind);
  return format === 'csv' ? csvLines(boundColumns(columns, ctx), rows) : jsonArrayLines(columns, rows, ctx);
}

/** `closeloop-acme-support-captures-2026-11-22.csv`. */
export function exportFilename(workspace: string, kind: ExportKind | 'export', format: ExportFormat, day: string): string {
  const safe = workspace.replace(/[^a-z0-9-]/gi, '-').slice(0, 64) || 'workspace';
  return `closeloop-${safe}-${kind}-${day}.${format}`;
}
