/**
 * @module A capture draft: everything read from the page at the moment the dialog opens. Taken once,
 * from a clone of the selection, so whatever the page does afterwards (re-rendering, removing the
 * review, changing the selection) cannot change or break what gets saved.
 */
import type { NewCapture } from '../../shared/mutations/clean-capture';
import { cutText } from '../../shared/util/text';
import { LIMITS, type Channel, type Sentiment } from '../../shared/schema/constants';
import type { CaptureAnchor, CaptureSource } from '../../shared/schema/records';
import type { Finding } from '../../shared/redact/detect';
import { describeRange, selectionText } from './anchor';
import { extractContext, type ExtractedContext } from './extract';
import { checkHealth, type HealthWarning } from './health/checks';
import { markStart, measure } from './marks';
import { findingsInQuote, redactCapture } from './redact-capture';

export interface CaptureDraft {
  /** The quote as it will be stored: the selection's text, cut to LIMITS.captureText. */
  text: string;
  /** Characters the selection had before cutting; more than `text.length` when it was cut. */
  selectedLength: number;
  source: CaptureSource;
  /** Presets for the dialog's fields, from the platform and the item's rating. */
  channel: Channel;
  sentiment: Sentiment | null;
  anchor: CaptureAnchor | null;
  /** Personal data found in `text` (emails, phones, cards, IBANs, ID numbers), in order. */
  personal: Finding[];
  /** What may make this capture weaker evidence than it looks (collapsed text, two reviews, a cut quote …). */
  health: HealthWarning[];
  /** The clone taken at open, to give the person their selection back when the dialog closes. */
  range: Range;
}

/** What reads the page; real functions by default, stand-ins in tests. */
export interface DraftReaders {
  text?: (range: Range) => string;
  anchor?: (range: Range) => CaptureAnchor;
  extract?: (doc: Document, range: Range, pageUrl: string) => ExtractedContext;
  health?: typeof checkHealth;
}

/**
 * Reads the draft for `selection`, or null when nothing with text is selected. Each reader walks the
 * page once (linear in its text), and nothing here adds more than a slice, so a 1 MB selection costs
 * a few walks, not a freeze.
 */
export function createDraft(selection: Range, doc: Document, pageUrl: string, readers: DraftReaders = {}): CaptureDraft | null {
  const range = selection.cloneRange();
  const whole = attempt(() => (readers.text ?? selectionText)(range), '');
  if (whole === '') return null;
  // Trimmed after the cut as the hub trims, so the quote shown is exactly the quote stored.
  const text = cutText(whole, LIMITS.captureText).trimEnd();
  const context = (readers.extract ?? extractContext)(doc, range, pageUrl);
  // A page whose markup defeats the anchor still gets its feedback saved, just without re-highlighting.
  const anchor = attempt(() => (readers.anchor ?? describeRange)(range), null);
  const started = markStart();
  const personal = attempt(() => findingsInQuote(text, anchor), []);
  measure('closeloop:redact-find', started, { characters: text.length, findings: personal.length });
  return {
    text,
    selectedLength: whole.length,
    source: context.source,
    channel: context.channel,
    sentiment: context.sentiment,
    anchor,
    personal,
    health: attempt(() => (readers.health ?? checkHealth)({
      range, siteUrl: context.source.url, anchor, adapter: context.adapter ?? null, text, win: doc.defaultView ?? window,
    }), []),
    range,
  };
}

/** The fields the person edits in the dialog. */
export interface DraftEdits {
  note: string;
  tags: string[];
  sentiment: Sentiment | null;
  channel: Channel;
  /** Replace personal data (on unless the administrator's policy turned it off). */
  redact?: boolean;
  /** Values of findings the person chose to keep as they are. */
  kept?: ReadonlySet<string>;
}

/** The capture as it leaves the page: personal data replaced first, unless redaction is off. */
export function toNewCapture(draft: CaptureDraft, edits: DraftEdits): NewCapture {
  const capture = plainCapture(draft, edits);
  if (edits.redact === false) return capture;
  const started = markStart();
  const redacted = redactCapture(capture, draft.personal, edits.kept ?? new Set());
  measure('closeloop:redact-apply', started, { characters: capture.text.length });
  return redacted;
}

function plainCapture(draft: CaptureDraft, edits: DraftEdits): NewCapture {
  return {
    text: draft.text,
    ...(draft.selectedLength > draft.text.length ? { truncatedFrom: draft.selectedLength } : {}),
    note: edits.note.trim(),
    tags: [...edits.tags],
    sentiment: edits.sentiment,
    channel: edits.channel,
    source: { ...draft.source },
    anchor: draft.anchor,
  };
}

function attempt<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}
