/** @module Triage fields of a capture: the note (saved on blur or with its button), tags and sentiment. */
import { useEffect, useState } from 'preact/hooks';
import { SENTIMENTS, type Sentiment } from '../../shared/schema/constants';
import type { Capture } from '../../shared/schema/records';
import type { CaptureModel } from './capture-model';
import { SENTIMENT_LABELS } from './format';
import { TagEditor } from './TagEditor';

export function CaptureTriage({ model, capture, readOnly }: { model: CaptureModel; capture: Capture; readOnly: boolean }) {
  const [note, setNote] = useState(capture.note);
  // Someone else's edit replaces the field only while this person is not changing it.
  const [saved, setSaved] = useState(capture.note);
  useEffect(() => {
    if (note === saved) setNote(capture.note);
    setSaved(capture.note);
  }, [capture.note]);
  const saveNote = async () => {
    if (note === saved) return;
    if (await model.saveNote(note)) setSaved(note);
  };
  const busy = model.busy.value || readOnly;
  return (
    <section class="pp-section" aria-labelledby="triage-heading">
      <h3 id="triage-heading">Triage</h3>
      <label class="pp-label" for="capture-note">Note</label>
      <textarea id="capture-note" rows={2} maxLength={5000} value={note} disabled={readOnly}
        placeholder="What does this tell us?" onInput={(e) => setNote(e.currentTarget.value)} onBlur={() => void saveNote()} />
      {note !== saved && (
        <div class="pp-row-end"><button type="button" onClick={() => void saveNote()} disabled={busy}>Save note</button></div>
      )}
      <TagEditor tags={capture.tags} disabled={busy} onAdd={model.addTag} onRemove={(tag) => void model.removeTag(tag)} />
      <label class="pp-label" for="capture-sentiment">Sentiment</label>
      <select id="capture-sentiment" value={capture.sentiment ?? ''} disabled={busy}
        onChange={(e) => void model.setSentiment((e.currentTarget.value || null) as Sentiment | null)}>
        <option value="">Not set</option>
        {SENTIMENTS.map((s) => <option key={s} value={s}>{SENTIMENT_LABELS[s]}</option>)}
      </select>
    </section>
  );
}
