/**
 * @module The change board's decision on a proposal, on the action's page: accepted or declined,
 * by whom, when, and why. This is how whoever proposed it learns why it was declined.
 */
import type { Decision } from '../../shared/schema/records';
import { fullTime, meetingTime } from './format';

export interface DecisionNoteProps {
  decision: Decision;
  nameOf(memberId: string): string;
  now: number;
}

export function DecisionNote({ decision, nameOf, now }: DecisionNoteProps) {
  const accepted = decision.outcome === 'accepted';
  return (
    <section class={`pp-section pp-decision is-${decision.outcome}`} aria-labelledby="decision-heading">
      <h3 id="decision-heading">Change board decision</h3>
      <p class="pp-decision-line">
        <strong>{accepted ? 'Accepted' : 'Declined'}</strong> by {nameOf(decision.by)},{' '}
        <time dateTime={decision.at} title={fullTime(decision.at)}>{meetingTime(decision.at, now)}</time>
        {decision.boardId === null && <span class="cl-muted"> (outside a board meeting)</span>}
      </p>
      {decision.reason && <blockquote class="pp-decision-reason" aria-label="Reason">{decision.reason}</blockquote>}
    </section>
  );
}
