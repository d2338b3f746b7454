/** @module Joining a workspace with an invite code (also used to switch to another one). */
import { useState } from 'preact/hooks';
import { decodeInvite } from '../../shared/invite';

/** The name a personal invite carries, if the pasted text is one. */
function invitedName(code: string): string | null {
  try {
    return decodeInvite(code).name ?? null;
  } catch {
    return null;
  }
}

export interface JoinFormProps {
  switching: boolean;
  defaultName: string;
  busy: boolean;
  onJoin(inviteCode: string, name: string): Promise<boolean>;
}

export function JoinForm({ switching, defaultName, busy, onJoin }: JoinFormProps) {
  const [invite, setInvite] = useState('');
  const [name, setName] = useState(defaultName);
  const [nameTouched, setNameTouched] = useState(false);
  const pasted = (code: string) => {
    setInvite(code);
    // A personal invite names its person: offer that name, unless they typed their own.
    const given = invitedName(code);
    if (given && !nameTouched) setName(given);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    if (await onJoin(invite, name)) setInvite('');
  };
  const form = (
    <>
      <p class="cl-muted">
        Paste the invite code your administrator gave you (they create it with <code>npm run invite</code>).
      </p>
      <form onSubmit={submit}>
        <label for="invite-code">Invite code</label>
        <textarea id="invite-code" rows={3} spellcheck={false} autoComplete="off" required
          value={invite} onInput={(e) => pasted(e.currentTarget.value)} />
        {!switching && (
          <>
            <label for="member-name">Your name</label>
            <input id="member-name" type="text" autoComplete="name" maxLength={80} required
              value={name} onInput={(e) => { setNameTouched(true); setName(e.currentTarget.value); }} />
            <p class="cl-muted">Your team sees this name next to what you capture and own.</p>
          </>
        )}
        <button class="primary" type="submit" disabled={busy || !invite.trim() || !name.trim()}>
          {busy ? 'Connecting…' : switching ? 'Switch' : 'Connect'}
        </button>
      </form>
    </>
  );
  // Once joined, switching is rare: keep it folded away under a disclosure.
  return switching ? (
    <details class="cl-card">
      <summary><h2 class="cl-inline-heading">Switch to another workspace</h2></summary>
      {form}
    </details>
  ) : (
    <section class="cl-card" aria-labelledby="join-heading">
      <h2 id="join-heading">Join your team’s workspace</h2>
      {form}
    </section>
  );
}
