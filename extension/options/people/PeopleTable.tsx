/** @module Everyone in the workspace: name, role, how they joined, last seen, and revoking one. */
import type { PersonAccess } from '../../messaging/protocol';
import { lastSeenWords } from './people-words';

export function PeopleTable({ people, me, busy, onRevoke }: {
  people: PersonAccess[]; me: string; busy: boolean; onRevoke(person: PersonAccess): void;
}) {
  if (people.length === 0) return <p class="cl-muted">Nobody has been invited yet.</p>;
  const now = Date.now();
  return (
    <table class="cl-people">
      <caption class="cl-visually-hidden">People in this workspace</caption>
      <thead>
        <tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Access</th><th scope="col">Last seen</th><th scope="col"><span class="cl-visually-hidden">Actions</span></th></tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id}>
            <th scope="row">{p.name}{p.id === me && <span class="cl-muted"> (you)</span>}</th>
            <td>{p.role}</td>
            <td>{p.status === 'revoked' ? 'Revoked' : p.via === 'shared' ? 'Shared invite' : 'Personal invite'}</td>
            <td>{lastSeenWords(p, now)}</td>
            <td>
              {p.via === 'invite' && p.status === 'active' && p.id !== me && (
                <button type="button" class="danger" disabled={busy} onClick={() => onRevoke(p)}>Revoke {p.name}</button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
