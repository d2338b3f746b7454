/** @module Choosing a member: an action's owner, an initiative's sponsor. Editors are offered (and whoever holds it now). */
import type { Member } from '../../shared/schema/records';

export interface OwnerSelectProps {
  id: string;
  label: string;
  /** In a list row: the label is read out, not shown. */
  hideLabel?: boolean;
  value: string | null;
  members: Member[];
  me: string | null;
  disabled?: boolean;
  required?: boolean;
  /** The words for nobody: "Unassigned", "No sponsor", "Choose an owner". */
  none?: string;
  onChange(memberId: string | null): void;
}

export function OwnerSelect({ id, label, hideLabel, value, members, me, disabled, required, none = 'Unassigned', onChange }: OwnerSelectProps) {
  return (
    <>
      {!hideLabel && <label class="pp-label" for={id}>{label}</label>}
      <select id={id} aria-label={hideLabel ? label : undefined} value={value ?? ''} disabled={disabled} required={required} aria-required={required || undefined}
        onChange={(e) => onChange(e.currentTarget.value || null)}>
        <option value="">{none}</option>
        {members.filter((m) => m.role === 'editor' || m.id === value).map((m) => (
          <option key={m.id} value={m.id}>{m.name}{m.id === me ? ' (you)' : ''}</option>
        ))}
      </select>
    </>
  );
}
