/** @module schema.org JSON-LD: parse every block defensively, flatten @graph/arrays/nesting, match items. */
import { collapse, resolveUrl } from './dom';
import { parseDate, ratingPair } from './parse';
import { ITEM_TYPES, type ItemFields } from './types';

export interface LdItem {
  type: string;
  /** The item's own text (reviewBody, text, articleBody...), used to find it on the page. */
  body: string;
  fields: ItemFields;
  /** Not inside another thing (a Product's review list, a post's comments): a candidate for "the page's item". */
  topLevel: boolean;
}

const MAX_SCRIPTS = 30;
const MAX_SCRIPT_CHARS = 1_000_000;
const MAX_NODES = 3_000;
const MAX_DEPTH = 12;
/** Matching compares each item with the container's text, so the item count is what bounds that work. */
const MAX_ITEMS = 500;
/** Properties that describe a thing rather than contain items; not searched for nested reviews. */
const LEAVES = new Set(['author', 'creator', 'publisher', 'reviewRating', 'aggregateRating', 'image', 'logo', 'offers', 'brand']);

type Json = Record<string, unknown>;

/** Every feedback-like item in the page's JSON-LD. Invalid blocks and wrongly typed values are skipped. */
export function readJsonLd(doc: Document, base: string): LdItem[] {
  const items: LdItem[] = [];
  const budget = { nodes: 0 };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]')).slice(0, MAX_SCRIPTS)) {
    const text = script.textContent ?? '';
    if (text.length > MAX_SCRIPT_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(text.trim().replace(/^<!--|-->$/g, ''));
    } catch {
      continue; // one broken block must not hide the others
    }
    walk(data, false, 0, items, budget, base);
  }
  return items;
}

function walk(node: unknown, nested: boolean, depth: number, out: LdItem[], budget: { nodes: number }, base: string): void {
  if (depth > MAX_DEPTH || budget.nodes++ > MAX_NODES || out.length >= MAX_ITEMS || !node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const child of node.slice(0, 500)) walk(child, nested, depth + 1, out, budget, base);
    return;
  }
  const obj = node as Json;
  const types = typesOf(obj['@type']);
  const type = types.find((t) => ITEM_TYPES.has(t));
  if (type) out.push({ type, body: bodyOf(obj), fields: fieldsOf(obj, type, base), topLevel: !nested });
  // Anything typed (a Product, a post) makes what it holds "nested"; a WebPage or @graph wrapper does not.
  const holds = nested || (types.length > 0 && !types.every((t) => /Page$|^WebSite$/.test(t)));
  for (const [key, value] of Object.entries(obj)) {
    if (!LEAVES.has(key) && value && typeof value === 'object') walk(value, key === '@graph' ? nested : holds, depth + 1, out, budget, base);
  }
}

function typesOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#:]/, ''));
}

function str(value: unknown, max = 300): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const text = collapse(value).slice(0, max);
  return text || null;
}

function bodyOf(obj: Json): string {
  for (const key of ['reviewBody', 'text', 'articleBody', 'description', 'headline', 'name']) {
    const text = str(obj[key], 2_000);
    if (text) return text;
  }
  return '';
}

function fieldsOf(obj: Json, type: string, base: string): ItemFields {
  const author = authorOf(obj.author ?? obj.creator, base);
  // Only a review rates something; a rating on a comment or post is noise (or someone else's score).
  const rating = /Review$/.test(type) ? ratingOf(obj.reviewRating) : null;
  const id = typeof obj['@id'] === 'string' && /^(https?:|#)/i.test(obj['@id']) ? obj['@id'] : null;
  return {
    author: author.name,
    authorUrl: author.url,
    rating: rating?.rating ?? null,
    ratingMax: rating?.ratingMax ?? null,
    postedAt: parseDate(str(obj.datePublished) ?? str(obj.dateCreated) ?? str(obj.uploadDate)),
    permalink: resolveUrl(str(obj.url, 2_048) ?? id, base),
  };
}

/** `author` as pages write it: a string, a Person/Organization, or an array of either. */
function authorOf(value: unknown, base: string): { name: string | null; url: string | null } {
  const first = Array.isArray(value) ? value.find((a) => typeof a === 'string' || (a && typeof a === 'object')) : value;
  if (typeof first === 'string') return { name: str(first, 200), url: null };
  if (!first || typeof first !== 'object') return { name: null, url: null };
  const person = first as Json;
  const sameAs = Array.isArray(person.sameAs) ? person.sameAs[0] : person.sameAs;
  return {
    name: str(person.name, 200) ?? str(person.alternateName, 200),
    url: resolveUrl(str(person.url, 2_048) ?? str(sameAs, 2_048), base),
  };
}

/** `reviewRating` as an object with string or number values, or a bare number; bestRating defaults per schema.org. */
function ratingOf(value: unknown): { rating: number; ratingMax: number } | null {
  if (typeof value === 'number' || typeof value === 'string') return ratingPair(value);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return null;
  const r = value as Json;
  return ratingPair(r.ratingValue, r.bestRating ?? undefined);
}

const squash = (text: string) => text.toLowerCase().replace(/\s+/g, '');

/**
 * The JSON-LD item the selection is in: the one whose text appears in the containing element, else the
 * only one containing the selected words, else the only one whose author is named in the container.
 * Ambiguity gives null: a wrong author is worse than none.
 */
export function matchItem(items: LdItem[], containerText: string, selected: string): LdItem | null {
  const candidates = items.filter((item) => squash(item.body).length >= 12);
  const where = squash(containerText);
  if (where) {
    const byBody = candidates.filter((item) => where.includes(squash(item.body).slice(0, 150)));
    if (byBody.length === 1) return byBody[0] ?? null;
    if (byBody.length > 1) return null;
  }
  const words = squash(selected);
  if (words.length >= 12) {
    const bySelection = candidates.filter((item) => squash(item.body).includes(words));
    if (bySelection.length === 1) return bySelection[0] ?? null;
  }
  if (where) {
    const byAuthor = items.filter((item) => item.fields.author && item.fields.author.length >= 3 && where.includes(squash(item.fields.author)));
    if (byAuthor.length === 1) return byAuthor[0] ?? null;
  }
  return null;
}

/** The page's single top-level item (a forum thread, one posted review), or null when there are several. */
export function pageItem(items: LdItem[]): LdItem | null {
  const top = items.filter((item) => item.topLevel);
  return top.length === 1 ? (top[0] ?? null) : null;
}
