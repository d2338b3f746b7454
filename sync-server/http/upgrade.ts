/**
 * @module Authentication at the websocket upgrade, before any websocket exists: the path names
 * the workspace, the `token` query parameter (a browser cannot set headers on a WebSocket) must
 * be valid for it. Refusals are plain HTTP answers: 400 bad path, 401 bad token, 429 too many failed
 * attempts from the address, 503 full.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AccessCheck, AccessRefusal } from '../auth/access';
import type { TokenClaims } from '../auth/tokens';
import type { Logger } from '../logger';
import { isWorkspaceId } from '../../shared/workspace-id';
import { address, TOO_MANY_FAILURES } from './routes';

export interface UpgradeOptions {
  verify(workspace: string, token: string | null): AccessCheck;
  blocked(address: string): boolean;
  authFailed(address: string, reason: string): void;
  logger: Logger;
  maxConnectionsPerWorkspace: number;
  connectionsOf(workspace: string): number;
  isClosing(): boolean;
  /** Completes the websocket handshake for an authenticated request. */
  accept(req: IncomingMessage, socket: Duplex, head: Buffer, workspace: string, claims: TokenClaims): void;
}

/** The short plain-text body of a 401, one per refusal. */
export const REFUSAL_TEXT: Record<AccessRefusal, string> = {
  missing: 'token missing',
  malformed: 'token malformed',
  bad_signature: 'token invalid (not signed by this server)',
  wrong_workspace: 'token is for another workspace',
  revoked: 'token revoked',
  expired: 'token expired',
  unknown_member: 'member unknown to this workspace',
  member_revoked: 'member revoked',
  shared_off: 'shared invites turned off for this workspace',
};

const STATUS_TEXT: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 429: 'Too Many Requests', 503: 'Service Unavailable' };

export function createUpgradeHandler(o: UpgradeOptions): (req: IncomingMessage, socket: Duplex, head: Buffer) => void {
  return (req, socket, head) => {
    socket.on('error', () => socket.destroy()); // a peer resetting mid-handshake is not our error
    if (o.isClosing()) return refuse(socket, 503, 'server shutting down');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return refuse(socket, 400, 'bad request path');
    }
    const workspace = url.pathname.slice(1);
    if (!isWorkspaceId(workspace)) {
      return refuse(socket, 400, 'bad workspace id: use /<workspace>?token=... with 1-64 of a-z, 0-9, -');
    }
    if (o.blocked(address(req))) return refuse(socket, 429, TOO_MANY_FAILURES);
    const check = o.verify(workspace, url.searchParams.get('token'));
    if (!check.ok) {
      o.authFailed(address(req), check.reason);
      o.logger.warn('upgrade refused', { workspace, reason: check.reason });
      return refuse(socket, 401, REFUSAL_TEXT[check.reason]);
    }
    if (o.connectionsOf(workspace) >= o.maxConnectionsPerWorkspace) {
      o.logger.warn('upgrade refused', { workspace, reason: 'too_many_connections' });
      return refuse(socket, 503, 'too many connections to this workspace');
    }
    o.accept(req, socket, head, workspace, check.claims);
  };
}

function refuse(socket: Duplex, status: number, body: string): void {
  if (!socket.writable) return void socket.destroy();
  const bytes = Buffer.byteLength(body);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\n` +
      `Content-Length: ${bytes}\r\n\r\n${body}`,
  );
  // end() flushes the answer; a peer that never reads must not hold the socket open.
  setTimeout(() => socket.destroy(), 1000).unref();
}
