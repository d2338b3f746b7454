/**
 * @module Creating or editing an initiative, in a dialog: title, horizon, status, sponsor, objective,
 * definition of done, and the business case (cost and expected benefit in words, each with an
 * optional amount). The code (CX-7) is given by the workspace when it is created.
 */
import { useState } from 'preact/hooks';
import type { InitiativeFields } from '../../shared/mutations/initiatives';
import { HORIZONS, INITIATIVE_STATUSES, LIMITS, type Horizon, type InitiativeStatus } from '../../shared/schema/constants';
import type { Initiative, Member } from '../../shared/schema/records';
import { Dialog } from './Dialog';
import { HORIZON_NAMES, INITIATIVE_STATUS_NAMES } from './initiative-words';
import { OwnerSelect } from './OwnerSelect';

export interface InitiativeFormProps {
  /** Absent when creating one. */
  initiative?: Initiative;
  members: Member[];
  me: string | null;
  busy: boolean;
  error: string | null;
  /** Resolves true when saved. */
  onSave(fields: InitiativeFields): Promise<boolean>;
  onClose(): void;
}

type Draft = Required<Omit<InitiativeFields, 'costAmount' | 'benefitAmount'>> & { costAmount: string; benefitAmount: string };

const amountText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function parseAmount(text: string): number | null | 'bad' {
  if (!text.trim()) return null;
  const n = Number(text.replace(/[\s,]/g, ''));
  return Number.isFinite(n) && n >= 0 && n <= LIMITS.amount ? n : 'bad';
}

export function InitiativeForm({ initiative, members, me, busy, error, onSave, onClose }: InitiativeFormProps) {
  const [draft, setDraft] = useState<Draft>(() => ({
    title: initiative?.title ?? '', objective: initiative?.objective ?? '', definitionOfDone: initiative?.definitionOfDone ?? '',
    horizon: initiative?.horizon ?? 'short', status: initiative?.status ?? 'planned', sponsor: initiative?.sponsor ?? null,
    costText: initiative?.costText ?? '', benefitText: initiative?.benefitText ?? '',
    costAmount: amountText(initiative?.costAmount), benefitAmount: amountText(initiative?.benefitAmount),
  }));
  const [problem, setProblem] = useState<string | null>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => { setDraft((d) => ({ ...d, [key]: value })); setProblem(null); };
  const submit = async (event: Event) => {
    event.preventDefault();
    const costAmount = parseAmount(draft.costAmount);
    const benefitAmount = parseAmount(draft.benefitAmount);
    if (!draft.title.trim()) return setProblem('Give the initiative a title.');
    if (costAmount === 'bad' || benefitAmount === 'bad') return setProblem(`Amounts are numbers from 0 to ${LIMITS.amount.toLocaleString('en')}, or left empty.`);
    if (await onSave({ ...draft, title: draft.title.trim(), costAmount, benefitAmount })) onClose();
  };
  const text = (key: 'objective' | 'definitionOfDone' | 'costText' | 'benefitText', label: string, rows = 2) => (
    <>
      <label class="pp-label" for={`initiative-${key}`}>{label}</label>
      <textarea id={`initiative-${key}`} rows={rows} maxLength={LIMITS.initiativeText} value={draft[key]} onInput={(e) => set(key, e.currentTarget.value)} />
    </>
  );
  const amount = (key: 'costAmount' | 'benefitAmount', label: string) => (
    <>
      <label class="pp-label" for={`initiative-${key}`}>{label}</label>
      <input id={`initiative-${key}`} type="text" inputMode="decimal" placeholder="Optional" value={draft[key]} onInput={(e) => set(key, e.currentTarget.value)} />
    </>
  );
  return (
    <Dialog id="initiative-form" title={initiative ? `Edit ${initiative.code}` : 'New initiative'} onClose={onClose}>
      <form onSubmit={submit} noValidate class="pp-initiative-form">
        {!initiative && <p class="cl-muted pp-small-text">Its code (CX-…) is given in order when you create it.</p>}
        <label class="pp-label" for="initiative-title">Title</label>
        <input id="initiative-title" type="text" required aria-required="true" maxLength={LIMITS.initiativeTitle} value={draft.title}
          onInput={(e) => set('title', e.currentTarget.value)} />
        <div class="pp-field-grid">
          <div class="pp-field">
            <label class="pp-label" for="initiative-horizon">Horizon</label>
            <select id="initiative-horizon" value={draft.horizon} onChange={(e) => set('horizon', e.currentTarget.value as Horizon)}>
              {HORIZONS.map((h) => <option key={h} value={h}>{HORIZON_NAMES[h]}</option>)}
            </select>
          </div>
          <div class="pp-field">
            <label class="pp-label" for="initiative-status">Status</label>
            <select id="initiative-status" value={draft.status} onChange={(e) => set('status', e.currentTarget.value as InitiativeStatus)}>
              {INITIATIVE_STATUSES.map((s) => <option key={s} value={s}>{INITIATIVE_STATUS_NAMES[s]}</option>)}
            </select>
          </div>
        </div>
        <OwnerSelect id="initiative-sponsor" label="Sponsor" value={draft.sponsor} members={members} me={me} none="No sponsor"
          onChange={(id) => set('sponsor', id)} />
        {text('objective', 'Objective')}
        {text('definitionOfDone', 'Definition of done')}
        <fieldset class="pp-business-case">
          <legend class="pp-label">Business case</legend>
          <div class="pp-field-grid pp-case-grid">
            <div class="pp-field">{text('costText', 'Cost', 2)}</div>
            <div class="pp-field">{amount('costAmount', 'Cost amount')}</div>
            <div class="pp-field">{text('benefitText', 'Expected benefit', 2)}</div>
            <div class="pp-field">{amount('benefitAmount', 'Benefit amount')}</div>
          </div>
        </fieldset>
        {(problem ?? error) && <p class="cl-alert" role="alert">{problem ?? error}</p>}
        <div class="pp-row-end">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" class="primary" disabled={busy}>{initiative ? 'Save' : 'Create initiative'}</button>
        </div>
      </form>
    </Dialog>
  );
}
