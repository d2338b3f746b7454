/**
 * @module Accepting a proposal: a dialog that requires an owner and a due date, and may place it in
 * an existing initiative or a new one (by title and horizon). It becomes open work in one step.
 */
import { useEffect, useState } from 'preact/hooks';
import { HORIZONS, type Horizon } from '../../shared/schema/constants';
import type { Action, Member } from '../../shared/schema/records';
import { isCalendarDate } from '../../shared/util/dates';
import type { BoardModel } from './board-model';
import { Dialog } from './Dialog';
import { HORIZON_NAMES } from './initiative-words';
import { allInitiatives } from './InitiativeField';
import { OwnerSelect } from './OwnerSelect';

export interface AcceptDialogProps {
  model: BoardModel;
  proposal: Action;
  members: Member[];
  me: string | null;
  onClose(): void;
}

const NEW = 'new';

export function AcceptDialog({ model, proposal, members, me, onClose }: AcceptDialogProps) {
  useEffect(() => model.loadInitiatives(), []);
  const [owner, setOwner] = useState<string | null>(proposal.assignee);
  const [due, setDue] = useState(proposal.dueDate ?? '');
  const [initiative, setInitiative] = useState(proposal.initiativeId ?? '');
  const [title, setTitle] = useState('');
  const [horizon, setHorizon] = useState<Horizon>('short');
  const [problem, setProblem] = useState<string | null>(null);
  const initiatives = allInitiatives(model.initiatives.value);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!owner) return setProblem('Choose who owns it.');
    if (!isCalendarDate(due)) return setProblem('Give it a due date.');
    if (initiative === NEW && !title.trim()) return setProblem('Give the new initiative a title, or choose another.');
    const placement = initiative === NEW ? { newInitiative: { title: title.trim(), horizon } } : { initiativeId: initiative || null };
    if (await model.accept(proposal.id, { assignee: owner, dueDate: due, ...placement })) onClose();
  };
  const changed = () => setProblem(null);
  return (
    <Dialog id="accept" title="Accept the proposal" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <p class="pp-dialog-subject">{proposal.title}</p>
        <OwnerSelect id="accept-owner" label="Owner" value={owner} members={members} me={me} required none="Choose an owner"
          onChange={(id) => { setOwner(id); changed(); }} />
        <label class="pp-label" for="accept-due">Due date</label>
        <input id="accept-due" type="date" required aria-required="true" value={due} onInput={(e) => { setDue(e.currentTarget.value); changed(); }} />
        <label class="pp-label" for="accept-initiative">Initiative</label>
        <select id="accept-initiative" value={initiative} onChange={(e) => { setInitiative(e.currentTarget.value); changed(); }}>
          <option value="">Not in an initiative</option>
          {initiatives.map((i) => <option key={i.id} value={i.id}>{i.code} {i.title}</option>)}
          <option value={NEW}>New initiative…</option>
        </select>
        {initiative === NEW && (
          <div class="pp-field-grid pp-new-initiative">
            <div class="pp-field">
              <label class="pp-label" for="accept-initiative-title">New initiative title</label>
              <input id="accept-initiative-title" type="text" maxLength={120} required aria-required="true" value={title}
                onInput={(e) => { setTitle(e.currentTarget.value); changed(); }} />
            </div>
            <div class="pp-field">
              <label class="pp-label" for="accept-initiative-horizon">Horizon</label>
              <select id="accept-initiative-horizon" value={horizon} onChange={(e) => setHorizon(e.currentTarget.value as Horizon)}>
                {HORIZONS.map((h) => <option key={h} value={h}>{HORIZON_NAMES[h]}</option>)}
              </select>
            </div>
          </div>
        )}
        {(problem ?? model.error.value) && <p class="cl-alert" role="alert">{problem ?? model.error.value}</p>}
        <div class="pp-row-end">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={model.busy.value}>Accept</button>
        </div>
      </form>
    </Dialog>
  );
}
