/**
 * @module The admin HTTP API, for a workspace's admins (a personal invite with role admin):
 * `GET /admin/people` lists its people, `POST /admin/invites` issues a personal invite,
 * `POST /admin/revoke` revokes one person, `POST /admin/shared-invites` turns shared invites off.
 * The workspace is the `workspace` query parameter, the admin's token the `Authorization: Bearer`
 * header; bodies are JSON. Answers are JSON: `{error, message}` on refusal (401 bad token, 403 not
 * an admin, 400 bad input, 404 no such person, 413 body too large, 429 too many failures).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isRole } from '../../shared/invite';
import { isWorkspaceId } from '../../shared/workspace-id';
import type { AccessCheck } from '../auth/access';
import { PeopleError } from '../auth/people';
import type { TokenClaims } from '../auth/tokens';

/** What the API needs from the server; the server implements it (server.ts). */
export interface AdminActions {
  list(workspace: string): Promise<AdminPeopleList>;
  invite(workspace: string, by: string, request: { name: string; role: TokenClaims['r']; expiresInDays: number | null }): AdminInvite;
  revoke(workspace: string, by: string, member: string): AdminPerson;
  disableShared(workspace: string, by: string): { sharedInvites: false; members: number };
}

export interface AdminPerson {
  id: string;
  name: string;
  role: TokenClaims['r'];
  /** `invite`: a personal invite; `shared`: joined with a shared invite. */
  via: 'invite' | 'shared';
  status: 'active' | 'revoked';
  online: boolean;
  lastSeenAt: string | null;
  invitedAt: string | null;
  revokedAt: string | null;
}
export interface AdminPeopleList {
  workspace: string;
  sharedInvites: { enabled: boolean; members: number };
  people: AdminPerson[];
}
export interface AdminInvite { member: string; name: string; role: TokenClaims['r']; code: string }

export const ADMIN_CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600',
};
const MAX_BODY_BYTES = 16 * 1024;
const MAX_EXPIRY_DAYS = 3650;

type Reply = (status: number, body: unknown) => void;

export async function handleAdmin(
  req: IncomingMessage, res: ServerResponse, url: URL,
  o: { verify(workspace: string, token: string | null): AccessCheck; refused(reason: string): void; actions: AdminActions },
): Promise<void> {
  const reply: Reply = (status, body) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...ADMIN_CORS });
    res.end(JSON.stringify(body));
  };
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') {
    res.writeHead(204, ADMIN_CORS);
    return void res.end();
  }
  const route = ROUTES[url.pathname];
  if (!route) return reply(404, { error: 'not_found', message: `No admin endpoint ${url.pathname}.` });
  if (method !== route.method) return reply(405, { error: 'method_not_allowed', message: `Use ${route.method}.` });
  const workspace = url.searchParams.get('workspace');
  if (!isWorkspaceId(workspace)) return reply(400, { error: 'bad_workspace', message: 'Give ?workspace=<id>.' });
  const token = /^Bearer\s+(\S+)$/i.exec((req.headers.authorization ?? '').trim())?.[1] ?? null;
  const check = o.verify(workspace, token);
  if (!check.ok) {
    o.refused(check.reason);
    return reply(401, { error: check.reason, message: 'The token was refused.' });
  }
  if (check.claims.r !== 'admin' || !check.claims.m) {
    return reply(403, { error: 'forbidden', message: 'Only a workspace admin (a personal invite with role admin) may do this.' });
  }
  let body: Record<string, unknown> = {};
  if (route.method === 'POST') {
    const read = await readJson(req);
    if (read === 'too_large') return reply(413, { error: 'too_large', message: `A request body has at most ${MAX_BODY_BYTES} bytes.` });
    if (read === null) return reply(400, { error: 'invalid', message: 'The body must be a JSON object.' });
    body = read;
  }
  try {
    const [status, result] = await route.run(o.actions, workspace, check.claims.m, body);
    reply(status, result);
  } catch (error) {
    if (error instanceof PeopleError || error instanceof BadInput) {
      const missing = /^Nobody with/.test(error.message);
      return reply(missing ? 404 : 400, { error: missing ? 'not_found' : 'invalid', message: error.message });
    }
    throw error;
  }
}

class BadInput extends Error {}

type Route = { method: 'GET' | 'POST'; run(a: AdminActions, ws: string, by: string, body: Record<string, unknown>): [number, unknown] | Promise<[number, unknown]> };

const ROUTES: Record<string, Route> = {
  '/admin/people': { method: 'GET', run: async (a, ws) => [200, await a.list(ws)] },
  '/admin/invites': {
    method: 'POST',
    run(a, ws, by, body) {
      if (typeof body.name !== 'string') throw new BadInput('Give the person’s "name".');
      const role = body.role ?? 'editor';
      if (!isRole(role)) throw new BadInput('"role" is editor, viewer or admin.');
      const days = body.expiresInDays ?? null;
      if (days !== null && (typeof days !== 'number' || !(days > 0 && days <= MAX_EXPIRY_DAYS))) {
        throw new BadInput(`"expiresInDays" is a number of days from 1 to ${MAX_EXPIRY_DAYS}, or null.`);
      }
      return [201, a.invite(ws, by, { name: body.name, role, expiresInDays: days })];
    },
  },
  '/admin/revoke': {
    method: 'POST',
    run(a, ws, by, body) {
      if (typeof body.member !== 'string' || body.member === '') throw new BadInput('Give the "member" id (or exact name) to revoke.');
      if (body.member === by) throw new BadInput('You cannot revoke yourself; ask another admin.');
      return [200, a.revoke(ws, by, body.member)];
    },
  },
  '/admin/shared-invites': {
    method: 'POST',
    run(a, ws, by, body) {
      if (body.enabled !== false) throw new BadInput('Shared invites can only be turned off: send {"enabled": false}.');
      return [200, a.disableShared(ws, by)];
    },
  },
};

function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null | 'too_large'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk); // past it, read on (and drop) to answer 413
    });
    req.on('error', () => resolve(null));
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return resolve('too_large');
      try {
        const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
        resolve(value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);
      } catch {
        resolve(null);
      }
    });
  });
}
