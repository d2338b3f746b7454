/** @module The warning that this text from this page is already captured, with the way to save it again anyway. */
import { formatDate } from '../format';
import type { TrustCheck } from '../trust';

export interface DuplicateNoticeProps {
  capturedAt: string | null;
  disabled: boolean;
  isTrusted: TrustCheck;
  onSaveAnyway(): void;
}

export function DuplicateNotice({ capturedAt, disabled, isTrusted, onSaveAnyway }: DuplicateNoticeProps) {
  // Member names live in the workspace, not in the page's script, so only the date is said here.
  const when = formatDate(capturedAt);
  return (
    <div class="cl-notice cl-notice-warn" role="status">
      <p>{when ? `Already captured on ${when}.` : 'Already captured from this page.'}</p>
      <button type="button" disabled={disabled} onClick={(e) => { if (isTrusted(e)) onSaveAnyway(); }}>Save anyway</button>
    </div>
  );
}
