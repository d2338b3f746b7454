/**
 * @module Plain HTTP endpoints: `/healthz` (liveness), `/metrics` (Prometheus text), `/auth`
 * (token check for the extension: a browser hides the status of a refused websocket upgrade, so
 * this is how it tells "token refused" from "server unreachable") and `/admin/*` (admin.ts).
 * Addresses with too many failed authentications get 429 on `/auth` and `/admin/*`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessCheck } from '../auth/access';
import type { Metrics, ServerStats } from '../metrics';
import type { ExportRoute } from './export';
import { isWorkspaceId } from '../../shared/workspace-id';
import { handleAdmin, type AdminActions } from './admin';

export interface RoutesOptions {
  metrics: Metrics;
  stats(): ServerStats;
  verify(workspace: string, token: string | null): AccessCheck;
  /** Whether the address is blocked after repeated auth failures; counts a failure (authFailed). */
  blocked(address: string): boolean;
  authFailed(address: string, reason: string): void;
  admin: AdminActions;
  /** For errors thrown by an admin action (never shown to the caller). */
  onError(error: unknown): void;
  startedAt?: number;
  /** `GET /v1/workspaces/<id>/export` (http/export.ts). */
  exportRoute?: ExportRoute;
}

export const TOO_MANY_FAILURES = 'too many failed attempts from this address; wait a minute';

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
      case '/healthz': {
        if (method !== 'GET' && method !== 'HEAD') return text(res, 405, 'method not allowed\n');
        const { connections, documents } = options.stats(); // the log's health is /metrics' business
        return json(res, 200, { status: 'ok', uptime: Math.round((Date.now() - startedAt) / 1000), connections, documents });
      }
      case '/metrics':
        if (method !== 'GET' && method !== 'HEAD') return text(res, 405, 'method not allowed\n');
        res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8' });
        return void res.end(options.metrics.render(options.stats()));
      case '/auth':
        if (options.blocked(address(req))) return json(res, 429, { error: 'rate_limited', message: TOO_MANY_FAILURES }, CORS);
        return auth(req, res, url, method, options);
      default:
        if (!url.pathname.startsWith('/admin/')) return text(res, 404, 'not found\n');
        if (options.blocked(address(req))) return json(res, 429, { error: 'rate_limited', message: TOO_MANY_FAILURES }, CORS);
        handleAdmin(req, res, url, {
          verify: options.verify,
          refused: (reason) => options.authFailed(address(req), reason),
          actions: options.admin,
        }).catch((error: unknown) => {
          options.onError(error);
          if (!res.headersSent) json(res, 500, { error: 'internal', message: 'The server failed to do this; see its log.' });
          else res.destroy();
        });
    }
  };
}

/** The peer's address (behind a proxy, the proxy's: put the limit on the proxy too, or trust it). */
export function address(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
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
    options.authFailed(address(req), check.reason);
    return json(res, 401, { error: check.reason }, CORS);
  }
  return json(res, 200, { workspace, role: check.claims.r, member: check.claims.m ?? null }, CORS);
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function text(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(body);
}
