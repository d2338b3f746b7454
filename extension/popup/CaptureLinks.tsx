/**
 * @module A capture's actions: the ones it is evidence for (open, unlink), creating a new one from
 * it or proposing it to the change board, and linking it to an existing one — similar open actions
 * suggested first, then a search.
 */
import { useState } from 'preact/hooks';
import type { CaptureDetail } from '../messaging/protocol';
import { ActionPicker } from './ActionPicker';
import type { CaptureModel } from './capture-model';
import { ACTION_STATUS_LABELS, titleFromQuote } from './format';
import { TitleForm } from './TitleForm';

const FORMS = {
  action: { name: 'New action', label: 'Action title', submit: 'Create', hint: undefined },
  proposal: { name: 'New proposal', label: 'Proposal title', submit: 'Propose', hint: 'The change board ranks it with the other proposals, then accepts or declines it.' },
} as const;

export function CaptureLinks({ model, detail, readOnly }: { model: CaptureModel; detail: CaptureDetail; readOnly: boolean }) {
  const [creating, setCreating] = useState<'action' | 'proposal' | null>(null);
  const linked = new Set(detail.actions.map((a) => a.id));
  const results = model.linkResults.value?.filter((a) => !linked.has(a.id));
  const busy = model.busy.value || readOnly;
  return (
    <section class="pp-section" aria-labelledby="capture-actions-heading">
      <div class="pp-section-head">
        <h3 id="capture-actions-heading">Actions</h3>
        {!creating && (
          <span class="pp-head-buttons">
            <button type="button" class="pp-small" disabled={readOnly} onClick={() => setCreating('proposal')}>Propose to the change board</button>
            <button type="button" class="primary pp-small" disabled={readOnly} onClick={() => setCreating('action')}>Create action</button>
          </span>
        )}
      </div>
      {creating && <TitleForm key={creating} id="new-action-title" {...FORMS[creating]} initial={titleFromQuote(detail.capture.text)} busy={busy}
        onSubmit={(title) => model.createAction(title, creating === 'proposal')} onCancel={() => setCreating(null)} />}
      {detail.actions.length === 0 ? <p class="cl-muted">Not evidence for any action yet.</p> : (
        <ul class="pp-linked" aria-label="Linked actions">
          {detail.actions.map((action) => (
            <li key={action.id}>
              <button type="button" class="pp-link-button" onClick={() => model.openAction(action.id)}>{action.title}</button>
              <span class={`pp-status is-${action.status}`}>{ACTION_STATUS_LABELS[action.status]}</span>
              <button type="button" class="pp-small" aria-label={`Unlink ${action.title}`} disabled={busy}
                onClick={() => void model.unlink(action.id)}>Unlink</button>
            </li>
          ))}
        </ul>
      )}
      <h4 class="pp-subheading">Link to action</h4>
      {detail.suggestions.length > 0 && (
        <>
          <p class="pp-label" id="suggested-label">Suggested</p>
          <ActionPicker label="Suggested" items={detail.suggestions} disabled={busy}
            onLink={(id) => void model.link(id)} onOpen={model.openAction} />
        </>
      )}
      <input type="search" aria-label="Search open actions" placeholder="Search open actions" value={model.linkSearch.value}
        onInput={(e) => model.searchActions(e.currentTarget.value)} />
      {results && (results.length > 0
        ? <ActionPicker label="Matching actions" items={results.map((action) => ({ action }))} disabled={busy}
            onLink={(id) => void model.link(id)} onOpen={model.openAction} />
        : <p class="cl-muted">No other open action matches.</p>)}
    </section>
  );
}
