/**
 * @module The selected text, as text: Preact sets it as a text node, so markup in a selection (a
 * review that says "<script>") is shown, never parsed. Personal data found in it is marked and
 * shown as it will be saved: its label (`[email]`), or the value itself when the person keeps it.
 * Long quotes scroll inside a clamped box.
 */
import type { ComponentChildren } from 'preact';
import { REDACTION_LABELS, type Finding } from '../../../shared/redact/detect';
import { truncationNote } from '../format';

export interface QuoteBlockProps {
  id: string;
  text: string;
  selectedLength: number;
  /** Findings to mark; none when redaction is off. */
  findings?: readonly Finding[];
  kept?: ReadonlySet<string>;
}

export function QuoteBlock({ id, text, selectedLength, findings = [], kept = new Set() }: QuoteBlockProps) {
  const cut = selectedLength > text.length;
  const parts: ComponentChildren[] = [];
  let at = 0;
  findings.forEach((f, i) => {
    if (f.start < at) return;
    parts.push(text.slice(at, f.start));
    const keep = kept.has(f.value);
    parts.push(keep
      ? <mark key={i} class="cl-kept">{text.slice(f.start, f.end)}</mark>
      : <mark key={i} class="cl-redacted">{REDACTION_LABELS[f.kind]}</mark>);
    at = f.end;
  });
  parts.push(text.slice(at));
  return (
    <div class="cl-quote-wrap">
      {/* Focusable so keyboard users can scroll a long quote; dir=auto keeps RTL feedback readable. */}
      <blockquote id={id} class="cl-quote" dir="auto" tabIndex={0} aria-label="Selected text">{parts}</blockquote>
      {cut && <p class="cl-note-cut">{truncationNote(selectedLength)}</p>}
    </div>
  );
}
