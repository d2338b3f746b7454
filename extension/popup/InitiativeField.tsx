/** @module Which initiative an action belongs to: a picker of the workspace's initiatives, and a way to open it. */
import type { Initiative } from '../../shared/schema/records';
import type { InitiativesView } from '../messaging/protocol';

export interface InitiativeFieldProps {
  id: string;
  current: Initiative | null;
  initiatives: InitiativesView | undefined;
  disabled: boolean;
  onChange(initiativeId: string | null): void;
  onOpen(initiativeId: string): void;
}

/** Every initiative in code order, whatever its horizon. */
export function allInitiatives(view: InitiativesView | undefined): Initiative[] {
  if (!view) return [];
  return [...view.map.short, ...view.map.mid, ...view.map.long].map((s) => s.initiative).sort((a, b) => a.number - b.number);
}

export function InitiativeField({ id, current, initiatives, disabled, onChange, onOpen }: InitiativeFieldProps) {
  const list = allInitiatives(initiatives);
  // The current one may not be in the list yet (the two queries answer apart): keep it selectable.
  if (current && !list.some((i) => i.id === current.id)) list.unshift(current);
  return (
    <section class="pp-section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Initiative</h3>
      <div class="pp-inline-form">
        <label class="cl-visually-hidden" for={id}>Initiative</label>
        <select id={id} value={current?.id ?? ''} disabled={disabled} onChange={(e) => onChange(e.currentTarget.value || null)}>
          <option value="">Not in an initiative</option>
          {list.map((i) => <option key={i.id} value={i.id}>{i.code} {i.title}</option>)}
        </select>
        {current && <button type="button" class="pp-small" aria-label={`Open ${current.code} ${current.title}`} onClick={() => onOpen(current.id)}>Open</button>}
      </div>
    </section>
  );
}
