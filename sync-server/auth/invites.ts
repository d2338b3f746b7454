/**
 * @module Issuing invite codes: signs a token for the workspace's current generation with the
 * data folder's secret and wraps it with the server URL (shared/invite.ts encodeInvite).
 */
import { encodeInvite } from '../../shared/invite';
import type { Role } from '../../shared/schema/constants';
import { assertWorkspaceId } from '../../shared/workspace-id';
import { watchRevocations } from './revocations';
import { loadOrCreateSecret } from './secret';
import { signToken } from './tokens';

export interface InviteRequest {
  dataDir: string;
  /** Websocket URL the invite points at (PUBLIC_URL). */
  server: string;
  workspace: string;
  role: Role;
  expiresInSeconds?: number;
}

export function issueInvite(request: InviteRequest): { code: string; token: string; generation: number } {
  const workspace = assertWorkspaceId(request.workspace);
  const revocations = watchRevocations(request.dataDir);
  const generation = revocations.generation(workspace);
  // Fail closed like the server does: a token for an unreadable table could never be checked.
  const problem = revocations.problem();
  if (problem) throw new Error(`${problem}; fix or remove the file before issuing invites.`);
  const secret = loadOrCreateSecret(request.dataDir);
  const token = signToken(secret, { workspace, role: request.role, generation, expiresInSeconds: request.expiresInSeconds });
  return { code: encodeInvite({ server: request.server, workspace, token }), token, generation };
}
