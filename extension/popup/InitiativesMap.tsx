/**
 * @module The transformation map: initiatives by horizon (Short, Mid and Long term), each with its
 * code, title, status, sponsor and progress bar; and a way to create one.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { HORIZONS } from '../../shared/schema/constants';
import { plural } from './format';
import { InitiativeCard } from './InitiativeCard';
import { InitiativeForm } from './InitiativeForm';
import { HORIZON_NAMES } from './initiative-words';
import type { InitiativesModel } from './initiatives-model';
import { Notices } from './Notices';
import type { PopupModel } from './popup-model';

export function InitiativesMap({ app, model, hidden }: { app: PopupModel; model: InitiativesModel; hidden: boolean }) {
  const [creating, setCreating] = useState(false);
  const view = model.view.value;
  useLayoutEffect(() => { if (view) model.painted(); }, [view !== undefined]);
  const members = app.members.value;
  const readOnly = app.status.value?.me?.role === 'viewer';
  return (
    <div class="pp-scroll" hidden={hidden}>
      <div class="pp-map-head">
        <h2 class="pp-view-heading">Transformation map</h2>
        <button type="button" class="primary pp-small" disabled={readOnly} onClick={() => { model.error.value = null; setCreating(true); }}>New initiative</button>
      </div>
      {!creating && <Notices error={model.error.value} notice={model.notice.value} />}
      {!view ? (model.queryError.value ? <p class="cl-alert pp-alert" role="alert">{model.queryError.value.message}</p> : <p class="pp-empty" role="status">Loading initiatives…</p>)
        : view.total === 0 ? (
          <div class="pp-empty">
            <p><strong>No initiatives yet.</strong></p>
            <p class="cl-muted">An initiative groups actions with an objective, a business case and a sponsor. Create one, or make one when the change board accepts a proposal.</p>
          </div>
        ) : (
          <div class="pp-map">
            {HORIZONS.map((horizon) => (
              <section key={horizon} class="pp-horizon" aria-labelledby={`horizon-${horizon}`}>
                <h3 id={`horizon-${horizon}`}>{HORIZON_NAMES[horizon]} <span class="pp-count">{view.map[horizon].length}</span></h3>
                {view.map[horizon].length === 0 ? <p class="cl-muted pp-small-text">Nothing planned here.</p> : (
                  <ul class="pp-initiatives" aria-labelledby={`horizon-${horizon}`}>
                    {view.map[horizon].map((s) => (
                      <InitiativeCard key={s.initiative.id} summary={s} sponsor={members.find((m) => m.id === s.initiative.sponsor)} onOpen={model.open} />
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        )}
      {view && view.total > 0 && <p class="cl-muted pp-small-text pp-map-foot">{plural(view.total, 'initiative')}</p>}
      {creating && (
        <InitiativeForm members={members} me={app.me()} busy={model.busy.value} error={model.error.value}
          onSave={(fields) => model.create(fields).then((id) => id !== null)} onClose={() => setCreating(false)} />
      )}
    </div>
  );
}
