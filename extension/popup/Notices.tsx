/** @module A refusal from the hub (an alert) or a short confirmation (a polite status). */
export function Notices({ error, notice }: { error: string | null; notice: string | null }) {
  return (
    <>
      {error && <p class="cl-alert pp-alert" role="alert">{error}</p>}
      {notice && <p class="pp-notice" role="status">{notice}</p>}
    </>
  );
}
