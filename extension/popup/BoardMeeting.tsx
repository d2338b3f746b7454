/**
 * @module The top of the Change board: when it meets next, Start board meeting or End board
 * meeting (which asks the next date, one cadence ahead by default), and who is there.
 */
import { useState } from 'preact/hooks';
import type { Member } from '../../shared/schema/records';
import type { BoardView } from '../messaging/protocol';
import { Attendance } from './Attendance';
import type { BoardModel } from './board-model';
import { EndBoardDialog } from './EndBoardDialog';
import { meetingTime, plannedDate } from './format';

export interface BoardMeetingProps {
  model: BoardModel;
  view: BoardView;
  members: Member[];
  me: string | null;
  nameOf(memberId: string): string;
  now: number;
  readOnly: boolean;
}

const CADENCE_WORDS = { weekly: 'weekly', biweekly: 'every two weeks', monthly: 'monthly', quarterly: 'quarterly' } as const;

export function BoardMeeting({ model, view, members, me, nameOf, now, readOnly }: BoardMeetingProps) {
  const [ending, setEnding] = useState(false);
  const running = view.running;
  const disabled = readOnly || model.busy.value;
  return (
    <section class="pp-meeting" aria-label="Board meeting">
      <div class="pp-meeting-head">
        <div class="pp-meeting-words">
          <p class="pp-watermark">
            {view.nextBoardDate ? <>Next change board: <strong>{plannedDate(view.nextBoardDate)}</strong></> : 'No date set for the next change board'}
          </p>
          <p class="cl-muted pp-small-text" role={running ? 'status' : undefined}>
            {running ? `Board meeting running since ${meetingTime(running.startedAt, now)}, started by ${nameOf(running.startedBy)}`
              : `Meets ${CADENCE_WORDS[view.cadence]}${view.lastEnded?.endedAt ? `; last met ${meetingTime(view.lastEnded.endedAt, now)}` : ''}. Everyone gets a reminder the day before.`}
          </p>
        </div>
        {running
          ? <button type="button" class="primary" disabled={disabled} onClick={() => setEnding(true)}>End board meeting</button>
          : <button type="button" class="primary" disabled={disabled} onClick={() => void model.start()}>Start board meeting</button>}
      </div>
      {running && (
        <Attendance legend="Who is here" members={members} attendees={running.attendees} me={me} disabled={disabled}
          onChange={(id, present) => void model.setPresent(id, present)} />
      )}
      {ending && <EndBoardDialog model={model} cadence={view.cadence} onClose={() => setEnding(false)} />}
    </section>
  );
}
