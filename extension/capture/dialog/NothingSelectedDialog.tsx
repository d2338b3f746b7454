/** @module The dialog shown when capture is asked for with no text selected: says how to select first. */
import { useId } from 'preact/hooks';
import { DialogFrame } from './DialogFrame';

export function NothingSelectedDialog({ onClose }: { onClose(): void }) {
  const id = useId();
  return (
    <DialogFrame labelledBy={`${id}-title`} describedBy={`${id}-text`} onCancel={onClose}>
      <div class="cl-body">
        <h2 id={`${id}-title`} class="cl-title">Capture feedback</h2>
        <p id={`${id}-text`}>Select the feedback on the page first (a review, a post, a reply), then capture again.</p>
        <div class="cl-actions">
          <button type="button" class="cl-primary" onClick={onClose}>Close</button>
        </div>
      </div>
    </DialogFrame>
  );
}
