/**
 * @module An action in a Huddle section, to act on where it stands: open it, change its owner, its
 * due date or its status (done and won't do ask for the resolution first). Labels name the action.
 */
import { isOverdue } from '../../shared/queries/actions';
import type { Action, Member } from '../../shared/schema/records';
import { calendarDate, relativeAge } from './format';
import type { HuddleModel } from './huddle-model';
import { OwnerSelect } from './OwnerSelect';
import { StatusField } from './StatusField';

export interface WorkRowProps {
  model: HuddleModel;
  action: Action;
  members: Member[];
  me: string | null;
  today: string;
  now: number;
  disabled: boolean;
}

export function WorkRow({ model, action, members, me, today, now, disabled }: WorkRowProps) {
  const id = `hr-${action.id}`;
  const overdue = isOverdue(action, today);
  return (
    <li class="pp-hrow">
      <div class="pp-hrow-head">
        <button type="button" class="pp-link-button" onClick={() => model.openAction(action.id)}>{action.title}</button>
        {action.status === 'blocked'
          ? <span class="pp-hrow-note is-blocked">blocked {relativeAge(action.statusChangedAt, now)}</span>
          : action.dueDate && <span class={`pp-hrow-note${overdue ? ' is-overdue' : ''}`}>{overdue ? 'was due' : 'due'} {calendarDate(action.dueDate, now)}</span>}
      </div>
      <div class="pp-hrow-controls">
        <div>
          <OwnerSelect id={`${id}-owner`} label={`Owner of ${action.title}`} hideLabel value={action.assignee} members={members} me={me}
            disabled={disabled} onChange={(memberId) => void model.assign(action.id, memberId)} />
        </div>
        <div>
 <input id={`${id}-due`} type="date" aria-label={`Due date of ${action.title}`} value={action.dueDate ?? ''} disabled={disabled}
            onChange={(e) => void model.setDue(action.id, e.currentTarget.value || null)} />
        </div>
        <StatusField id={id} compact action={action} disabled={disabled} busy={model.busy.value}
          onChange={(status, resolution) => model.setStatus(action.id, status, resolution)} />
      </div>
    </li>
  );
}
