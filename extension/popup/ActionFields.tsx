/** @module The editable fields of an action: Title, Owner, Due date, Status (with its resolution), Impact and Effort. */
import { useEffect, useState } from 'preact/hooks';
import { isOverdue, quadrantOf } from '../../shared/queries/actions';
import type { Action, Member } from '../../shared/schema/records';
import type { ActionModel } from './action-model';
import { QUADRANT_NAMES } from './quadrant-words';
import { StatusField } from './StatusField';

export interface ActionFieldsProps {
  model: ActionModel;
  action: Action;
  members: Member[];
  me: string | null;
  today: string;
  readOnly: boolean;
}

const SCORES = [1, 2, 3, 4, 5];

export function ActionFields({ model, action, members, me, today, readOnly }: ActionFieldsProps) {
  const [title, setTitle] = useState(action.title);
  useEffect(() => setTitle(action.title), [action.title]);
  const rename = () => {
    if (title.trim() && title.trim() !== action.title) void model.rename(title.trim());
    else setTitle(action.title);
  };
  const disabled = readOnly || model.busy.value;
  const quadrant = quadrantOf(action);
  const score = (field: 'impact' | 'effort') => (
    <div class="pp-field">
      <label class="pp-label" for={`action-${field}`}>{field === 'impact' ? 'Impact' : 'Effort'}</label>
      <select id={`action-${field}`} value={action[field] === null ? '' : String(action[field])} disabled={disabled}
        onChange={(e) => void model.score({ [field]: e.currentTarget.value ? Number(e.currentTarget.value) : null })}>
        <option value="">Not scored</option>
        {SCORES.map((n) => <option key={n} value={String(n)}>{n}{n === 1 ? ' (low)' : n === 5 ? ' (high)' : ''}</option>)}
      </select>
    </div>
  );
  return (
    <section class="pp-section pp-fields" aria-label="Details">
      <label class="pp-label" for="action-title">Title</label>
      <input id="action-title" type="text" class="pp-title-input" maxLength={200} value={title} disabled={readOnly}
        onInput={(e) => setTitle(e.currentTarget.value)} onBlur={rename}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); rename(); } }} />
      <div class="pp-field-grid">
        <div class="pp-field">
          <label class="pp-label" for="action-owner">Owner</label>
          <select id="action-owner" value={action.assignee ?? ''} disabled={disabled}
            onChange={(e) => void model.assign(e.currentTarget.value || null)}>
            <option value="">Unassigned</option>
            {members.filter((m) => m.role === 'editor' || m.id === action.assignee).map((m) => (
              <option key={m.id} value={m.id}>{m.name}{m.id === me ? ' (you)' : ''}</option>
            ))}
          </select>
        </div>
        <div class="pp-field">
          <div class="pp-label-row">
            <label class="pp-label" for="action-due">Due date</label>
            {isOverdue(action, today) && <span class="pp-overdue-flag">overdue</span>}
          </div>
          <input id="action-due" type="date" value={action.dueDate ?? ''} disabled={disabled}
            onChange={(e) => void model.setDue(e.currentTarget.value || null)} />
        </div>
      </div>
      <StatusField model={model} action={action} disabled={disabled} />
      <div class="pp-field-grid">
        {score('impact')}
        {score('effort')}
      </div>
      <p class="cl-muted pp-small-text" aria-live="polite">
        {quadrant === 'unscored' ? 'Score impact and effort to place it in the 2x2.' : <>In the 2x2: <strong>{QUADRANT_NAMES[quadrant]}</strong></>}
      </p>
    </section>
  );
}
