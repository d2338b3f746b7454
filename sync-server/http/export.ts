/**
 * @module `GET /v1/workspaces/<id>/export?kind=captures|actions&format=csv|json` with
 * `Authorization: Bearer <token>` (a viewer token is enough): the workspace's captures or actions
 * as CSV or JSON, streamed record by record from the loaded document, waiting for the client to
 * read (backpressure) so a large workspace is never built up in memory as one file.
 * 401 for a bad token (revoked people's included), 429 from an address with too many failed
 * attempts, 400 for a bad workspace id, kind or format, 405 for another method.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ExportFormat, ExportKind } from '../../shared/export/columns';
import { documentActions, documentCaptures, documentExportContext } from '../../shared/export/document-records';
import { EXPORT_FORMATS, EXPORT_KINDS, exportFilename, exportLines, MEDIA_TYPES } from '../../shared/export/files';
import { isWorkspaceId } from '../../shared/workspace-id';
import type { AccessCheck } from '../auth/access';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { RoomMember } from '../rooms/room';
import { address, TOO_MANY_FAILURES } from './routes';
import type { Rooms } from '../rooms/rooms';

export interface ExportRouteOptions {
  verify(workspace: string, token: string | null): AccessCheck;
  /** Whether the address is blocked after repeated auth failures (http/routes.ts); a refusal counts one. */
  blocked(address: string): boolean;
  authFailed(address: string, reason: string): void;
  rooms: Pick<Rooms, 'join' | 'leave'>;
  metrics: Metrics;
  logger: Logger;
}

export interface ExportRoute {
  matches(pathname: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
}

const PATH = /^\/v1\/workspaces\/([^/]*)\/export$/;
/** Pieces are sent in writes of about this many bytes. */
const CHUNK_CHARS = 64 * 1024;
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization',
  'Access-Control-Expose-Headers': 'Content-Disposition',
};

export function createExportRoute(o: ExportRouteOptions): ExportRoute {
  return {
    matches: (pathname) => PATH.test(pathname),
    async handle(req, res, url) {
      const method = req.method ?? 'GET';
      if (method === 'OPTIONS') {
        res.writeHead(204, { ...CORS, 'Access-Control-Max-Age': '600' });
        return void res.end();
      }
      if (method !== 'GET' && method !== 'HEAD') return problem(res, 405, 'method_not_allowed', 'Use GET.');
      const workspace = PATH.exec(url.pathname)![1]!;
      if (!isWorkspaceId(workspace)) return problem(res, 400, 'bad_workspace', 'Workspace ids are 1-64 characters of a-z, 0-9 and -.');
      const from = address(req);
      if (o.blocked(from)) return problem(res, 429, 'rate_limited', TOO_MANY_FAILURES);
      const token = /^Bearer\s+(\S+)$/i.exec((req.headers.authorization ?? '').trim())?.[1] ?? null;
      const check = o.verify(workspace, token);
      if (!check.ok) {
        o.authFailed(from, check.reason); // counts it in the metrics too
        return problem(res, 401, check.reason, 'Send a valid token for this workspace: Authorization: Bearer <token>.');
      }
      const kind = url.searchParams.get('kind');
      const format = url.searchParams.get('format') ?? 'csv';
      if (!(EXPORT_KINDS as readonly string[]).includes(kind ?? '')) return problem(res, 400, 'bad_kind', 'kind must be captures or actions.');
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) return problem(res, 400, 'bad_format', 'format must be csv or json.');
      await stream(req, res, workspace, kind as ExportKind, format as ExportFormat, o);
    },
  };
}

async function stream(req: IncomingMessage, res: ServerResponse, workspace: string, kind: ExportKind, format: ExportFormat, o: ExportRouteOptions) {
  let aborted = false;
  const member: RoomMember = { send() {}, close: () => { aborted = true; res.destroy(); } };
  res.on('close', () => { aborted = true; });
  let room: Awaited<ReturnType<Rooms['join']>>;
  try {
    room = await o.rooms.join(workspace, member);
  } catch (error) {
    o.logger.error('export could not load the workspace', { workspace, error });
    return problem(res, 503, 'unavailable', 'The workspace could not be loaded; try again.');
  }
  try {
    const day = new Date().toISOString().slice(0, 10);
    res.writeHead(200, {
      ...CORS,
      'Content-Type': MEDIA_TYPES[format],
      'Content-Disposition': `attachment; filename="${exportFilename(workspace, kind, format, day)}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    const records = kind === 'captures' ? documentCaptures(room.doc) : documentActions(room.doc);
    let buffer = '';
    for (const piece of exportLines(kind, format, records, documentExportContext(room.doc))) {
      if (aborted) return;
      buffer += piece;
      if (buffer.length < CHUNK_CHARS) continue;
      const flushed = res.write(buffer);
      buffer = '';
      if (!flushed) await drained(res);
    }
    if (!aborted) res.end(buffer);
  } catch (error) {
    o.logger.error('export failed', { workspace, kind, error });
    res.destroy();
  } finally {
    o.rooms.leave(room, member);
  }
}

/** Resolves when the client read what is buffered, or went away. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

function problem(res: ServerResponse, status: number, error: string, message: string): void {
  res.writeHead(status, { ...CORS, 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ error, message }));
}
