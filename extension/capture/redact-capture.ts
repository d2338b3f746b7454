/**
 * @module Personal data out of a capture before it leaves the page: what the dialog shows (the
 * findings in the quote, each replaced by its label unless the person keeps it) and what is sent
 * (the quote, the anchor's quote and context, the page title and author, links that carry a
 * redacted value). The hub, IndexedDB and the server only ever see the result.
 */
import type { NewCapture } from '../../shared/mutations/clean-capture';
import { applyRedaction, findPersonalData, redactText, type Finding } from '../../shared/redact/detect';
import { LIMITS } from '../../shared/schema/constants';
import type { CaptureAnchor } from '../../shared/schema/records';

/**
 * Findings in `text`, looked for in the text with its context around it so an address cut by the
 * selection's edge is still found; clipped to the text. `value` stays the whole item (the key the
 * person keeps it by).
 */
export function findingsInQuote(text: string, anchor: CaptureAnchor | null): Finding[] {
  const prefix = anchor && anchor.quote.exact === text ? anchor.quote.prefix : '';
  const suffix = anchor && anchor.quote.exact === text ? anchor.quote.suffix : '';
  const offset = prefix.length;
  return findPersonalData(prefix + text + suffix)
    .filter((f) => f.end > offset && f.start < offset + text.length)
    .map((f) => ({ ...f, start: Math.max(0, f.start - offset), end: Math.min(text.length, f.end - offset) }));
}

/** The capture as it may leave the page: every finding replaced by its label unless its value is in `kept`. */
export function redactCapture(capture: NewCapture, findings: readonly Finding[], kept: ReadonlySet<string>): NewCapture {
  const removed = new Set(findings.filter((f) => !kept.has(f.value)).map((f) => f.value));
  const source = { ...capture.source };
  if (typeof source.title === 'string') source.title = redactText(source.title, kept);
  if (typeof source.author === 'string') source.author = redactText(source.author, kept);
  source.url = scrubUrl(source.url, removed) ?? scrubUrl(withoutQuery(source.url), removed) ?? originOf(source.url);
  if (typeof source.permalink === 'string') source.permalink = scrubUrl(source.permalink, removed);
  if (typeof source.authorUrl === 'string') source.authorUrl = scrubUrl(source.authorUrl, removed);
  return {
    ...capture,
    text: applyRedaction(capture.text, findings, kept),
    source,
    anchor: capture.anchor ? redactAnchor(capture.anchor, kept) : null,
  };
}

/**
 * The anchor's quote and context, redacted as one string so an item across an edge is found, then
 * split again: an item that touches the quote is replaced inside the quote, one wholly in the
 * context is always replaced (nobody chose to keep what they did not select).
 */
function redactAnchor(anchor: CaptureAnchor, kept: ReadonlySet<string>): CaptureAnchor {
  const { prefix, exact, suffix } = anchor.quote;
  const whole = prefix + exact + suffix;
  const starts = [0, prefix.length, prefix.length + exact.length, whole.length];
  const parts: [string, string, string] = ['', '', ''];
  const partOf = (i: number): 0 | 1 | 2 => (i < starts[1]! ? 0 : i < starts[2]! ? 1 : 2);
  let at = 0;
  for (const f of findPersonalData(whole)) {
    for (let i = at; i < f.start; i++) parts[partOf(i)] += whole[i];
    const inQuote = f.end > starts[1]! && f.start < starts[2]!;
    const home = inQuote ? 1 : partOf(f.start);
    parts[home] += inQuote && kept.has(f.value) ? f.value : applyRedaction(f.value, [{ ...f, start: 0, end: f.value.length }]);
    at = f.end;
  }
  for (let i = at; i < whole.length; i++) parts[partOf(i)] += whole[i];
  return { ...anchor, quote: { prefix: trimCutStart(parts[0]), exact: parts[1], suffix: trimCutEnd(parts[2]) } };
}

/**
 * Context is cut at LIMITS.anchorContext characters, so its outer edge may hold the rest of an
 * item too short to be recognised ("call 020 7946 01", "write to priya.raman+re"). When the
 * words at that edge carry seven or more digits, an @ or a +, they are dropped; a date ("Feb 11,
 * 2024") or the last four of a card stay: they identify nobody. Context only breaks ties when re-anchoring, so a shorter one costs little.
 */
function trimCutEnd(suffix: string): string {
  if (suffix.length < LIMITS.anchorContext) return suffix; // it reached the end of the page's text: nothing was cut
  const tail = /(?:\S*[\p{N}@+]\S*\s*)+$/u.exec(suffix)?.[0] ?? '';
  return suspicious(tail) ? suffix.slice(0, suffix.length - tail.length) : suffix;
}

function trimCutStart(prefix: string): string {
  if (prefix.length < LIMITS.anchorContext) return prefix;
  const head = /^(?:\s*\S*[\p{N}@+]\S*)+/u.exec(prefix)?.[0] ?? '';
  return suspicious(head) ? prefix.slice(head.length) : prefix;
}

function suspicious(edge: string): boolean {
  return /[@+]/.test(edge) || (edge.match(/\p{N}/gu)?.length ?? 0) >= 7;
}

/** The link unchanged, or null when a redacted value stands in it (plainly or URL-encoded). */
function scrubUrl(url: string, removed: ReadonlySet<string>): string | null {
  if (removed.size === 0) return url;
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // A malformed escape: compare against the raw link only.
  }
  const carries = [...removed].some((value) => url.includes(value) || decoded.includes(value));
  return carries ? null : url;
}

/** Just the site, for an address whose path itself holds a redacted value. */
function originOf(url: string): string {
  try {
    return `${new URL(url).origin}/`;
  } catch {
    return 'about:blank';
  }
}

/** A page address with its query and fragment dropped (where a redacted value stood in it). */
function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    u.search = '';
    u.hash = '';
    return u.href;
  } catch {
    return url.split(/[?#]/)[0] ?? url;
  }
}
