/**
 * @module The sync server's admin API as the hub calls it (sync-server/http/admin.ts), with the
 * admin's own token: list a workspace's people, invite a person, revoke one, turn shared invites
 * off. Failures come back as AdminApiError with words for people.
 */
import type { AccessRole, Invite } from '../../shared/invite';
import type { InvitedPerson, AccessList } from '../messaging/protocol';

export interface AdminApi {
  list(invite: Invite): Promise<AccessList>;
  invite(invite: Invite, person: { name: string; role: AccessRole }): Promise<InvitedPerson>;
  revoke(invite: Invite, member: string): Promise<void>;
  disableShared(invite: Invite): Promise<void>;
}

export class AdminApiError extends Error {
  override name = 'AdminApiError';
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

export function createAdminApi(fetchImpl: typeof fetch = (...args) => fetch(...args)): AdminApi {
  async function call<T>(invite: Invite, path: string, body?: unknown): Promise<T> {
    const url = `${invite.server.replace(/^ws/, 'http')}/admin/${path}?workspace=${encodeURIComponent(invite.workspace)}`;
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { Authorization: `Bearer ${invite.token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch {
      throw new AdminApiError('The server did not answer; check the connection and try again.', 0);
    }
    const answer = (await response.json().catch(() => ({}))) as { error?: string; message?: string };
    if (response.ok) return answer as T;
    throw new AdminApiError(wordsFor(response.status, answer), response.status);
  }
  return {
    list: (invite) => call<AccessList>(invite, 'people'),
    invite: (invite, person) => call<InvitedPerson>(invite, 'invites', person),
    revoke: async (invite, member) => void (await call(invite, 'revoke', { member })),
    disableShared: async (invite) => void (await call(invite, 'shared-invites', { enabled: false })),
  };
}

function wordsFor(status: number, answer: { error?: string; message?: string }): string {
  if (status === 401) return 'The server refused your invite; you may have been signed out of this workspace.';
  if (status === 403) return 'Only a workspace admin can manage people.';
  if (status === 429) return 'Too many failed attempts from this network; wait a minute.';
  return answer.message ?? `The server answered ${status}.`;
}
