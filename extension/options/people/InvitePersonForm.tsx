/** @module Inviting one person: their name and role; the server picks their member id. */
import { useState } from 'preact/hooks';
import type { AccessRole } from '../../../shared/invite';

const ROLE_WORDS: Record<AccessRole, string> = {
  editor: 'Editor — captures and edits',
  viewer: 'Viewer — reads only',
  admin: 'Admin — also manages people',
};

export function InvitePersonForm({ busy, onInvite }: { busy: boolean; onInvite(name: string, role: AccessRole): Promise<boolean> }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<AccessRole>('editor');
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await onInvite(name, role)) setName('');
  };
  return (
    <form class="cl-invite-form" onSubmit={submit} aria-labelledby="invite-person-heading">
      <h3 id="invite-person-heading">Invite a person</h3>
      <label for="invite-name">Name</label>
      <input id="invite-name" type="text" maxLength={80} required autoComplete="off" value={name}
        onInput={(e) => setName(e.currentTarget.value)} />
      <label for="invite-role">Role</label>
      <select id="invite-role" value={role} onChange={(e) => setRole(e.currentTarget.value as AccessRole)}>
        {(Object.keys(ROLE_WORDS) as AccessRole[]).map((r) => <option key={r} value={r}>{ROLE_WORDS[r]}</option>)}
      </select>
      <button class="primary" type="submit" disabled={busy || !name.trim()}>Invite</button>
    </form>
  );
}
