/** @module Invite codes: what an administrator hands a team member to join a workspace. */
import { isWorkspaceId } from './workspace-id';
import { LIMITS, type Role } from './schema/constants';
import { RECORD_ID_PATTERN } from './util/ids';

/**
 * What a token lets its holder do. `admin` is an editor who also manages the workspace's people
 * (the server's admin API); in the document an admin is recorded as an editor (member roles are
 * part of the schema, access roles are the server's).
 */
export const ACCESS_ROLES = ['editor', 'viewer', 'admin'] as const;
export type AccessRole = (typeof ACCESS_ROLES)[number];

/** The role written into the member's record in the document for a token's access role. */
export function documentRole(access: AccessRole): Role {
  return access === 'viewer' ? 'viewer' : 'editor';
}

/** Whether the role may change the document (editors and admins). */
export function canWrite(role: AccessRole | null | undefined): boolean {
  return role === 'editor' || role === 'admin';
}

/** The decoded form of an invite code. */
export interface Invite {
  /** Websocket base URL of the sync server, e.g. `ws://127.0.0.1:1234`. */
  server: string;
  workspace: string;
  token: string;
  /**
   * A personal invite's member id, chosen by the server; the extension joins as this member.
   * Absent in a shared invite (codes issued before personal invites): the installation's own id.
   */
  member?: string;
  /** The name the administrator gave the person; the person may change it. */
  name?: string;
}

/** Thrown for an invite code that cannot be used; `message` is meant for the person who pasted it. */
export class InviteError extends Error {
  override name = 'InviteError';
}

const MAX_INVITE_CHARS = 4096;

/** base64url(JSON) of the invite; the format `npm run invite` prints. */
export function encodeInvite(invite: Invite): string {
  return toBase64Url(new TextEncoder().encode(JSON.stringify(invite)));
}

/** Decodes and checks an invite code; surrounding whitespace and quotes are forgiven. */
export function decodeInvite(code: string): Invite {
  const trimmed = code.trim().replace(/^["'`]+|["'`]+$/g, '');
  if (trimmed === '') throw new InviteError('The invite code is empty.');
  if (trimmed.length > MAX_INVITE_CHARS) throw new InviteError('The invite code is too long to be an invite.');
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(trimmed)) {
    throw new InviteError('The invite code has characters an invite never contains; copy it again, whole.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(trimmed)));
  } catch {
    throw new InviteError('The invite code is damaged or cut short; copy it again, whole.');
  }
  if (typeof parsed !== 'object' || parsed === null) throw new InviteError('The invite code does not hold an invite.');
  const { server, workspace, token, member, name } = parsed as Record<string, unknown>;
  if (typeof server !== 'string' || !isWebsocketUrl(server)) {
    throw new InviteError('The invite names no usable server address (expected ws:// or wss://).');
  }
  if (!isWorkspaceId(workspace)) throw new InviteError('The invite names no valid workspace.');
  if (typeof token !== 'string' || token.length === 0) throw new InviteError('The invite carries no access token.');
  const invite: Invite = { server: server.replace(/\/+$/, ''), workspace, token };
  if (member !== undefined) {
    if (typeof member !== 'string' || !RECORD_ID_PATTERN.test(member)) throw new InviteError('The invite names no valid member.');
    invite.member = member;
  }
  if (typeof name === 'string' && name.trim() !== '') invite.name = name.trim().slice(0, LIMITS.memberName);
  return invite;
}

/** Whether `value` is an access role (editor, viewer, admin). */
export function isRole(value: unknown): value is AccessRole {
  return typeof value === 'string' && (ACCESS_ROLES as readonly string[]).includes(value);
}

function isWebsocketUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.search === '' && url.hash === '';
  } catch {
    return false;
  }
}

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/**
 * The role a token grants, read without verifying it: for showing "read-only" and refusing
 * writes locally before the server would drop them. The server alone enforces roles.
 */
export function peekTokenRole(token: string): AccessRole | null {
  const claims = token.split('.')[1];
  if (!claims) return null;
  try {
    const role = (JSON.parse(new TextDecoder().decode(fromBase64Url(claims))) as { r?: unknown }).r;
    return isRole(role) ? role : null;
  } catch {
    return null;
  }
}
