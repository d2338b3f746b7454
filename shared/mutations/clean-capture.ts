/** @module Normalises what the content script sends into the stored capture shape. */
import { CHANNELS, LIMITS, SENTIMENTS, type Channel, type Sentiment } from '../schema/constants';
import type { CaptureAnchor, CaptureSource } from '../schema/records';
import { MutationError } from './errors';
import { captureFingerprint } from '../util/fingerprint';
import { cutText, siteOf } from '../util/text';
import { cleanText, normalizeTag, oneOf } from './input';

export interface NewCapture {
  text: string;
  /** Length of the selection before the caller cut it to the limit, if it did. */
  truncatedFrom?: number;
  note?: string;
  tags?: string[];
  sentiment?: Sentiment | null;
  channel?: Channel;
  source: Partial<CaptureSource> & { url: string };
  anchor?: CaptureAnchor | null;
}

export interface CleanCapture {
  text: string;
  truncatedFrom: number | null;
  note: string;
  tags: string[];
  sentiment: Sentiment | null;
  channel: Channel;
  source: CaptureSource;
  anchor: CaptureAnchor | null;
  fingerprint: string;
}

export function cleanCapture(input: NewCapture): CleanCapture {
  if (!input || typeof input !== 'object') throw new MutationError('invalid', 'A capture needs its text and source.');
  if (typeof input.text !== 'string') throw new MutationError('invalid', 'The captured text must be text.');
  // Over-long selections are cut, not refused: the person chose them, the note records the cut.
  const whole = cleanText(input.text, 'The captured text', Number.MAX_SAFE_INTEGER, { required: true });
  const text = cutText(whole, LIMITS.captureText);
  const tags = [...new Set((input.tags ?? []).map(normalizeTag))];
  if (tags.length > LIMITS.tagsPerCapture) throw new MutationError('invalid', `A capture has at most ${LIMITS.tagsPerCapture} tags.`);
  const source = cleanSource(input.source);
  // The content script cuts huge selections before sending them; it says how long they were.
  const claimed = Number.isSafeInteger(input.truncatedFrom) && input.truncatedFrom! > text.length ? input.truncatedFrom! : 0;
  const original = Math.max(claimed, whole.length);
  return {
    text,
    truncatedFrom: original > text.length ? original : null,
    note: cleanText(input.note, 'The note', LIMITS.note),
    tags,
    sentiment: input.sentiment == null ? null : oneOf(input.sentiment, SENTIMENTS, 'Sentiment'),
    channel: input.channel === undefined ? 'other' : oneOf(input.channel, CHANNELS, 'Channel'),
    source,
    anchor: cleanAnchor(input.anchor ?? null),
    fingerprint: captureFingerprint(text, source.url),
  };
}

function cleanSource(source: NewCapture['source']): CaptureSource {
  if (!source || typeof source !== 'object' || typeof source.url !== 'string' || source.url === '') {
    throw new MutationError('invalid', 'A capture needs the address of the page it came from.');
  }
  const str = (value: unknown, max: number) => (typeof value === 'string' && value.trim() ? cutText(value.trim(), max) : null);
  const num = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100 ? value : null);
  const extractedBy: Record<string, string> = {};
  for (const [field, by] of Object.entries(source.extractedBy ?? {})) {
    if (typeof by === 'string') extractedBy[field.slice(0, 40)] = by.slice(0, 80);
  }
  return {
    url: source.url.slice(0, LIMITS.url),
    title: str(source.title, 500) ?? '',
    site: str(source.site, 253) ?? siteOf(source.url),
    platform: str(source.platform, 40),
    author: str(source.author, 200),
    authorUrl: str(source.authorUrl, LIMITS.url),
    rating: num(source.rating),
    ratingMax: num(source.ratingMax),
    postedAt: str(source.postedAt, 64),
    permalink: str(source.permalink, LIMITS.url),
    extractedBy,
  };
}

function cleanAnchor(anchor: CaptureAnchor | null): CaptureAnchor | null {
  if (!anchor || typeof anchor !== 'object' || !anchor.quote || typeof anchor.quote.exact !== 'string') return null;
  const ctx = (value: unknown) => (typeof value === 'string' ? value.slice(-200) : '');
  const { position, range } = anchor;
  const offset = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;
  return {
    quote: {
      exact: anchor.quote.exact.slice(0, LIMITS.captureText),
      prefix: ctx(anchor.quote.prefix),
      suffix: typeof anchor.quote.suffix === 'string' ? anchor.quote.suffix.slice(0, 200) : '',
    },
    position: position && offset(position.start) && offset(position.end) ? { start: position.start, end: position.end } : null,
    range: range && typeof range.startContainer === 'string' && typeof range.endContainer === 'string'
      && offset(range.startOffset) && offset(range.endOffset)
      ? {
          startContainer: range.startContainer.slice(0, 1000), startOffset: range.startOffset,
          endContainer: range.endContainer.slice(0, 1000), endOffset: range.endOffset,
        }
      : null,
  };
}
