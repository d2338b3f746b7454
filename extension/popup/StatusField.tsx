/**
 * @module An action's status. Open, in progress and blocked apply at once; done and won't do ask
 * first for the resolution, which is sent together with the status (the hub refuses one without it).
 * `proposed` is never offered: a proposal is decided at the change board, not by hand.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ActionStatus } from '../../shared/schema/constants';
import type { Action } from '../../shared/schema/records';
import { needsResolution, WORK_STATUSES } from './action-model';
import { ACTION_STATUS_LABELS, capitalise } from './format';

export interface StatusFieldProps {
  /** Prefix of the element ids, unique on the page ("action", or one per row in a list). */
  id: string;
  action: Pick<Action, 'status' | 'resolution' | 'title'>;
  disabled: boolean;
  busy: boolean;
  /** In a list row: the label is hidden and names the action ("Status of Fix the coupon crash"). */
  compact?: boolean;
  onChange(status: ActionStatus, resolution?: string): Promise<boolean>;
}

export function StatusField({ id, action, disabled, busy, compact, onChange }: StatusFieldProps) {
  const [closing, setClosing] = useState<ActionStatus | null>(null);
  const [resolution, setResolution] = useState('');
  const note = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => { if (closing) note.current?.focus(); }, [closing]);
  const choose = (status: ActionStatus) => {
    if (needsResolution(status) && status !== action.status) {
      setClosing(status);
      return;
    }
    setClosing(null);
    if (status !== action.status) void onChange(status);
  };
  const close = async (event: Event) => {
    event.preventDefault();
    if (closing && (await onChange(closing, resolution))) {
      setClosing(null);
      setResolution('');
    }
  };
  const words = closing === 'done' ? 'done' : "won't do";
  const label = compact ? `Status of ${action.title}` : 'Status';
  return (
    <div class={compact ? 'pp-status-field is-compact' : 'pp-status-field'}>
      {!compact && <label class="pp-label" for={`${id}-status`}>{label}</label>}
      <select id={`${id}-status`} aria-label={compact ? label : undefined} value={closing ?? action.status} disabled={disabled} onChange={(e) => choose(e.currentTarget.value as ActionStatus)}>
        {WORK_STATUSES.map((s) => <option key={s} value={s}>{capitalise(ACTION_STATUS_LABELS[s])}</option>)}
      </select>
      {closing && (
        <form class="pp-resolution-form" aria-label={compact ? `Mark “${action.title}” ${words}` : `Mark it ${words}`} onSubmit={close}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setClosing(null); } }}>
          <label class="pp-label" for={`${id}-resolution`}>Resolution</label>
          <textarea id={`${id}-resolution`} ref={note} rows={2} maxLength={2000} aria-required="true" aria-describedby={`${id}-resolution-hint`}
            value={resolution} onInput={(e) => setResolution(e.currentTarget.value)} />
          <p id={`${id}-resolution-hint`} class="cl-muted pp-small-text">
            Required to mark it {words}: {closing === 'done' ? 'what was done' : 'why not'}. The team sees it in the history.
          </p>
          <div class="pp-row-end">
            <button type="button" onClick={() => setClosing(null)}>Cancel</button>
            <button type="submit" class="primary" disabled={busy}>Mark {words}</button>
          </div>
        </form>
      )}
      {!compact && !closing && action.resolution && <p class="pp-resolution"><strong>Resolution:</strong> {action.resolution}</p>}
    </div>
  );
}
