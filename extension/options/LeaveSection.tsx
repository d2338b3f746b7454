/** @module Leaving the workspace; refuses to drop unsent changes unless the person confirms. */

export interface LeaveSectionProps {
  busy: boolean;
  managed: boolean;
  onLeave(): void;
}

export function LeaveSection({ busy, managed, onLeave }: LeaveSectionProps) {
  return (
    <section class="cl-card" aria-labelledby="leave-heading">
      <h2 id="leave-heading">Leave workspace</h2>
      {managed ? (
        <p class="cl-muted">Your administrator set this workspace for you, so it cannot be left here.</p>
      ) : (
        <>
          <p class="cl-muted">Leaving deletes this workspace’s copy on this device. Your team keeps everything on the server.</p>
          <button type="button" class="danger" disabled={busy} onClick={onLeave}>Leave workspace</button>
        </>
      )}
    </section>
  );
}
