/**
 * @module One inbox row: a checkbox to select it, the quote (clamped to three lines), where it came
 * from, who wrote it and their rating, how old it is, who captured it, and its tags.
 */
import type { Grouped } from '../../shared/queries/similar-captures';
import type { Capture } from '../../shared/schema/records';
import { quoteStart, ratingText, relativeAge, sourceLabel, fullTime } from './format';

export interface CaptureRowProps {
  capture: Capture;
  selected: boolean;
  capturedBy: string;
  now: number;
  onToggle(capture: Capture): void;
  /** Lists the near duplicates folded into this row. */
  onSimilar?(capture: Capture): void;
}

/** Fixed row height in px; popup.css lays the row out to exactly this. */
export const CAPTURE_ROW_HEIGHT = 106;

export function CaptureRow({ capture, selected, capturedBy, now, onToggle, onSimilar }: CaptureRowProps) {
  const similar = (capture as Grouped<Capture>).similarIds?.length ?? 0;
  const rating = ratingText(capture);
  const source = sourceLabel(capture);
  return (
    <>
      <div role="gridcell" class="pp-cell-check" onClick={(e) => e.stopPropagation()}>
        <input type="checkbox" tabIndex={-1} checked={selected} aria-label={`Select ${quoteStart(capture.text)}`}
          onChange={() => onToggle(capture)} />
      </div>
      <div role="gridcell" class="pp-cell-main">
        <p class="pp-quote">{capture.text}</p>
        <p class="pp-meta">
          {rating && <span class="pp-rating" data-low={(capture.source.rating ?? 5) / (capture.source.ratingMax ?? 5) <= 0.4 || undefined}>{rating}</span>}
          {source && <span class="pp-source">{source}</span>}
          {capture.source.author && <span class="pp-author">{capture.source.author}</span>}
          <time class="pp-age" dateTime={capture.capturedAt} title={fullTime(capture.capturedAt)}>{relativeAge(capture.capturedAt, now)}</time>
        </p>
        <p class="pp-meta pp-meta-2">
          <span class="pp-by">by {capturedBy}</span>
          {capture.sentiment && <span class={`pp-sentiment is-${capture.sentiment}`}>{capture.sentiment}</span>}
          {similar > 0 && onSimilar && (
            <button type="button" class="pp-similar" tabIndex={-1} aria-label={`Show ${similar} similar to ${quoteStart(capture.text)}`}
              onClick={(e) => { e.stopPropagation(); onSimilar(capture); }}>+{similar} similar</button>
          )}
          {capture.tags.map((tag) => <span key={tag} class="pp-tag">{tag}</span>)}
        </p>
      </div>
    </>
  );
}
