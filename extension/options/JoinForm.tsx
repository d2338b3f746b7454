/** @module Joining a workspace with an invite code (also used to switch to another one). */
import { useState } from 'preact/hooks';

export interface JoinFormProps {
  switching: boolean;
  defaultName: string;
  busy: boolean;
  onJoin(inviteCode: string, name: string): Promise<boolean>;
}

export function JoinForm({ switching, defaultName, busy, onJoin }: JoinFormProps) {
  const [invite, setInvite] = useState('');
  const [name, setName] = useState(defaultName);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await onJoin(invite, name)) setInvite('');
  };
  return (
    <section class="cl-card" aria-labelledby="join-heading">
      <h2 id="join-heading">{switching ? 'Switch workspace' : 'Join your team’s workspace'}</h2>
      <p class="cl-muted">
        Paste the invite code your administrator gave you (they create it with <code>npm run invite</code>).
      </p>
      <form onSubmit={submit}>
        <label for="invite-code">Invite code</label>
        <textarea id="invite-code" rows={3} spellcheck={false} autoComplete="off" required
          value={invite} onInput={(e) => setInvite(e.currentTarget.value)} />
        <label for="member-name">Your name</label>
        <input id="member-name" type="text" autoComplete="name" maxLength={80} required
          value={name} onInput={(e) => setName(e.currentTarget.value)} />
        <p class="cl-muted">Your team sees this name next to what you capture and own.</p>
        <button class="primary" type="submit" disabled={busy || !invite.trim() || !name.trim()}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
      </form>
    </section>
  );
}
