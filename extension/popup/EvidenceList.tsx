/** @module The captures an action is based on: each quote, where it came from, a way to open it and to unlink it. */
import type { Capture } from '../../shared/schema/records';
import { quoteStart, ratingText, relativeAge, sourceLabel } from './format';

export interface EvidenceListProps {
  captures: Capture[];
  disabled: boolean;
  now: number;
  onOpen(captureId: string): void;
  onUnlink(captureId: string): void;
}

export function EvidenceList({ captures, disabled, now, onOpen, onUnlink }: EvidenceListProps) {
  return (
    <section class="pp-section" aria-labelledby="evidence-heading">
      <h3 id="evidence-heading">Evidence <span class="pp-count">{captures.length}</span></h3>
      {captures.length === 0 ? <p class="cl-muted">No captures linked. Link some from a capture’s “Link to action”.</p> : (
        <ul class="pp-evidence">
          {captures.map((capture) => (
            <li key={capture.id}>
              <blockquote class="pp-quote pp-quote-small">{capture.text}</blockquote>
              <div class="pp-evidence-foot">
                <span class="pp-meta">
                  {[ratingText(capture), sourceLabel(capture), capture.source.author, relativeAge(capture.capturedAt, now)].filter(Boolean).join(' · ')}
                </span>
                <button type="button" class="pp-small" aria-label={`Open capture ${quoteStart(capture.text)}`} onClick={() => onOpen(capture.id)}>Open</button>
                <button type="button" class="pp-small" aria-label={`Unlink ${quoteStart(capture.text)}`} disabled={disabled}
                  onClick={() => onUnlink(capture.id)}>Unlink</button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
