/**
 * @module Why this person cannot save here, and what to do: not joined yet (a way to the options page,
 * keeping the draft open for when they come back) or a read-only invite.
 */
import type { Access } from '../capture-model';
import type { TrustCheck } from '../trust';

export interface AccessNoticeProps {
  access: Access;
  isTrusted: TrustCheck;
  onOpenOptions(): void;
}

export function AccessNotice({ access, isTrusted, onOpenOptions }: AccessNoticeProps) {
  if (access === 'not_joined') {
    return (
      <div class="cl-notice cl-notice-warn" role="status">
        <p>You have not joined a Closeloop workspace on this browser yet, so captures cannot be saved.
          Join with your invite code, then come back: this dialog keeps your draft.</p>
        <button type="button" onClick={(e) => { if (isTrusted(e)) onOpenOptions(); }}>Open Closeloop options</button>
      </div>
    );
  }
  if (access === 'read_only') {
    return (
      <p class="cl-notice cl-notice-warn" role="status">
        Your invite is read-only: you can see the workspace but not add captures. Ask a teammate for an editor invite.
      </p>
    );
  }
  return null;
}
