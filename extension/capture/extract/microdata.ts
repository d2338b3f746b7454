/** @module HTML microdata (itemscope/itemprop) and RDFa Lite (typeof/property) for the item holding the selection. */
import { ancestors, attr, resolveUrl, textOf } from './dom';
import { parseDate, ratingPair } from './parse';
import { ITEM_TYPES, type ItemFields } from './types';

/** The two syntaxes differ only in attribute names, so one reader serves both. */
interface Syntax {
  label: 'microdata' | 'rdfa';
  isScope(el: Element): boolean;
  types(el: Element): string[];
  props(el: Element): string[];
}

const lastSegment = (token: string) => token.replace(/^.*[/#:]/, '');
const tokens = (value: string | null) => (value ? value.split(/\s+/).filter(Boolean).map(lastSegment) : []);

const MICRODATA: Syntax = {
  label: 'microdata',
  isScope: (el) => el.hasAttribute('itemscope'),
  types: (el) => tokens(el.getAttribute('itemtype')),
  props: (el) => tokens(el.getAttribute('itemprop')),
};
const RDFA: Syntax = {
  label: 'rdfa',
  isScope: (el) => el.hasAttribute('typeof'),
  types: (el) => tokens(el.getAttribute('typeof')),
  props: (el) => tokens(el.getAttribute('property')),
};

export interface MicroItem {
  el: Element;
  type: string;
  syntax: Syntax;
}

/** Nearest ancestor of the selection that is a microdata or RDFa review/comment/post. */
export function findMicroItem(start: Element | null): MicroItem | null {
  for (const el of ancestors(start)) {
    for (const syntax of [MICRODATA, RDFA]) {
      if (!syntax.isScope(el)) continue;
      const type = syntax.types(el).find((t) => ITEM_TYPES.has(t));
      if (type) return { el, type, syntax };
    }
  }
  return null;
}

/** The item's own properties by name; nested items are properties themselves but are not searched inside. */
function properties(item: Element, syntax: Syntax): Map<string, Element[]> {
  const found = new Map<string, Element[]>();
  const stack = Array.from(item.children).reverse();
  for (let steps = 0; stack.length && steps < 5_000; steps++) {
    const el = stack.pop()!;
    for (const name of syntax.props(el)) found.set(name, [...(found.get(name) ?? []), el]);
    if (!syntax.isScope(el)) for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  return found;
}

/** A property's value by the element it sits on, as the microdata spec defines it. */
function valueOf(el: Element | undefined): string | null {
  if (!el) return null;
  const tag = el.tagName.toLowerCase();
  if (tag === 'meta') return attr(el, 'content');
  if (tag === 'a' || tag === 'link' || tag === 'area') return attr(el, 'href') ?? attr(el, 'resource');
  if (['img', 'audio', 'video', 'source', 'iframe', 'embed'].includes(tag)) return attr(el, 'src');
  if (tag === 'time') return attr(el, 'datetime') ?? textOf(el);
  if (tag === 'data' || tag === 'meter') return attr(el, 'value');
  return attr(el, 'content') ?? textOf(el, 300);
}

/** Author, rating, date and permalink of one microdata/RDFa item. */
export function readMicroItem(item: MicroItem, base: string): ItemFields {
  const props = properties(item.el, item.syntax);
  const first = (name: string) => props.get(name)?.[0];
  const author = first('author') ?? first('creator');
  let authorName: string | null = null;
  let authorUrl: string | null = null;
  if (author && item.syntax.isScope(author)) {
    const inner = properties(author, item.syntax);
    authorName = textValue(inner.get('name')?.[0]) ?? textOf(author, 200);
    authorUrl = resolveUrl(valueOf(inner.get('url')?.[0]), base);
  } else if (author) {
    const tag = author.tagName.toLowerCase();
    authorName = tag === 'a' || tag === 'link' ? textOf(author, 200) : textValue(author);
    authorUrl = tag === 'a' || tag === 'link' ? resolveUrl(valueOf(author), base) : null;
  }
  const ratingEl = first('reviewRating');
  const inner = ratingEl && item.syntax.isScope(ratingEl) ? properties(ratingEl, item.syntax) : props;
  const rating = ratingPair(valueOf(inner.get('ratingValue')?.[0]) ?? undefined, valueOf(inner.get('bestRating')?.[0]) ?? undefined);
  return {
    author: authorName,
    authorUrl,
    rating: rating?.rating ?? null,
    ratingMax: rating?.ratingMax ?? null,
    postedAt: parseDate(valueOf(first('datePublished')) ?? valueOf(first('dateCreated'))),
    permalink: resolveUrl(valueOf(first('url')), base),
  };
}

/** Text of a value element, short, never a URL mistaken for a name. */
function textValue(el: Element | undefined): string | null {
  const value = valueOf(el);
  return value && !/^https?:\/\//i.test(value) ? value.slice(0, 200) : null;
}

export function microLabel(item: MicroItem): string {
  return `${item.syntax.label}:${item.type}`;
}
