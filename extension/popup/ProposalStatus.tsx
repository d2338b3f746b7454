/**
 * @module A proposal's status on its page: "Proposed" (the change board decides it, nobody sets it
 * by hand), its score with the parts on demand, and for its proposer a way to withdraw it.
 */
import { useState } from 'preact/hooks';
import type { ProposalScore } from '../../shared/queries/board';
import type { Action } from '../../shared/schema/records';
import type { ActionModel } from './action-model';
import { ScoreParts } from './ScoreParts';

export interface ProposalStatusProps {
  model: ActionModel;
  action: Action;
  score: ProposalScore | null;
  /** The viewer proposed it, so may withdraw it. */
  mine: boolean;
  readOnly: boolean;
}

export function ProposalStatus({ model, action, score, mine, readOnly }: ProposalStatusProps) {
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = async (event: Event) => {
    event.preventDefault();
    if (reason.trim() && (await model.setStatus('wont_do', reason.trim()))) setWithdrawing(false);
  };
  return (
    <div class="pp-proposal-status">
      <p class="pp-label">Status</p>
      <p class="pp-proposal-line">
        <span class="pp-status is-proposed">Proposed</span>
        {score && <span class="pp-board-score">Score <strong>{Math.round(score.total)}</strong> of 100</span>}
      </p>
      <p class="cl-muted pp-small-text">The change board accepts it, with an owner and a due date, or declines it with a reason.</p>
      {score && <ScoreParts score={score} impact={action.impact} effort={action.effort} />}
      {mine && !readOnly && !withdrawing && (
        <button type="button" class="pp-small" onClick={() => setWithdrawing(true)}>Withdraw proposal</button>
      )}
      {withdrawing && (
        <form class="pp-resolution-form" aria-label="Withdraw the proposal" onSubmit={withdraw}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setWithdrawing(false); } }}>
          <label class="pp-label" for="withdraw-reason">Why withdraw it?</label>
          <textarea id="withdraw-reason" rows={2} maxLength={2000} aria-required="true" value={reason}
            onInput={(e) => setReason(e.currentTarget.value)} />
          <div class="pp-row-end">
            <button type="button" onClick={() => setWithdrawing(false)}>Cancel</button>
            <button type="submit" class="primary" disabled={model.busy.value || !reason.trim()}>Withdraw</button>
          </div>
        </form>
      )}
    </div>
  );
}
