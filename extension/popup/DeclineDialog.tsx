/** @module Declining a proposal: a dialog that requires the reason, which whoever proposed it will read. */
import { useState } from 'preact/hooks';
import type { Action } from '../../shared/schema/records';
import type { BoardModel } from './board-model';
import { Dialog } from './Dialog';

export function DeclineDialog({ model, proposal, onClose }: { model: BoardModel; proposal: Action; onClose(): void }) {
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem('Say why: whoever proposed it will read the reason.');
    if (await model.decline(proposal.id, reason.trim())) onClose();
  };
  return (
    <Dialog id="decline" title="Decline the proposal" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p class="pp-dialog-subject">{proposal.title}</p>
        <label class="pp-label" for="decline-reason">Reason</label>
        <textarea id="decline-reason" rows={3} maxLength={2000} required aria-required="true" aria-invalid={problem ? true : undefined}
          aria-describedby="decline-hint" value={reason} onInput={(e) => { setReason(e.currentTarget.value); setProblem(null); }} />
        <p id="decline-hint" class="cl-muted pp-small-text">Saying no is a decision too. The reason is shown on the proposal’s page.</p>
        {(problem ?? model.error.value) && <p class="cl-alert" role="alert">{problem ?? model.error.value}</p>}
        <div class="pp-row-end">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={model.busy.value}>Decline</button>
        </div>
      </form>
    </Dialog>
  );
}
