/** @module A win for the room: an action done since the last huddle, and who closed it. */
import type { DoneRow } from '../../shared/queries/huddle';
import { fullTime, meetingTime } from './format';

export function DoneLine({ row, nameOf, now, onOpen }: { row: DoneRow; nameOf(id: string): string; now: number; onOpen(id: string): void }) {
  const at = row.action.doneAt ?? row.action.statusChangedAt;
  return (
    <li class="pp-hrow pp-done-line">
      <div class="pp-hrow-head">
        <span class="pp-done-tick" aria-hidden="true">✓</span>
        <button type="button" class="pp-link-button" onClick={() => onOpen(row.action.id)}>{row.action.title}</button>
      </div>
      <p class="pp-small-text">
        <span class="pp-closed-by">{row.closedBy ? `Closed by ${nameOf(row.closedBy)}` : 'Closed'}</span>
        <span class="cl-muted"> · <time dateTime={at} title={fullTime(at)}>{meetingTime(at, now)}</time></span>
      </p>
      {row.action.resolution && <p class="cl-muted pp-small-text pp-done-resolution">{row.action.resolution}</p>}
    </li>
  );
}
