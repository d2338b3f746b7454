/**
 * @module Following up with the customer who wrote the feedback — tracked apart from the fix:
 * no reply needed, reply needed, or replied (with a link to the reply).
 */
import { useEffect, useState } from 'preact/hooks';
import { LOOP_STATES } from '../../shared/schema/constants';
import type { Capture } from '../../shared/schema/records';
import type { CaptureModel } from './capture-model';
import { LOOP_LABELS, relativeAge } from './format';

export interface CustomerLoopProps {
  model: CaptureModel;
  capture: Capture;
  readOnly: boolean;
  nameOf(id: string): string;
  now: number;
}

export function CustomerLoop({ model, capture, readOnly, nameOf, now }: CustomerLoopProps) {
  const { loop } = capture;
  const [url, setUrl] = useState(loop.replyUrl ?? '');
  useEffect(() => setUrl(loop.replyUrl ?? ''), [loop.replyUrl]);
  const busy = model.busy.value || readOnly;
  return (
    <section class="pp-section" aria-labelledby="loop-heading">
      <h3 id="loop-heading">Customer follow-up</h3>
      <fieldset class="pp-segmented pp-loop" disabled={busy}>
        <legend class="cl-visually-hidden">Customer follow-up</legend>
        {LOOP_STATES.map((state) => (
          <label key={state} class={loop.state === state ? 'is-on' : ''}>
            <input type="radio" name={`loop-${capture.id}`} value={state} checked={loop.state === state}
              onChange={() => void model.setLoop(state, state === 'replied' ? url : undefined)} />
            {LOOP_LABELS[state]}
          </label>
        ))}
      </fieldset>
      {loop.state === 'replied' && (
        <form class="pp-inline-form" onSubmit={(e) => { e.preventDefault(); void model.setLoop('replied', url); }}>
          <input type="url" aria-label="Link to the reply" placeholder="Link to the reply (https://…)" value={url}
            onInput={(e) => setUrl(e.currentTarget.value)} disabled={readOnly} />
          <button type="submit" disabled={busy || url.trim() === (loop.replyUrl ?? '')}>Save link</button>
        </form>
      )}
      {loop.state === 'replied' && loop.replyUrl && (
        <p><a href={loop.replyUrl} target="_blank" rel="noopener noreferrer">Open the reply</a></p>
      )}
      {loop.updatedBy && loop.updatedAt && (
        <p class="cl-muted pp-small-text">Set by {nameOf(loop.updatedBy)}, {relativeAge(loop.updatedAt, now)}</p>
      )}
    </section>
  );
}
