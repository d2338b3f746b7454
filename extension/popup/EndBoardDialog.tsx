/** @module Ending a board meeting: a dialog that asks the next board date, one cadence ahead unless changed. */
import { useState } from 'preact/hooks';
import type { BoardCadence } from '../../shared/schema/constants';
import { addCadence, isCalendarDate } from '../../shared/util/dates';
import type { BoardModel } from './board-model';
import { Dialog } from './Dialog';

const AHEAD: Record<BoardCadence, string> = { weekly: 'A week', biweekly: 'Two weeks', monthly: 'A month', quarterly: 'Three months' };

export function EndBoardDialog({ model, cadence, onClose }: { model: BoardModel; cadence: BoardCadence; onClose(): void }) {
  const [date, setDate] = useState(() => addCadence(model.today(), cadence));
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (event: Event) => {
    event.preventDefault();
    if (!isCalendarDate(date)) return setProblem('Give the date of the next change board.');
    if (date <= model.today()) return setProblem('The next change board must be after today.');
    if (await model.end(date)) onClose();
  };
  return (
    <Dialog id="end-board" title="End the board meeting" onClose={onClose}>
      <form onSubmit={submit} noValidate>
        <label class="pp-label" for="next-board-date">Next change board</label>
        <input id="next-board-date" type="date" required aria-required="true" aria-invalid={problem ? true : undefined}
          aria-describedby="next-board-hint" value={date} onInput={(e) => { setDate(e.currentTarget.value); setProblem(null); }} />
        <p id="next-board-hint" class="cl-muted pp-small-text">{AHEAD[cadence]} ahead by default. Everyone gets a reminder the day before.</p>
        {(problem ?? model.error.value) && <p class="cl-alert" role="alert">{problem ?? model.error.value}</p>}
        <div class="pp-row-end">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={model.busy.value}>End board meeting</button>
        </div>
      </form>
    </Dialog>
  );
}
