/**
 * @module The top of the Huddle: what it looks back to (the watermark, in words), Start huddle or
 * End huddle, and while it runs who is there and the notes; otherwise the last huddle's notes.
 */
import type { HuddleView } from '../../shared/queries/huddle';
import type { Member } from '../../shared/schema/records';
import { Attendance } from './Attendance';
import { fullTime, meetingTime } from './format';
import type { HuddleModel } from './huddle-model';
import { HuddleNotes } from './HuddleNotes';

export interface HuddleMeetingProps {
  model: HuddleModel;
  view: HuddleView;
  members: Member[];
  me: string | null;
  nameOf(memberId: string): string;
  now: number;
  readOnly: boolean;
}

/** "Since the huddle that ended Tue 09:15", or "Last 7 days: no huddle yet". */
export function watermarkWords(view: HuddleView, now: number): string {
  const ended = view.lastEnded?.endedAt;
  return view.firstHuddle || !ended ? 'Last 7 days: no huddle yet' : `Since the huddle that ended ${meetingTime(ended, now)}`;
}

export function HuddleMeeting({ model, view, members, me, nameOf, now, readOnly }: HuddleMeetingProps) {
  const running = view.current;
  const disabled = readOnly || model.busy.value;
  return (
    <section class="pp-meeting" aria-label="This huddle">
      <div class="pp-meeting-head">
        <div class="pp-meeting-words">
          <p class="pp-watermark">
            <time dateTime={view.watermark} title={fullTime(view.watermark)}>{watermarkWords(view, now)}</time>
          </p>
          {running && (
            <p class="cl-muted pp-small-text" role="status">
              Huddle running since {meetingTime(running.startedAt, now)}, started by {nameOf(running.startedBy)}
            </p>
          )}
        </div>
        {running
          ? <button type="button" class="primary" disabled={disabled} onClick={() => void model.end()}>End huddle</button>
          : <button type="button" class="primary" disabled={disabled} onClick={() => void model.start()}>Start huddle</button>}
      </div>
      {running && (
        <>
          <Attendance legend="Who is here" members={members} attendees={running.attendees} me={me} disabled={disabled}
            onChange={(id, present) => void model.setPresent(id, present)} />
          <HuddleNotes heading="Notes" notes={running.notes} nameOf={nameOf} now={now} onAdd={model.addNote} disabled={readOnly} />
        </>
      )}
      {!running && view.lastEnded && view.lastEnded.notes.length > 0 && (
        <HuddleNotes heading="Notes from the last huddle" notes={view.lastEnded.notes} nameOf={nameOf} now={now} />
      )}
    </section>
  );
}
