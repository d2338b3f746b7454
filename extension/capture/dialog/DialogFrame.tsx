/**
 * @module A modal dialog shell: role "dialog" with aria-modal, focus moved in on open, Tab kept inside,
 * Esc to cancel, and focus given back to where it was on close. The content decides what is in it.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { activeWithin, deepActiveElement, tabbables } from './focus';

export interface DialogFrameProps {
  /** Id of the element that names the dialog (its heading). */
  labelledBy: string;
  describedBy?: string;
  onCancel(): void;
  /** Selector of the element to focus first; the first tabbable element otherwise. */
  initialFocus?: string;
  children: ComponentChildren;
}

export function DialogFrame({ labelledBy, describedBy, onCancel, initialFocus, children }: DialogFrameProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const dialog = ref.current!;
    const returnTo = deepActiveElement(dialog.ownerDocument);
    const first = (initialFocus ? dialog.querySelector<HTMLElement>(initialFocus) : null) ?? tabbables(dialog)[0] ?? dialog;
    first.focus({ preventScroll: true });
    return () => {
      // The page may have removed or hidden the element meanwhile; then there is nowhere to return.
      if (returnTo?.isConnected) returnTo.focus({ preventScroll: true });
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return; // a field inside used the key (e.g. Esc closing a suggestion list)
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Tab') {
      trapTab(ref.current!, event);
    }
  };

  return (
    // The backdrop swallows pointer presses so a stray click on the page neither loses focus nor the draft.
    <div class="cl-backdrop" onMouseDown={(e) => { if (e.target === e.currentTarget) e.preventDefault(); }}>
      <div ref={ref} class="cl-dialog" role="dialog" aria-modal="true" aria-labelledby={labelledBy}
        aria-describedby={describedBy} tabIndex={-1} onKeyDown={onKeyDown}>
        {children}
      </div>
    </div>
  );
}

/** Wraps Tab and Shift+Tab around the dialog's first and last tabbable elements. */
function trapTab(dialog: HTMLElement, event: KeyboardEvent) {
  const items = tabbables(dialog);
  const active = activeWithin(dialog);
  if (items.length === 0) {
    event.preventDefault();
    return;
  }
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const outside = !active || !dialog.contains(active) || active === dialog;
  if (event.shiftKey && (active === first || outside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || outside)) {
    event.preventDefault();
    first.focus();
  }
}
