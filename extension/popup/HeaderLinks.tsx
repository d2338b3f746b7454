/** @module The popup header's way out to the dashboard, and to exporting what the lists show. */
export function HeaderLinks({ onDashboard, onExport }: { onDashboard(): void; onExport?(): void }) {
  return (
    <>
      <button type="button" class="pp-icon-button" aria-label="Dashboard" title="Dashboard (opens a tab)" onClick={onDashboard}>
        <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16"><path fill="currentColor" d="M3 17h14v-2H3v2zm1-4h3V7H4v6zm5 0h3V3H9v10zm5 0h3V9h-3v4z" /></svg>
      </button>
      {onExport && (
        <button type="button" class="pp-icon-button" aria-label="Export" title="Export what the lists show" onClick={onExport}>
          <svg aria-hidden="true" viewBox="0 0 20 20" width="16" height="16"><path fill="currentColor" d="M9 2h2v8.6l2.3-2.3 1.4 1.4L10 14.4 5.3 9.7l1.4-1.4L9 10.6V2zM3 15h2v2h10v-2h2v4H3v-4z" /></svg>
        </button>
      )}
    </>
  );
}
