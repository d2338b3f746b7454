/**
 * @module The small "Capture feedback" button shown next to a text selection. Pressing it must not
 * cost the person their selection, and only a real press (not a page script's click()) opens the dialog.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { Spot } from './selection-watcher';
import type { TrustCheck } from './trust';

export interface SelectionButtonProps {
  /** Where to show it; null hides it. */
  spot: ReadonlySignal<Spot | null>;
  isTrusted: TrustCheck;
  onActivate(): void;
}

export function SelectionButton({ spot, isTrusted, onActivate }: SelectionButtonProps) {
  const at = spot.value;
  if (!at) return null;
  return (
    <button type="button" class="cl-selection-button" aria-label="Capture feedback" title="Capture feedback (Alt+Shift+C)"
      style={{ left: `${at.left}px`, top: `${at.top}px` }}
      // A press on a button would otherwise collapse the page's selection before the click arrives.
      onMouseDown={(e) => e.preventDefault()}
      onClick={(e) => { if (isTrusted(e)) onActivate(); }}>
      <svg aria-hidden="true" width="14" height="14" viewBox="0 0 16 16">
        <path d="M2 3.5A1.5 1.5 0 0 1 3.5 2h9A1.5 1.5 0 0 1 14 3.5v6a1.5 1.5 0 0 1-1.5 1.5H7l-3 3v-3h-.5A1.5 1.5 0 0 1 2 9.5z"
          fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
      </svg>
      <span>Capture</span>
    </button>
  );
}
