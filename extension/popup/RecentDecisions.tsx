/** @module What the change board said yes and no to lately, newest first: who decided, when, and the reason of each decline. */
import type { Action } from '../../shared/schema/records';
import { calendarDate, fullTime, meetingTime } from './format';

export interface RecentDecisionsProps {
  decisions: Action[];
  nameOf(memberId: string | null): string;
  now: number;
  onOpen(id: string): void;
}

export function RecentDecisions({ decisions, nameOf, now, onOpen }: RecentDecisionsProps) {
  if (decisions.length === 0) return <p class="cl-muted pp-empty">No decisions in the last 90 days.</p>;
  return (
    <ul class="pp-decisions" aria-label="Recent decisions">
      {decisions.map((action) => {
        const decision = action.decision!;
        const accepted = decision.outcome === 'accepted';
        return (
          <li key={action.id} class={`pp-decision-row is-${decision.outcome}`}>
            <p class="pp-decision-head">
              <span class={`pp-outcome is-${decision.outcome}`}>{accepted ? 'Accepted' : 'Declined'}</span>
              <button type="button" class="pp-link-button" onClick={() => onOpen(action.id)}>{action.title}</button>
            </p>
            <p class="cl-muted pp-small-text">
              By {nameOf(decision.by)}, <time dateTime={decision.at} title={fullTime(decision.at)}>{meetingTime(decision.at, now)}</time>
              {accepted && action.assignee && <> · owner {nameOf(action.assignee)}</>}
              {accepted && action.dueDate && <>, due {calendarDate(action.dueDate, now)}</>}
            </p>
            {decision.reason && <blockquote class="pp-decision-reason">{decision.reason}</blockquote>}
          </li>
        );
      })}
    </ul>
  );
}
