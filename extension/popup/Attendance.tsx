/** @module Who is at a meeting (huddle or change board): one check box per member; anyone there may tick a colleague. */
import type { Member } from '../../shared/schema/records';

export interface AttendanceProps {
  legend: string;
  members: Member[];
  attendees: readonly string[];
  me: string | null;
  disabled: boolean;
  onChange(memberId: string, present: boolean): void;
}

export function Attendance({ legend, members, attendees, me, disabled, onChange }: AttendanceProps) {
  const here = new Set(attendees);
  return (
    <fieldset class="pp-attendance">
      <legend class="pp-label">{legend} <span class="pp-count">{members.filter((m) => here.has(m.id)).length}</span></legend>
      <ul class="pp-attendees">
        {members.map((member) => (
          <li key={member.id}>
            <label class={`pp-attendee${here.has(member.id) ? ' is-on' : ''}`}>
              <input type="checkbox" checked={here.has(member.id)} disabled={disabled}
                onChange={(e) => onChange(member.id, e.currentTarget.checked)} />
              <span class="pp-attendee-dot" style={{ background: member.color }} aria-hidden="true" />
              {member.name}{member.id === me ? ' (you)' : ''}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
