/** @module Shared invites (codes from before personal invites): still on or off, and turning them off. */
import type { AccessList } from '../../messaging/protocol';

export function SharedInvitesPanel({ shared, busy, onTurnOff }: { shared: AccessList['sharedInvites']; busy: boolean; onTurnOff(): void }) {
  const who = `${shared.members} ${shared.members === 1 ? 'person' : 'people'}`;
  return (
    <div class="cl-shared-invites">
      <h3>Shared invites</h3>
      {shared.enabled ? (
        <>
          <p class="cl-muted">
            Codes issued before personal invites still work ({who} joined with one). Anyone holding such a code can join
            under any name; turn them off once everyone has a personal invite.
          </p>
          <button type="button" class="danger" disabled={busy} onClick={onTurnOff}>Turn off shared invites</button>
        </>
      ) : (
        <p class="cl-muted">Off: only personal invites work in this workspace.</p>
      )}
    </div>
  );
}
