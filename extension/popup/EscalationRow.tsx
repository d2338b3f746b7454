/**
 * @module An escalation in the Huddle: a theme (a tag, or feedback that reads alike) with its
 * count and one step to propose it to the change board; or a customer waiting too long for a
 * reply, which opens the capture instead.
 */
import type { Escalation } from '../../shared/queries/escalations';
import { fullTime, meetingTime, plural } from './format';
import type { HuddleModel } from './huddle-model';

export function EscalationRow({ model, escalation, now, disabled }: { model: HuddleModel; escalation: Escalation; now: number; disabled: boolean }) {
  if (escalation.kind === 'reply') {
    return (
      <li class="pp-hrow pp-escalation is-reply">
        <div class="pp-hrow-head">
          <span class="pp-theme-kind">Reply needed</span>
          <span class="pp-theme-label">{escalation.label}</span>
          <button type="button" class="pp-small" aria-label={`Open the capture from ${escalation.label}`}
            onClick={() => model.openCapture(escalation.captureIds[0])}>Open</button>
        </div>
        <p class="cl-muted pp-small-text">
          Waiting for a reply since <time dateTime={escalation.waitingSince} title={fullTime(escalation.waitingSince)}>{meetingTime(escalation.waitingSince, now)}</time>
        </p>
      </li>
    );
  }
  const theme = escalation.kind === 'tag' ? `“${escalation.label}”` : escalation.label;
  return (
    <li class="pp-hrow pp-escalation">
      <div class="pp-hrow-head">
        <span class="pp-theme-kind">{escalation.kind === 'tag' ? 'Tag' : 'Reads alike'}</span>
        <span class="pp-theme-label">{escalation.label}</span>
        <span class="pp-theme-count">{plural(escalation.count, 'capture')}</span>
        <button type="button" class="primary pp-small" disabled={disabled} aria-label={`Propose ${theme} to the change board`}
          onClick={() => void model.propose(escalation)}>Propose</button>
      </div>
    </li>
  );
}
