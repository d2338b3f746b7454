/** @module An action in a short list (an initiative's actions): title to open it, status, owner and due date. */
import { isOverdue } from '../../shared/queries/actions';
import type { Action } from '../../shared/schema/records';
import { ACTION_STATUS_LABELS, calendarDate } from './format';

export interface ActionLineProps {
  action: Action;
  owner: string;
  today: string;
  now: number;
  onOpen(id: string): void;
}

export function ActionLine({ action, owner, today, now, onOpen }: ActionLineProps) {
  const overdue = isOverdue(action, today);
  return (
    <li class="pp-line">
      <button type="button" class="pp-link-button" onClick={() => onOpen(action.id)}>{action.title}</button>
      <span class="pp-meta">
        <span class={`pp-status is-${action.status}`}>{ACTION_STATUS_LABELS[action.status]}</span>
        <span class="pp-owner-name">{owner}</span>
        {action.dueDate && <span class={`pp-due${overdue ? ' is-overdue' : ''}`}>Due {calendarDate(action.dueDate, now)}{overdue && <strong> · overdue</strong>}</span>}
      </span>
    </li>
  );
}
