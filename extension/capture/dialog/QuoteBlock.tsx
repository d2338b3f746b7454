/**
 * @module The selected text, as text: Preact sets it as a text node, so markup in a selection (a
 * review that says "<script>") is shown, never parsed. Long quotes scroll inside a clamped box.
 */
import { truncationNote } from '../format';

export interface QuoteBlockProps {
  id: string;
  text: string;
  selectedLength: number;
}

export function QuoteBlock({ id, text, selectedLength }: QuoteBlockProps) {
  const cut = selectedLength > text.length;
  return (
    <div class="cl-quote-wrap">
      {/* Focusable so keyboard users can scroll a long quote; dir=auto keeps RTL feedback readable. */}
      <blockquote id={id} class="cl-quote" dir="auto" tabIndex={0} aria-label="Selected text">{text}</blockquote>
      {cut && <p class="cl-note-cut">{truncationNote(selectedLength)}</p>}
    </div>
  );
}
