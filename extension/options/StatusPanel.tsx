/** @module The connection state in words, with the workspace, who is online and a way to retry. */
import type { HubStatus } from '../messaging/protocol';

const ACCESS_WORDS: Record<string, string> = {
  viewer: 'Read-only',
  editor: 'Can capture and edit',
  admin: 'Admin: can capture, edit and invite people',
  unknown: 'Unknown',
};

export function StatusPanel({ status, onReconnect }: { status: HubStatus; onReconnect: () => void }) {
  const { workspace } = status;
  const retryable = ['offline', 'unreachable', 'connecting'].includes(status.state);
  return (
    <section class="cl-card" aria-labelledby="status-heading">
      <h2 id="status-heading">Connection</h2>
      <p class="cl-row" role="status" aria-live="polite">
        <span class="cl-dot" data-state={status.state} aria-hidden="true" />
        <strong data-testid="connection-state">{status.words}</strong>
      </p>
      {status.problem && <p class="cl-muted">{status.problem}</p>}
      {workspace && (
        <dl class="cl-facts">
          <dt>Workspace</dt>
          <dd>{workspace.name}{workspace.name !== workspace.id && <span class="cl-muted"> ({workspace.id})</span>}</dd>
          <dt>Server</dt>
          <dd><code>{workspace.server}</code></dd>
          <dt>Captures</dt>
          <dd data-testid="capture-count">{status.captureCount}</dd>
          <dt>Your access</dt>
          <dd>{ACCESS_WORDS[status.me?.role ?? 'unknown']}</dd>
          <dt>Last synced</dt>
          <dd>{status.lastSyncedAt ? new Date(status.lastSyncedAt).toLocaleString() : 'Not yet'}</dd>
          <dt>Online now</dt>
          <dd>{status.online.length ? status.online.map((m) => m.name).join(', ') : 'Only you'}</dd>
        </dl>
      )}
      {retryable && <button type="button" onClick={onReconnect}>Reconnect now</button>}
    </section>
  );
}
