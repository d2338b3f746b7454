/**
 * @module The popup's header: the workspace, the sync state in words with its coloured dot, who
 * else is online, and the help and options buttons. When not joined or refused it says what to do.
 */
import type { HubStatus } from '../messaging/protocol';
import { HeaderLinks } from './HeaderLinks';
import { OnlineMembers } from './OnlineMembers';

export interface PopupHeaderProps {
  status: HubStatus | undefined;
  onHelp(): void;
  onOptions(): void;
  onDashboard?(): void;
  onExport?(): void;
}

export function PopupHeader({ status, onHelp, onOptions, onDashboard, onExport }: PopupHeaderProps) {
  const state = status?.state ?? 'loading';
  return (
    <header class="pp-header">
      <img class="pp-logo" src="/icon/32.png" alt="" width={24} height={24} />
      <div class="pp-heading">
        <h1 class="pp-workspace">{status?.workspace?.name ?? 'Closeloop'}</h1>
        <p class="pp-sync" role="status" aria-live="polite">
          <span class="cl-dot" data-state={state} aria-hidden="true" />
          <span data-testid="sync-words">{status?.words ?? 'Starting…'}</span>
        </p>
      </div>
      <OnlineMembers online={status?.online ?? []} />
      {onDashboard && <HeaderLinks onDashboard={onDashboard} onExport={onExport} />}
      <button type="button" class="pp-icon-button" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" onClick={onHelp}>
        <span aria-hidden="true">?</span>
      </button>
      <button type="button" class="pp-icon-button" aria-label="Options" title="Options" onClick={onOptions}>
        <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16"><path fill="currentColor" d="M11.3 1.5l.4 2.2a6.6 6.6 0 0 1 1.6.9l2.1-.8 1.3 2.3-1.7 1.5a6.7 6.7 0 0 1 0 1.8l1.7 1.5-1.3 2.3-2.1-.8a6.6 6.6 0 0 1-1.6.9l-.4 2.2H8.7l-.4-2.2a6.6 6.6 0 0 1-1.6-.9l-2.1.8-1.3-2.3L5 10.9a6.7 6.7 0 0 1 0-1.8L3.3 7.6l1.3-2.3 2.1.8a6.6 6.6 0 0 1 1.6-.9l.4-2.2h2.6zM10 7a3 3 0 1 0 0 6 3 3 0 0 0 0-6z" /></svg>
      </button>
    </header>
  );
}

/** What to do when there is no usable workspace: join one, or get a new invite. */
export function SetupNotice({ status, onOptions }: { status: HubStatus; onOptions(): void }) {
  const refused = status.state === 'refused';
  return (
    <div class={refused ? 'pp-banner is-danger' : 'pp-welcome'} role={refused ? 'alert' : undefined}>
      {refused ? (
        <p><strong>The server refused this device’s invite.</strong> {status.problem ?? 'Ask your administrator for a new invite code.'} Everything here is kept until you reconnect.</p>
      ) : (
        <>
          <h2>Join your team’s workspace</h2>
          <p class="cl-muted">Paste the invite code from your administrator in the options page. Then capture feedback on any page and triage it here.</p>
        </>
      )}
      <button type="button" class={refused ? '' : 'primary'} onClick={onOptions}>Open options</button>
    </div>
  );
}
