/**
 * @module What a highlight says about its capture when hovered or focused: its status and the
 * actions it is evidence for (status, owner, due date), with a way to open it in Closeloop.
 * Shown in our shadow root, which is open: a page script can read it while it is shown.
 */
import { ACTION_STATUS_LABELS, quoteStart } from '../../popup/format';
import { sourceCheckWords } from '../../popup/source-words';
import type { PageCapture } from '../../messaging/protocol';
import { formatDate } from '../format';
import type { TrustCheck } from '../trust';

export interface HighlightCardProps {
  capture: PageCapture;
  spot: { left: number; top: number };
  isTrusted: TrustCheck;
  onOpen(id: string): void;
  onEnter(): void;
  onLeave(): void;
}

const CAPTURE_STATUS_WORDS = { new: 'New — not triaged yet', triaged: 'Triaged', archived: 'Archived' } as const;

export function HighlightCard({ capture, spot, isTrusted, onOpen, onEnter, onLeave }: HighlightCardProps) {
  return (
    <div class="cl-hl-card" role="dialog" aria-label="Captured feedback" style={{ left: `${spot.left}px`, top: `${spot.top}px` }}
      onMouseEnter={onEnter} onMouseLeave={onLeave}>
      <p class="cl-hl-title">Captured feedback · {CAPTURE_STATUS_WORDS[capture.status]}</p>
      <p class="cl-hl-quote">“{quoteStart(capture.text, 10)}”</p>
      {capture.sourceCheck && capture.sourceCheck.state !== 'found' && <p class="cl-hl-check">{sourceCheckWords(capture)}</p>}
      {capture.actions.length === 0
        ? <p class="cl-muted">No action yet.</p>
        : (
          <ul class="cl-hl-actions" aria-label="Actions">
            {capture.actions.map((a) => (
              <li key={a.id}>
                <span class="cl-hl-action">{a.title}</span>
                <span class="cl-muted"> — {ACTION_STATUS_LABELS[a.status]}</span>
                <span class="cl-muted">{a.owner ? ` · Owner: ${a.owner}` : ' · No owner'}</span>
                {a.dueDate && <span class="cl-muted"> · Due {formatDate(a.dueDate)}</span>}
              </li>
            ))}
          </ul>
        )}
      <button type="button" class="cl-primary" onClick={(e) => { if (isTrusted(e)) onOpen(capture.id); }}>Open in Closeloop</button>
    </div>
  );
}
