/**
 * @module The quote in full and where it came from: the facts extracted from the page, who
 * captured it and when, and a link back to the page that scrolls to the quote (a text fragment).
 */
import type { Capture } from '../../shared/schema/records';
import { CHANNEL_LABELS, fullTime, ratingText, relativeAge, sourceLabel } from './format';
import { sourceLink } from './text-fragment';

export interface CaptureSummaryProps {
  capture: Capture;
  capturedBy: string;
  now: number;
  onOpenSource(): void;
}

export function CaptureSummary({ capture, capturedBy, now, onOpenSource }: CaptureSummaryProps) {
  const link = sourceLink(capture);
  const { source } = capture;
  const facts: [string, string | null][] = [
    ['Source', [sourceLabel(capture), source.title].filter(Boolean).join(' · ') || null],
    ['Author', source.author],
    ['Rating', ratingText(capture)],
    ['Posted', source.postedAt],
    ['Channel', CHANNEL_LABELS[capture.channel]],
  ];
  return (
    <section class="pp-section pp-summary" aria-label="Quote and source">
      <blockquote class="pp-full-quote">{capture.text}</blockquote>
      {capture.truncatedFrom !== null && (
        <p class="cl-muted">Cut to {capture.text.length.toLocaleString('en')} of {capture.truncatedFrom.toLocaleString('en')} characters.</p>
      )}
      <dl class="pp-facts">
        {facts.filter(([, value]) => value).map(([name, value]) => (
          <div key={name}><dt>{name}</dt><dd>{value}</dd></div>
        ))}
        <div>
          <dt>Captured</dt>
          <dd>by {capturedBy}, <time dateTime={capture.capturedAt} title={fullTime(capture.capturedAt)}>{relativeAge(capture.capturedAt, now)}</time></dd>
        </div>
      </dl>
      {link && (
        <a class="pp-source-link" href={link} target="_blank" rel="noopener noreferrer"
          onClick={(e) => { e.preventDefault(); onOpenSource(); }}>
          Open source page <span aria-hidden="true">↗</span>
        </a>
      )}
    </section>
  );
}
