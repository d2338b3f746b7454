/**
 * @module Capture health: what may make a capture weaker evidence than it looks, told before saving.
 * The selection sits in collapsed "read more" text, spans two reviews or posts, comes from a known
 * site whose adapter found no author or rating where it always finds one (the site changed its
 * layout), or is cut mid-word (the length limit has its own note under the quote). Each warning
 * says what helps.
 */
import type { CaptureAnchor } from '../../../shared/schema/records';
import { itemElementOf } from '../extract';
import type { AdapterOutcome } from '../extract/types';

export type HealthKind = 'collapsed' | 'spans-items' | 'layout-changed' | 'cut';

export interface HealthWarning {
  kind: HealthKind;
  /** For people: what is wrong and what to do. */
  message: string;
  /** The page's own "read more" control, when one was found (the dialog offers to press it). */
  expander?: Element;
  /** The selection widened to whole words, when it was cut mid-word (the dialog offers to use it). */
  wholeWords?: Range;
}

export interface HealthInput {
  range: Range;
  /** The address that picks the site adapter (the canonical one for pages served locally). */
  siteUrl: string;
  anchor: CaptureAnchor | null;
  adapter: AdapterOutcome | null;
  text: string;
  win?: Window;
}

const MORE_LABEL = /^\s*(?:(?:read|see|show|view)\s+more|(?:read|see|show|view)\s+(?:the\s+)?full(?:\s+(?:review|text|post|comment))?|more|(?:…|\.\.\.)\s*more|expand)\s*[.…]*\s*$/i;
const COLLAPSED_CLASS = /(?:^|[-_\s])(?:truncat\w*|clamp\w*|line-clamp\w*|collapsed|is-collapsed|excerpt|teaser|read-?more)(?:$|[-_\s])/i;
const WORD = /[\p{L}\p{N}]/u;

export function checkHealth(input: HealthInput): HealthWarning[] {
  const warnings: HealthWarning[] = [];
  const win = input.win ?? window;
  const start = elementOf(input.range.startContainer);
  const item = itemElementOf(start, input.siteUrl);
  const collapsed = collapsedAround(start, item, win);
  if (collapsed) {
    warnings.push({
      kind: 'collapsed',
      message: 'This text looks shortened ("read more"): the quote may stop where the page cut it. Expand it, then select again.',
      ...(collapsed.expander ? { expander: collapsed.expander } : {}),
    });
  }
  const endItem = itemElementOf(elementOf(input.range.endContainer), input.siteUrl);
  if (item && endItem && item !== endItem && !item.contains(endItem) && !endItem.contains(item)) {
    warnings.push({ kind: 'spans-items', message: 'The selection runs across two reviews or posts: its author, rating and date are the first one’s. Select within one.' });
  }
  const layout = layoutMessage(input.adapter);
  if (layout) warnings.push({ kind: 'layout-changed', message: layout });
  const cut = cutMessage(input);
  if (cut) warnings.push(cut);
  return warnings;
}

function elementOf(node: Node): Element | null {
  return node.nodeType === 1 ? (node as Element) : node.parentElement;
}

/** Collapsed text: a closed <details>, a line clamp, a "truncated" class, or a "read more" control beside the text. */
function collapsedAround(start: Element | null, item: Element | null, win: Window): { expander: Element | null } | null {
  const scope = item ?? start?.parentElement ?? null;
  const expander = scope ? findExpander(scope) : null;
  let clamped = false;
  for (let el = start, i = 0; el && i < 12 && (!item || item.contains(el)); el = el.parentElement, i++) {
    if (el.localName === 'details' && !(el as HTMLDetailsElement).open) clamped = true;
    if (COLLAPSED_CLASS.test(el.getAttribute('class') ?? '')) clamped = true;
    if (el.getAttribute('aria-expanded') === 'false') clamped = true;
    const style = safeStyle(win, el);
    const clamp = style?.getPropertyValue('-webkit-line-clamp') || style?.getPropertyValue('line-clamp');
    if (clamp && clamp !== 'none') clamped = true;
    if (el === item) break;
  }
  return clamped || expander ? { expander } : null;
}

/** A button or link labelled "Read more", "See more", "Show more", "…more" inside the item. */
function findExpander(scope: Element): Element | null {
  const candidates = Array.from(scope.querySelectorAll('button, a, [role="button"], summary')).slice(0, 100);
  return candidates.find((el) => MORE_LABEL.test((el.textContent ?? '').slice(0, 60)) || MORE_LABEL.test(el.getAttribute('aria-label') ?? '')) ?? null;
}

function safeStyle(win: Window, el: Element): CSSStyleDeclaration | null {
  try {
    return win.getComputedStyle(el);
  } catch {
    return null;
  }
}

function layoutMessage(adapter: AdapterOutcome | null): string | null {
  if (!adapter) return null;
  if (!adapter.itemFound) {
    return 'Closeloop knows this site but found no review or post around the selection: the site may have changed its layout. Check the author, rating and date, or add them to the note.';
  }
  if (adapter.missing.length === 0) return null;
  const what = adapter.missing.join(' and ');
  return `Closeloop found this site's ${adapter.missing.length > 1 ? 'fields' : 'field'} but no ${what} where it always is: the site may have changed its layout. Add the ${what} to the note if it matters.`;
}

/** Cut mid-word at either end, offering the selection widened to whole words. */
function cutMessage(input: HealthInput): HealthWarning | null {
  const quote = input.anchor?.quote;
  if (!quote || quote.exact !== input.text) return null;
  const startCut = WORD.test(quote.prefix.slice(-1)) && WORD.test(quote.exact.slice(0, 1));
  const endCut = WORD.test(quote.suffix.slice(0, 1)) && WORD.test(quote.exact.slice(-1));
  if (!startCut && !endCut) return null;
  const where = startCut && endCut ? 'starts and ends' : startCut ? 'starts' : 'ends';
  const wholeWords = widenToWords(input.range);
  return {
    kind: 'cut',
    message: `The quote ${where} in the middle of a word${wholeWords ? '' : '; select again to take whole words'}.`,
    ...(wholeWords ? { wholeWords } : {}),
  };
}

/** The range widened to the word boundaries around its ends, inside their own text nodes. */
export function widenToWords(range: Range): Range | null {
  const widened = range.cloneRange();
  const { startContainer: s, endContainer: e } = range;
  let changed = false;
  if (s.nodeType === 3) {
    const data = (s as Text).data;
    let at = range.startOffset;
    while (at > 0 && WORD.test(data[at - 1]!)) at--;
    if (at !== range.startOffset) { widened.setStart(s, at); changed = true; }
  }
  if (e.nodeType === 3) {
    const data = (e as Text).data;
    let at = range.endOffset;
    while (at < data.length && WORD.test(data[at]!)) at++;
    if (at !== range.endOffset) { widened.setEnd(e, at); changed = true; }
  }
  return changed ? widened : null;
}
