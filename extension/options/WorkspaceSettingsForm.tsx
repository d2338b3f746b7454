/** @module The workspace's own settings, shared by the whole team: escalation thresholds, the reply target, the board's cadence. */
import { useState } from 'preact/hooks';
import type { SettingsPatch } from '../../shared/mutations/settings';
import { BOARD_CADENCES, WORKSPACE_SETTINGS, type BoardCadence, type NumericSettingName } from '../../shared/schema/constants';
import type { WorkspaceSettings } from '../../shared/schema/records';

const CADENCE_LABELS: Record<BoardCadence, string> = { weekly: 'Every week', biweekly: 'Every two weeks', monthly: 'Every month', quarterly: 'Every quarter' };

const NUMBERS: { name: NumericSettingName; label: string; unit: string }[] = [
  { name: 'escalationMinCaptures', label: 'A theme escalates at the huddle with at least', unit: 'captures' },
  { name: 'escalationWindowDays', label: 'counted over the last', unit: 'days' },
  { name: 'replyTargetDays', label: 'A customer waiting for a reply escalates after', unit: 'days' },
];

export interface WorkspaceSettingsFormProps {
  settings: WorkspaceSettings;
  /** Viewers see the settings but cannot change them. */
  canEdit: boolean;
  busy: boolean;
  onSave(patch: SettingsPatch): void;
}

export function WorkspaceSettingsForm({ settings, canEdit, busy, onSave }: WorkspaceSettingsFormProps) {
  const [draft, setDraft] = useState<Record<NumericSettingName, string>>(() => ({
    escalationMinCaptures: String(settings.escalationMinCaptures),
    escalationWindowDays: String(settings.escalationWindowDays),
    replyTargetDays: String(settings.replyTargetDays),
  }));
  const [cadence, setCadence] = useState<BoardCadence>(settings.boardCadence);
  const [next, setNext] = useState(settings.nextBoardDate ?? '');
  const submit = (event: Event) => {
    event.preventDefault();
    const patch: SettingsPatch = { boardCadence: cadence, nextBoardDate: next === '' ? null : next };
    for (const { name } of NUMBERS) patch[name] = Number(draft[name]);
    onSave(patch);
  };
  return (
    <section class="cl-card" aria-labelledby="workspace-settings-heading">
      <h2 id="workspace-settings-heading">Team cadence</h2>
      <p class="cl-muted">Shared by everyone in this workspace.</p>
      <form onSubmit={submit}>
        <fieldset class="cl-fieldset" disabled={!canEdit || busy}>
          <legend>Huddle escalations</legend>
          {NUMBERS.map(({ name, label, unit }) => (
            <div key={name} class="cl-row">
              <label for={`ws-${name}`}>{label}</label>
              <input id={`ws-${name}`} type="number" inputMode="numeric" required min={WORKSPACE_SETTINGS[name].min}
                max={WORKSPACE_SETTINGS[name].max} step={1} value={draft[name]} aria-describedby={`ws-${name}-unit`}
                onInput={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })} />
              <span id={`ws-${name}-unit`}>{unit}</span>
            </div>
          ))}
        </fieldset>
        <fieldset class="cl-fieldset" disabled={!canEdit || busy}>
          <legend>Change board</legend>
          <label class="cl-row">
            <span>Meets</span>
            <select value={cadence} onChange={(e) => setCadence(e.currentTarget.value as BoardCadence)}>
              {BOARD_CADENCES.map((c) => <option key={c} value={c}>{CADENCE_LABELS[c]}</option>)}
            </select>
          </label>
          <label class="cl-row">
            <span>Next board</span>
            <input type="date" value={next} onInput={(e) => setNext(e.currentTarget.value)} />
          </label>
        </fieldset>
        {canEdit && <button type="submit" disabled={busy}>Save team settings</button>}
        {!canEdit && <p class="cl-muted">Your invite is read-only: an editor can change these.</p>}
      </form>
    </section>
  );
}
