/**
 * @module The capture's health warnings, before saving: each says what is wrong and, where the page
 * allows, offers the fix (press the page's "read more" and select again; take whole words).
 */
import type { HealthWarning } from '../health/checks';
import type { TrustCheck } from '../trust';

export interface HealthNoticeProps {
  warnings: readonly HealthWarning[];
  disabled: boolean;
  isTrusted: TrustCheck;
  /** Presses the page's own expander and closes the dialog, so the person can select the whole text. */
  onExpand?(expander: Element): void;
  /** Reopens the dialog on the selection widened to whole words. */
  onWholeWords?(range: Range): void;
}

export function HealthNotice({ warnings, disabled, isTrusted, onExpand, onWholeWords }: HealthNoticeProps) {
  if (warnings.length === 0) return null;
  return (
    <div class="cl-notice cl-notice-warn" role="status" aria-label="Before you save">
      <ul class="cl-health-list">
        {warnings.map((w) => (
          <li key={w.kind} class="cl-health">
            <span>{w.message}</span>
            {w.expander && onExpand && (
              <button type="button" disabled={disabled} onClick={(e) => { if (isTrusted(e)) onExpand(w.expander!); }}>
                Expand and select again
              </button>
            )}
            {w.wholeWords && onWholeWords && (
              <button type="button" disabled={disabled} onClick={(e) => { if (isTrusted(e)) onWholeWords(w.wholeWords!); }}>
                Select whole words
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
