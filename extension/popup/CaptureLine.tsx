/** @module A capture in a short list (the Huddle's "New since last huddle"): the quote, where it came from, and Open. */
import type { Capture } from '../../shared/schema/records';
import { quoteStart, ratingText, relativeAge, sourceLabel } from './format';

export function CaptureLine({ capture, now, onOpen }: { capture: Capture; now: number; onOpen(id: string): void }) {
  return (
    <li class="pp-hrow pp-capture-line">
      <p class="pp-quote pp-quote-two">{capture.text}</p>
      <div class="pp-evidence-foot">
        <span class="pp-meta">
          {[ratingText(capture), sourceLabel(capture), capture.source.author, relativeAge(capture.capturedAt, now)].filter(Boolean).join(' · ')}
        </span>
        <button type="button" class="pp-small" aria-label={`Open capture ${quoteStart(capture.text)}`} onClick={() => onOpen(capture.id)}>Open</button>
      </div>
    </li>
  );
}
