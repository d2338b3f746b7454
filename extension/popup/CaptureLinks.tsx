/**
 * @module A capture's actions: the ones it is evidence for (open, unlink), creating a new one from
 * it, and linking it to an existing one — similar open actions suggested first, then a search.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { CaptureDetail } from '../messaging/protocol';
import { ActionPicker } from './ActionPicker';
import type { CaptureModel } from './capture-model';
import { ACTION_STATUS_LABELS, titleFromQuote } from './format';

export function CaptureLinks({ model, detail, readOnly }: { model: CaptureModel; detail: CaptureDetail; readOnly: boolean }) {
  const [creating, setCreating] = useState(false);
  const linked = new Set(detail.actions.map((a) => a.id));
  const results = model.linkResults.value?.filter((a) => !linked.has(a.id));
  const busy = model.busy.value || readOnly;
  return (
    <section class="pp-section" aria-labelledby="capture-actions-heading">
      <div class="pp-section-head">
        <h3 id="capture-actions-heading">Actions</h3>
        {!creating && <button type="button" class="primary pp-small" disabled={readOnly} onClick={() => setCreating(true)}>Create action</button>}
      </div>
      {creating && <CreateActionForm initial={titleFromQuote(detail.capture.text)} busy={busy}
        onCreate={(title) => model.createAction(title)} onCancel={() => setCreating(false)} />}
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

interface CreateActionFormProps {
  initial: string;
  busy: boolean;
  onCreate(title: string): Promise<string | null>;
  onCancel(): void;
}

function CreateActionForm({ initial, busy, onCreate, onCancel }: CreateActionFormProps) {
  const [title, setTitle] = useState(initial);
  const input = useRef<HTMLInputElement>(null);
  useLayoutEffect(() => { input.current?.focus(); input.current?.select(); }, []);
  return (
    <form class="pp-prompt" aria-label="New action" onSubmit={(e) => { e.preventDefault(); if (title.trim()) void onCreate(title.trim()); }}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.preventDefault(); e.stopPropagation(); onCancel(); } }}>
      <label class="pp-label" for="new-action-title">Action title</label>
      <div class="pp-prompt-row">
        <input ref={input} id="new-action-title" type="text" maxLength={200} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
        <button type="submit" class="primary" disabled={busy || !title.trim()}>Create</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
