/**
 * @module The link that takes someone back to the quote on its page: the permalink (or the page
 * address) plus a `#:~:text=` text fragment, so the browser scrolls to and highlights the quote.
 */
import type { Capture } from '../../shared/schema/records';

/** Quotes up to this many words go whole into the fragment; longer ones as "start,end" ranges. */
const WHOLE_WORDS = 12;
const EDGE_WORDS = 5;

/** Percent-encodes what the fragment syntax reserves ("-", ",", "&") along with the usual. */
const encode = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D').replace(/,/g, '%2C');

export function textFragment(quote: string, context: { prefix?: string; suffix?: string } = {}): string {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const body = words.length <= WHOLE_WORDS
    ? encode(words.join(' '))
    : `${encode(words.slice(0, EDGE_WORDS).join(' '))},${encode(words.slice(-EDGE_WORDS).join(' '))}`;
  // Short quotes ("Love it") match in many places: a word of context either side picks the right one.
  const prefixWord = words.length < 4 ? lastWord(context.prefix) : '';
  const suffixWord = words.length < 4 ? firstWord(context.suffix) : '';
  return `:~:text=${prefixWord ? `${encode(prefixWord)}-,` : ''}${body}${suffixWord ? `,-${encode(suffixWord)}` : ''}`;
}

const lastWord = (text = '') => text.trim().split(/\s+/).pop() ?? '';
const firstWord = (text = '') => text.trim().split(/\s+/)[0] ?? '';

/** An http(s) link to the source with the quote's text fragment, or null when the address is unusable. */
export function sourceLink(capture: Capture): string | null {
  const base = [capture.source.permalink, capture.source.url].find(isHttp);
  if (!base) return null;
  const quote = capture.anchor?.quote.exact ?? capture.text;
  const fragment = textFragment(quote, capture.anchor?.quote ?? {});
  if (!fragment) return base;
  // The directive follows any existing fragment: "#section:~:text=…" keeps the page's own anchor.
  return base.includes('#') ? `${base}${fragment}` : `${base}#${fragment}`;
}

function isHttp(url: string | null | undefined): url is string {
  if (!url) return false;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}
