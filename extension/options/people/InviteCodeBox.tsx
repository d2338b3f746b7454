/** @module The invite just made: the code to copy and hand to that one person. */
import { useRef, useState } from 'preact/hooks';
import type { InvitedPerson } from '../../messaging/protocol';

export function InviteCodeBox({ invited, onDone }: { invited: InvitedPerson; onDone(): void }) {
  const area = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = async () => {
    area.current?.select();
    try {
      await navigator.clipboard.writeText(invited.code);
      setCopied('Copied.');
    } catch {
      setCopied('Selected: press Ctrl+C (or ⌘C) to copy.');
    }
  };
  const id = `invite-code-${invited.member}`;
  return (
    <div class="cl-invite-code">
      <label for={id}>Invite code for {invited.name}</label>
      <textarea id={id} ref={area} readOnly rows={3} spellcheck={false} value={invited.code} />
      <p class="cl-muted">Give it to {invited.name} only: it lets them in as themselves ({invited.role}).</p>
      <div class="cl-row">
        <button type="button" onClick={() => void copy()}>Copy invite code</button>
        <button type="button" onClick={onDone}>Done</button>
        {copied && <span role="status">{copied}</span>}
      </div>
    </div>
  );
}
