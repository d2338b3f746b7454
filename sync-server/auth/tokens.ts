/**
 * @module Access tokens: signed, self-contained, so the server keeps no token table.
 * Form: `v1.<base64url(JSON claims)>.<base64url(HMAC-SHA256(secret, "v1.<claims>"))>`.
 * Revoking a workspace raises its generation; tokens signed for an older generation stop working.
 * A personal token also names its member (`m`) and that member's generation (`mg`), which the
 * people table (people.ts) raises to revoke one person; a token without `m` is a shared invite.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { fromBase64Url, isRole, toBase64Url, type AccessRole } from '../../shared/invite';
import { RECORD_ID_PATTERN } from '../../shared/util/ids';
import { isWorkspaceId } from '../../shared/workspace-id';

export interface TokenClaims {
  /** Workspace id. */
  w: string;
  r: AccessRole;
  /** Member id of a personal invite; absent for a shared invite. */
  m?: string;
  /** The member's generation when the token was issued (people.ts). */
  mg?: number;
  /** Revocation generation of the workspace when the token was issued. */
  g: number;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expiry, seconds since the epoch; absent for tokens that last until revoked. */
  exp?: number;
  /** Random token id, so two invites never share a token. */
  jti: string;
}

export type TokenRefusal = 'missing' | 'malformed' | 'bad_signature' | 'wrong_workspace' | 'revoked' | 'expired';

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: TokenRefusal };

const PREFIX = 'v1.';

export function signToken(
  secret: Uint8Array,
  grant: {
    workspace: string; role: AccessRole; generation: number; expiresInSeconds?: number; nowMs?: number;
    member?: { id: string; generation: number };
  },
): string {
  const iat = Math.floor((grant.nowMs ?? Date.now()) / 1000);
  const claims: TokenClaims = { w: grant.workspace, r: grant.role, g: grant.generation, iat, jti: randomBytes(9).toString('base64url') };
  if (grant.member) Object.assign(claims, { m: grant.member.id, mg: grant.member.generation });
  if (grant.expiresInSeconds !== undefined) claims.exp = iat + grant.expiresInSeconds;
  const body = PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(claims)));
  return `${body}.${mac(secret, body)}`;
}

export function verifyToken(
  secret: Uint8Array,
  token: string | null | undefined,
  expected: { workspace: string; generation: number; nowMs?: number },
): TokenCheck {
  if (!token) return { ok: false, reason: 'missing' };
  if (token.length > 1024 || !token.startsWith(PREFIX)) return { ok: false, reason: 'malformed' };
  const dot = token.lastIndexOf('.');
  if (dot <= PREFIX.length) return { ok: false, reason: 'malformed' };
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const wanted = Buffer.from(mac(secret, body), 'base64url');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return { ok: false, reason: 'bad_signature' };
  let claims: TokenClaims;
  try {
    claims = JSON.parse(new TextDecoder().decode(fromBase64Url(body.slice(PREFIX.length))));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  // Checked even though signed: `null` claims would otherwise throw below instead of refusing.
  if (typeof claims !== 'object' || claims === null) return { ok: false, reason: 'malformed' };
  if (!isWorkspaceId(claims.w) || !isRole(claims.r) || !Number.isInteger(claims.g)) return { ok: false, reason: 'malformed' };
  if (claims.exp !== undefined && typeof claims.exp !== 'number') return { ok: false, reason: 'malformed' };
  if (claims.m !== undefined && (typeof claims.m !== 'string' || !RECORD_ID_PATTERN.test(claims.m) || !Number.isInteger(claims.mg))) {
    return { ok: false, reason: 'malformed' };
  }
  if (claims.w !== expected.workspace) return { ok: false, reason: 'wrong_workspace' };
  const refusal = claimsRefusal(claims, { generation: expected.generation, nowMs: expected.nowMs ?? Date.now() });
  return refusal ? { ok: false, reason: refusal } : { ok: true, claims };
}

/**
 * Whether verified claims still hold at `nowMs` against the workspace's current `generation`:
 * the part of verifyToken that changes over time, so open connections are rechecked with it too.
 */
export function claimsRefusal(claims: TokenClaims, current: { generation: number; nowMs: number }): 'revoked' | 'expired' | null {
  if (claims.g < current.generation) return 'revoked';
  if (claims.exp !== undefined && claims.exp * 1000 <= current.nowMs) return 'expired';
  return null;
}

function mac(secret: Uint8Array, body: string): string {
  return createHmac('sha256', secret).update(body).digest('base64url');
}
