/**
 * @module The capture dialog: the quote and what was found about it, a note, tags, sentiment and
 * channel, then Save. Enter saves from anywhere but the note (Ctrl/Cmd+Enter there) and buttons,
 * so "shortcut, Enter" is a whole capture. Only trusted key presses and clicks save.
 */
import { useId } from 'preact/hooks';
import { CHANNELS, LIMITS, SENTIMENTS, type Channel, type Sentiment } from '../../../shared/schema/constants';
import type { CaptureModel } from '../capture-model';
import type { TrustCheck } from '../trust';
import { AccessNotice } from './AccessNotice';
import { DialogFrame } from './DialogFrame';
import { DuplicateNotice } from './DuplicateNotice';
import { HealthNotice } from './HealthNotice';
import { PersonalDataNotice } from './PersonalDataNotice';
import { QuoteBlock } from './QuoteBlock';
import { SimilarNotice } from './SimilarNotice';
import { SourceDetails } from './SourceDetails';
import { TagInput } from './TagInput';
import { CHANNEL_LABELS, SENTIMENT_LABELS } from '../../ui/words';

export interface CaptureDialogProps {
  model: CaptureModel;
  isTrusted: TrustCheck;
  onClose(): void;
  onExpand?(expander: Element): void;
  onWholeWords?(range: Range): void;
}


/** Elements where a plain Enter means something else: a new line, or pressing that button or link. */
const OWN_ENTER = new Set(['textarea', 'button', 'a']);

export function CaptureDialog({ model, isTrusted, onClose, onExpand, onWholeWords }: CaptureDialogProps) {
  const id = useId();
  const { draft } = model;
  const phase = model.phase.value;
  const busy = phase !== 'editing';
  const duplicate = model.duplicate.value;
  const redacting = model.redaction.value;

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.defaultPrevented || event.isComposing) return;
    const modified = event.ctrlKey || event.metaKey;
    if (!modified && OWN_ENTER.has((event.target as Element).localName)) return;
    event.preventDefault();
    if (isTrusted(event)) void model.save();
  };

  return (
    <DialogFrame labelledBy={`${id}-title`} onCancel={onClose} initialFocus='input[role="combobox"]'>
      <div class="cl-body" onKeyDown={onKeyDown}>
        <h2 id={`${id}-title`} class="cl-title">Capture feedback</h2>
        <QuoteBlock id={`${id}-quote`} text={draft.text} selectedLength={draft.selectedLength}
          findings={redacting ? draft.personal : []} kept={model.kept.value} />
        {redacting && (
          <PersonalDataNotice findings={draft.personal} kept={model.kept.value} disabled={busy} isTrusted={isTrusted}
            onToggle={model.toggleKept} />
        )}
        <SourceDetails source={draft.source} />
        <HealthNotice warnings={draft.health} disabled={busy} isTrusted={isTrusted}
          {...(onExpand ? { onExpand } : {})} {...(onWholeWords ? { onWholeWords } : {})} />
        <AccessNotice access={model.access.value} isTrusted={isTrusted} onOpenOptions={() => void model.openOptions()} />
        {!duplicate && (
          <SimilarNotice similar={model.similar.value ?? []} disabled={!model.canSave.value} isTrusted={isTrusted}
            onSaveAsEvidence={(actionId) => void model.save({ linkTo: actionId })} />
        )}
        {duplicate && (
          <DuplicateNotice capturedAt={duplicate.capturedAt} disabled={!model.canSave.value} isTrusted={isTrusted}
            onSaveAnyway={() => void model.save({ allowDuplicate: true })} />
        )}
        <div class="cl-field">
          <label for={`${id}-note`}>Note</label>
          <textarea id={`${id}-note`} rows={3} maxLength={LIMITS.note} value={model.note.value} disabled={busy}
            onInput={(e) => { model.note.value = e.currentTarget.value; }} />
        </div>
        <TagInput tags={model.tags.value} text={model.tagText.value} known={model.context.value?.tags ?? []}
          problem={model.tagProblem.value} disabled={busy}
          onText={(text) => { model.tagText.value = text; }} onAdd={model.addTag} onRemove={model.removeTag} />
        <div class="cl-pair">
          <div class="cl-field">
            <label for={`${id}-sentiment`}>Sentiment</label>
            <select id={`${id}-sentiment`} value={model.sentiment.value ?? ''} disabled={busy}
              onChange={(e) => { model.sentiment.value = (e.currentTarget.value || null) as Sentiment | null; }}>
              <option value="">Not set</option>
              {SENTIMENTS.map((s) => <option key={s} value={s}>{SENTIMENT_LABELS[s]}</option>)}
            </select>
          </div>
          <div class="cl-field">
            <label for={`${id}-channel`}>Channel</label>
            <select id={`${id}-channel`} value={model.channel.value} disabled={busy}
              onChange={(e) => { model.channel.value = e.currentTarget.value as Channel; }}>
              {CHANNELS.map((c) => <option key={c} value={c}>{CHANNEL_LABELS[c]}</option>)}
            </select>
          </div>
        </div>
        {model.error.value && <p class="cl-error" role="alert">{model.error.value}</p>}
        {/* Always present, so the confirmation is announced when it appears. */}
        <p class="cl-saved" role="status">{model.confirmation.value}</p>
        <div class="cl-actions">
          <p class="cl-hint">Enter saves (Ctrl+Enter in the note) · Esc cancels</p>
          <button type="button" onClick={onClose}>{phase === 'saved' ? 'Close' : 'Cancel'}</button>
          <button type="button" class="cl-primary" disabled={!model.canSave.value} aria-busy={phase === 'saving'}
            onClick={(e) => { if (isTrusted(e)) void model.save(); }}>Save</button>
        </div>
      </div>
    </DialogFrame>
  );
}
