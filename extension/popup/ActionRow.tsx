/** @module One action in a list: title, owner, due date (marked when overdue), status, evidence count and quadrant. */
import { isOverdue, quadrantOf } from '../../shared/queries/actions';
import type { Action, Member } from '../../shared/schema/records';
import { ACTION_STATUS_LABELS, calendarDate, plural } from './format';
import { MemberAvatar } from './MemberAvatar';
import { QUADRANT_NAMES } from './quadrant-words';

/** Fixed row height in px; popup.css lays the row out to exactly this. */
export const ACTION_ROW_HEIGHT = 62;

export interface ActionRowProps {
  action: Action;
  owner: Member | undefined;
  today: string;
  now: number;
}

export function ActionRow({ action, owner, today, now }: ActionRowProps) {
  const overdue = isOverdue(action, today);
  const quadrant = quadrantOf(action);
  return (
    <div role="gridcell" class="pp-cell-main pp-action-cell">
      <p class="pp-action-title">
        {quadrant !== 'unscored' && <span class={`pp-quadrant is-${quadrant}`}>{QUADRANT_NAMES[quadrant]}</span>}
        <span class="pp-title-text">{action.title}</span>
      </p>
      <p class="pp-meta">
        <span class="pp-owner">
          {owner ? <MemberAvatar name={owner.name} color={owner.color} small label={`Owner: ${owner.name}`} /> : null}
          <span class="pp-owner-name">{owner ? owner.name : 'Unassigned'}</span>
        </span>
        {action.dueDate && (
          <span class={`pp-due${overdue ? ' is-overdue' : ''}`}>
            Due {calendarDate(action.dueDate, now)}{overdue && <strong> · overdue</strong>}
          </span>
        )}
        <span class={`pp-status is-${action.status}`}>{ACTION_STATUS_LABELS[action.status]}</span>
        <span class="pp-evidence-count" title={plural(action.captureIds.length, 'capture')}>
          <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12"><path fill="currentColor" d="M3 3h4v4.5C7 10.5 5.5 12.5 3 13v-1.8c1.2-.4 1.9-1.4 2-2.7H3zm6 0h4v4.5c0 3-1.5 5-4 5.5v-1.8c1.2-.4 1.9-1.4 2-2.7H9z" /></svg>
          {action.captureIds.length}<span class="cl-visually-hidden"> {action.captureIds.length === 1 ? 'capture' : 'captures'}</span>
        </span>
      </p>
    </div>
  );
}

