/**
 * @module Finding a quote that was redacted before it was stored. Its `[email]`-style labels stand
 * for text still on the page, so the page's text is searched in the same projection: personal data
 * replaced by the same labels (except values the quote still holds, which the person kept), with a
 * map from each projected character back to the page's offsets.
 */
import { findPersonalData, REDACTION_LABELS, type Finding } from '../../../shared/redact/detect';

const LABEL = new RegExp(Object.values(REDACTION_LABELS).map((l) => l.replace(/[[\]]/g, '\\$&')).join('|'), 'g');

/** True when a stored quote holds redaction labels, so plain comparison with the page cannot work. */
export function hasLabels(quote: string): boolean {
  LABEL.lastIndex = 0;
  return LABEL.test(quote);
}

export interface Projection {
  text: string;
  /** Page offset where a match starting at projected index i starts. */
  startOf: Int32Array;
  /** Page offset just past projected index i. */
  endOf: Int32Array;
}

/** The page's text with personal data replaced by labels, except the values listed in `keep`. */
export function project(text: string, keep: string, found: readonly Finding[] = findPersonalData(text)): Projection {
  const findings = found.filter((f) => !keep.includes(f.value));
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let at = 0;
  for (const f of findings) {
    for (let i = at; i < f.start; i++) { starts.push(i); ends.push(i + 1); }
    parts.push(text.slice(at, f.start));
    const label = REDACTION_LABELS[f.kind];
    for (let i = 0; i < label.length; i++) { starts.push(f.start); ends.push(f.end); }
    parts.push(label);
    at = f.end;
  }
  for (let i = at; i < text.length; i++) { starts.push(i); ends.push(i + 1); }
  parts.push(text.slice(at));
  return { text: parts.join(''), startOf: Int32Array.from(starts), endOf: Int32Array.from(ends) };
}

const pageFindings = new WeakMap<object, readonly Finding[]>();

/**
 * `project` for a whole page's text: its personal data is found once per text map, however many
 * redacted quotes are looked for in it (re-finding runs every capture of a page against one map).
 */
export function projectPage(map: { text: string }, keep: string): Projection {
  let found = pageFindings.get(map);
  if (!found) pageFindings.set(map, (found = findPersonalData(map.text)));
  return project(map.text, keep, found);
}

/** A projected span [start, end) as page offsets. */
export function toPage(p: Projection, start: number, end: number): [number, number] {
  return [p.startOf[start]!, p.endOf[end - 1]!];
}

/** Does the page's `slice` read as the stored (redacted) quote? */
export function readsAs(slice: string, exact: string): boolean {
  if (slice === exact) return true;
  return hasLabels(exact) && project(slice, exact).text === exact;
}
