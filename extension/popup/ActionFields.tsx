/**
 * @module The editable fields of an action: Title, Owner, Due date, Status (with its resolution),
 * Impact and Effort. A proposal has no status to pick: it shows "Proposed" and its score instead,
 * because the change board decides it.
 */
import { useEffect, useState } from 'preact/hooks';
import { isOverdue, quadrantOf } from '../../shared/queries/actions';
import type { ProposalScore } from '../../shared/queries/board';
import type { Action, Member } from '../../shared/schema/records';
import type { ActionModel } from './action-model';
import { OwnerSelect } from './OwnerSelect';
import { ProposalStatus } from './ProposalStatus';
import { QUADRANT_NAMES } from './quadrant-words';
import { StatusField } from './StatusField';

export interface ActionFieldsProps {
  model: ActionModel;
  action: Action;
  score: ProposalScore | null;
  members: Member[];
  me: string | null;
  today: string;
  readOnly: boolean;
}

const SCORES = [1, 2, 3, 4, 5];

export function ActionFields({ model, action, score, members, me, today, readOnly }: ActionFieldsProps) {
  const [title, setTitle] = useState(action.title);
  useEffect(() => setTitle(action.title), [action.title]);
  const rename = () => {
    if (title.trim() && title.trim() !== action.title) void model.rename(title.trim());
    else setTitle(action.title);
  };
  const disabled = readOnly || model.busy.value;
  const proposal = action.status === 'proposed';
  const quadrant = quadrantOf(action);
  const scoreField = (field: 'impact' | 'effort') => (
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
          <OwnerSelect id="action-owner" label="Owner" value={action.assignee} members={members} me={me} disabled={disabled}
            onChange={(memberId) => void model.assign(memberId)} />
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
      {proposal
        ? <ProposalStatus model={model} action={action} score={score} mine={action.createdBy === me} readOnly={readOnly} />
        : <StatusField id="action" action={action} disabled={disabled} busy={model.busy.value} onChange={model.setStatus} />}
      <div class="pp-field-grid">
        {scoreField('impact')}
        {scoreField('effort')}
      </div>
      {!proposal && (
        <p class="cl-muted pp-small-text" aria-live="polite">
          {quadrant === 'unscored' ? 'Score impact and effort to place it in the 2x2.' : <>In the 2x2: <strong>{QUADRANT_NAMES[quadrant]}</strong></>}
        </p>
      )}
    </section>
  );
}
