/**
 * @module Plain HTTP endpoints: `/healthz` (liveness), `/metrics` (Prometheus text) and `/auth`
 * (token check for the extension: a browser hides the status of a refused websocket upgrade, so
 * this is how it tells "token refused" from "server unreachable").
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TokenCheck } from '../auth/tokens';
import type { Metrics } from '../metrics';
import type { ExportRoute } from './export';
import { isWorkspaceId } from '../../shared/workspace-id';

export interface RoutesOptions {
  metrics: Metrics;
  stats(): { connections: number; documents: number };
  verify(workspace: string, token: string | null): TokenCheck;
  startedAt?: number;
  /** `GET /v1/workspaces/<id>/export` (http/export.ts). */
  exportRoute?: ExportRoute;
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization',
  'Access-Control-Max-Age': '600',
};

export function createRoutes(options: RoutesOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const startedAt = options.startedAt ?? Date.now();
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (options.exportRoute?.matches(url.pathname)) return void options.exportRoute.handle(req, res, url);
    switch (url.pathname) {
      case '/healthz':
        if (method !== 'GET' && method !== 'HEAD') return text(res, 405, 'method not allowed\n');
        return json(res, 200, { status: 'ok', uptime: Math.round((Date.now() - startedAt) / 1000), ...options.stats() });
      case '/metrics':
        if (method !== 'GET' && method !== 'HEAD') return text(res, 405, 'method not allowed\n');
        res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
        return void res.end(options.metrics.render(options.stats()));
      case '/auth':
        return auth(req, res, url, method, options);
      default:
        return text(res, 404, 'not found\n');
    }
  };
}

function auth(req: IncomingMessage, res: ServerResponse, url: URL, method: string, options: RoutesOptions): void {
  if (method === 'OPTIONS') {
    res.writeHead(204, CORS);
    return void res.end();
  }
  if (method !== 'GET') return json(res, 405, { error: 'method_not_allowed' }, CORS);
  const workspace = url.searchParams.get('workspace');
  if (!isWorkspaceId(workspace)) return json(res, 400, { error: 'bad_workspace' }, CORS);
  const header = req.headers.authorization ?? '';
  const token = /^Bearer\s+(\S+)$/i.exec(header.trim())?.[1] ?? null;
  const check = options.verify(workspace, token);
  if (!check.ok) {
    options.metrics.authFailure(check.reason);
    return json(res, 401, { error: check.reason }, CORS);
  }
  return json(res, 200, { workspace, role: check.claims.r }, CORS);
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
}
