/**
 * @module The export command: exactly what a list or the dashboard shows, as CSV or JSON files the
 * page saves through the browser's downloads. Reading is enough, so viewers may export too.
 */
import { actionsInView, capturesInView } from '../../../shared/dashboard/selection';
import { rangeFor } from '../../../shared/dashboard/views';
import type { ExportContext, ExportFormat, ExportKind } from '../../../shared/export/columns';
import { EXPORT_FORMATS, EXPORT_KINDS, exportFilename, exportLines, MEDIA_TYPES } from '../../../shared/export/files';
import { queryActions } from '../../../shared/queries/actions';
import { queryInbox } from '../../../shared/queries/inbox';
import type { Action, Capture } from '../../../shared/schema/records';
import type { CommandArgs, CommandResult, ExportFile } from '../../messaging/protocol';
import { refuse } from '../errors';
import type { HubState } from '../hub-state';
import { cleanFilter, cleanPeriod, viewEnv } from '../queries/dashboard-env';
import { objectArgs } from '../queries/env';

/** Characters of one export the hub hands a page (a message between extension contexts is capped at 64 MiB). */
export const MAX_EXPORT_CHARS = 48 * 1024 * 1024;
const ALL = { offset: 0, limit: Number.MAX_SAFE_INTEGER };

export function exportFiles(args: CommandArgs<'export'>, state: HubState, now: number): CommandResult<'export'> {
  const kinds = Array.isArray(args.kinds) ? [...new Set(args.kinds)] : [];
  if (kinds.length === 0 || !kinds.every((k) => EXPORT_KINDS.includes(k))) throw refuse('invalid', 'Export captures, actions or both.');
  if (!EXPORT_FORMATS.includes(args.format)) throw refuse('invalid', 'Export as CSV or JSON.');
  const env = viewEnv(state, now);
  const { view } = env;
  const scope = objectArgs(args.scope) as CommandArgs<'export'>['scope'];
  let records: { captures: Capture[]; actions: Action[] };
  if (scope.from === 'dashboard') {
    const filter = cleanFilter(scope.filter);
    const range = rangeFor(env, cleanPeriod(scope.period), filter);
    records = {
      captures: capturesInView(view.captures(), filter, range),
      actions: actionsInView(view.actions(), filter, range, (id) => view.capture(id)),
    };
  } else if (scope.from === 'lists') {
    records = {
      captures: queryInbox(view.captures(), objectArgs(scope.inbox), ALL).items,
      actions: queryActions(view.actions(), objectArgs(scope.actions), ALL).items,
    };
  } else throw refuse('invalid', 'Say what to export: the lists or the dashboard.');
  const ctx: ExportContext = { member: (id) => view.member(id), initiative: (id) => view.initiative(id) };
  const workspace = state.replica!.invite.workspace;
  const day = new Date(now).toISOString().slice(0, 10);
  const files: ExportFile[] = args.format === 'json' && kinds.length === 2
    ? [bothAsJson(records, ctx, exportFilename(workspace, 'export', 'json', day))]
    : kinds.map((kind) => ({
        filename: exportFilename(workspace, kind, args.format, day),
        mime: MEDIA_TYPES[args.format],
        text: [...exportLines(kind, args.format, records[kind], ctx)].join(''),
        rows: records[kind].length,
      }));
  const size = files.reduce((n, f) => n + f.text.length, 0);
  if (size > MAX_EXPORT_CHARS) {
    throw refuse('invalid', `This export is too large to save from the extension (${Math.round(size / 1e6)} MB). Narrow the filter, or use the server's export endpoint.`);
  }
  return { files };
}

function bothAsJson(records: { captures: Capture[]; actions: Action[] }, ctx: ExportContext, filename: string): ExportFile {
  const part = (kind: ExportKind) => [...exportLines(kind, 'json', records[kind], ctx)].join('').trimEnd();
  return {
    filename,
    mime: MEDIA_TYPES.json,
    text: `{"captures": ${part('captures')},\n"actions": ${part('actions')}}\n`,
    rows: records.captures.length + records.actions.length,
  };
}

