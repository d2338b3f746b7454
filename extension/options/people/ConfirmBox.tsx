/** @module A question before something that cannot be undone from here, as an alert dialog in the page. */
import { useEffect, useRef } from 'preact/hooks';

export function ConfirmBox({ text, confirm, onConfirm, onCancel }: { text: string; confirm: string; onConfirm(): void; onCancel(): void }) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []); // the safe choice has the focus
  return (
    <div class="cl-alert" role="alertdialog" aria-labelledby="people-confirm-text" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <p id="people-confirm-text">{text}</p>
      <div class="cl-row">
        <button type="button" class="danger" onClick={onConfirm}>{confirm}</button>
        <button type="button" ref={cancel} onClick={onCancel}>Cancel</button>
      </div>
    </div>
  );
}
