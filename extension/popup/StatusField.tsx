/**
 * @module An action's status. Open, in progress and blocked apply at once; done and won't do ask
 * first for the resolution, which is sent together with the status (the hub refuses one without it).
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ACTION_STATUSES, type ActionStatus } from '../../shared/schema/constants';
import type { Action } from '../../shared/schema/records';
import { needsResolution, type ActionModel } from './action-model';
import { ACTION_STATUS_LABELS } from './format';

export function StatusField({ model, action, disabled }: { model: ActionModel; action: Action; disabled: boolean }) {
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
    if (status !== action.status) void model.setStatus(status);
  };
  const close = async (event: Event) => {
    event.preventDefault();
    if (closing && (await model.setStatus(closing, resolution))) {
      setClosing(null);
      setResolution('');
    }
  };
  const words = closing === 'done' ? 'done' : "won't do";
  return (
    <div class="pp-status-field">
      <label class="pp-label" for="action-status">Status</label>
      <select id="action-status" value={closing ?? action.status} disabled={disabled} onChange={(e) => choose(e.currentTarget.value as ActionStatus)}>
        {ACTION_STATUSES.map((s) => <option key={s} value={s}>{capitalise(ACTION_STATUS_LABELS[s])}</option>)}
      </select>
      {closing && (
        <form class="pp-resolution-form" aria-label={`Mark it ${words}`} onSubmit={close}
          onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); setClosing(null); } }}>
          <label class="pp-label" for="action-resolution">Resolution</label>
          <textarea id="action-resolution" ref={note} rows={2} maxLength={2000} aria-required="true" aria-describedby="resolution-hint"
            value={resolution} onInput={(e) => setResolution(e.currentTarget.value)} />
          <p id="resolution-hint" class="cl-muted pp-small-text">
            Required to mark it {words}: {closing === 'done' ? 'what was done' : 'why not'}. The team sees it in the history.
          </p>
          <div class="pp-row-end">
            <button type="button" onClick={() => setClosing(null)}>Cancel</button>
            <button type="submit" class="primary" disabled={model.busy.value}>Mark {words}</button>
          </div>
        </form>
      )}
      {!closing && action.resolution && <p class="pp-resolution"><strong>Resolution:</strong> {action.resolution}</p>}
    </div>
  );
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
