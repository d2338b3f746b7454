/**
 * @module Following up with the customer who wrote the feedback — tracked apart from the fix:
 * no reply needed, reply needed, or replied, with the reply itself (where, what, link, who, when).
 */
import { LOOP_STATES } from '../../shared/schema/constants';
import type { Capture } from '../../shared/schema/records';
import type { CaptureModel } from './capture-model';
import { LOOP_LABELS, relativeAge } from './format';
import { REPLY_CHANNEL_LABELS, ReplyForm } from './ReplyForm';

export interface CustomerLoopProps {
  model: CaptureModel;
  capture: Capture;
  readOnly: boolean;
  nameOf(id: string): string;
  now: number;
}

export function CustomerLoop({ model, capture, readOnly, nameOf, now }: CustomerLoopProps) {
  const { loop } = capture;
  const reply = loop.reply;
  const busy = model.busy.value || readOnly;
  return (
    <section class="pp-section" aria-labelledby="loop-heading">
      <h3 id="loop-heading">Customer follow-up</h3>
      <fieldset class="pp-segmented pp-loop" disabled={busy}>
        <legend class="cl-visually-hidden">Customer follow-up</legend>
        {LOOP_STATES.map((state) => (
          <label key={state} class={loop.state === state ? 'is-on' : ''}>
            <input type="radio" name={`loop-${capture.id}`} value={state} checked={loop.state === state}
              onChange={() => void model.setLoop(state, state === 'replied' ? { url: loop.replyUrl ?? '' } : undefined)} />
            {LOOP_LABELS[state]}
          </label>
        ))}
      </fieldset>
      {loop.state === 'replied' && (
        <>
          {reply && (reply.text || reply.where) && (
            <p class="pp-reply-said">
              {reply.where ? `${REPLY_CHANNEL_LABELS[reply.where]}: ` : ''}{reply.text ? `“${reply.text}”` : 'no text recorded'}
            </p>
          )}
          {loop.replyUrl && <p><a href={loop.replyUrl} target="_blank" rel="noopener noreferrer">Open the reply</a></p>}
          <ReplyForm reply={reply} disabled={busy}
            onSave={(saved) => void model.setLoop('replied', saved)} />
        </>
      )}
      {loop.updatedBy && loop.updatedAt && (
        <p class="cl-muted pp-small-text">
          {loop.state === 'replied' && reply?.by ? `Replied by ${nameOf(reply.by)}` : `Set by ${nameOf(loop.updatedBy)}`}, {relativeAge(loop.updatedAt, now)}
        </p>
      )}
    </section>
  );
}
