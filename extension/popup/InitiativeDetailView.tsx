/**
 * @module An initiative's page (`#initiative/<id>`): what it is for (objective, definition of done,
 * horizon, status, sponsor, business case), its progress, the actions it groups, and its history.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { localCalendarDate } from '../../shared/util/dates';
import { ActionLine } from './ActionLine';
import { DetailBar } from './DetailBar';
import { HistoryList } from './HistoryList';
import { InitiativeFacts } from './InitiativeFacts';
import { InitiativeForm } from './InitiativeForm';
import { createInitiativeModel } from './initiatives-model';
import { useEscapeGoesBack } from './keys';
import { Notices } from './Notices';
import type { PopupModel } from './popup-model';
import { ProgressBar } from './ProgressBar';
import { backWords } from './router-model';

export function InitiativeDetailView({ app, id, active }: { app: PopupModel; id: string; active: boolean }) {
  const model = useMemo(() => createInitiativeModel(app.hub, id, app.context), [id]);
  useEffect(() => () => model.dispose(), [model]);
  const [editing, setEditing] = useState(false);
  useEscapeGoesBack(app.router.back, active && !editing);
  const detail = model.detail.value;
  const readOnly = app.status.value?.me?.role === 'viewer';
  const now = app.env.now();
  const today = localCalendarDate(now);
  const back = backWords(app.router.previous.value);
  const initiative = detail?.initiative;
  const nameOf = (member: string | null) => app.memberName(member);
  return (
    <article class="pp-detail" aria-labelledby="initiative-heading">
      <DetailBar headingId="initiative-heading" heading={initiative ? `${initiative.code} ${initiative.title}` : 'Initiative'}
        backLabel={back.label} backText={back.text} onBack={app.router.back}>
        {initiative && <button type="button" class="pp-small" disabled={readOnly} onClick={() => { model.error.value = null; setEditing(true); }}>Edit</button>}
      </DetailBar>
      <div class="pp-detail-body">
        {detail === undefined && <p class="pp-empty" role="status">Loading…</p>}
        {detail === null && <p class="pp-empty" role="status">This initiative is not in the workspace any more.</p>}
        {detail && initiative && (
          <>
            {!editing && <Notices error={model.error.value} notice={model.notice.value} />}
            <ProgressBar progress={detail.progress} label={`Progress of ${initiative.code}`} />
            <InitiativeFacts initiative={initiative} nameOf={nameOf} />
            <section class="pp-section" aria-labelledby="initiative-actions-heading">
              <h3 id="initiative-actions-heading">Actions <span class="pp-count">{detail.actions.length}</span></h3>
              {detail.actions.length === 0
                ? <p class="cl-muted">No actions yet. Place one here from its page, or when the change board accepts a proposal.</p>
                : (
                  <ul class="pp-lines" aria-labelledby="initiative-actions-heading">
                    {detail.actions.map((a) => <ActionLine key={a.id} action={a} owner={nameOf(a.assignee)} today={today} now={now} onOpen={model.openAction} />)}
                  </ul>
                )}
            </section>
            <HistoryList id="initiative-history" entries={detail.history} nameOf={nameOf} now={now} />
            {editing && (
              <InitiativeForm initiative={initiative} members={app.members.value} me={app.me()} busy={model.busy.value} error={model.error.value}
                onSave={model.edit} onClose={() => setEditing(false)} />
            )}
          </>
        )}
      </div>
    </article>
  );
}
