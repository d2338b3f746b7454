/**
 * @module The team already has captures like this one: which, and which actions they feed, with
 * one click to save this one as evidence for such an action instead of starting another thread.
 */
import type { SimilarCapture } from '../../messaging/protocol';
import { ACTION_STATUS_LABELS } from '../../popup/format';
import { formatDate } from '../format';
import type { TrustCheck } from '../trust';

export interface SimilarNoticeProps {
  similar: readonly SimilarCapture[];
  disabled: boolean;
  isTrusted: TrustCheck;
  onSaveAsEvidence(actionId: string): void;
}

export function SimilarNotice({ similar, disabled, isTrusted, onSaveAsEvidence }: SimilarNoticeProps) {
  if (similar.length === 0) return null;
  // Each action once, however many similar captures feed it.
  const actions = [...new Map(similar.flatMap((s) => s.actions).map((a) => [a.id, a])).values()];
  return (
    <section class="cl-notice cl-notice-info cl-similar" aria-label="Similar captures">
      <p class="cl-similar-title">
        The team has {similar.length === 1 ? 'a capture' : `${similar.length} captures`} like this one
        {actions.length > 0 ? `, feeding ${actions.length === 1 ? 'an action' : `${actions.length} actions`}` : ', with no action yet'}.
      </p>
      <ul class="cl-similar-list">
        {similar.map((s) => (
          <li key={s.id}>
            <q>{s.excerpt}</q>
            <span class="cl-muted"> · {s.site}{s.capturedAt ? `, ${formatDate(s.capturedAt)}` : ''}</span>
          </li>
        ))}
      </ul>
      {actions.map((a) => (
        <button key={a.id} type="button" disabled={disabled} onClick={(e) => { if (isTrusted(e)) onSaveAsEvidence(a.id); }}>
          Save as evidence for “{a.title}” ({ACTION_STATUS_LABELS[a.status]})
        </button>
      ))}
    </section>
  );
}
