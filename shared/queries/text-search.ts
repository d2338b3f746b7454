/** @module Local text search: accent- and case-insensitive; every word (or "quoted phrase") must match. */

/** Lowercases and strips accents so "Café" matches "cafe". */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/** Splits a query into folded terms; "double quotes" keep a phrase together. */
export function parseQuery(query: string): string[] {
  const terms: string[] = [];
  const pattern = /"([^"]+)"|(\S+)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(foldText(query))) !== null) {
    const term = (match[1] ?? match[2] ?? '').trim().replace(/\s+/g, ' ');
    if (term) terms.push(term);
  }
  return terms;
}

/**
 * Returns a matcher over records. The folded haystack of each record is cached per object:
 * records are immutable snapshots replaced on change, so the cache never goes stale.
 */
export function createMatcher<T extends object>(haystackOf: (record: T) => string): (record: T, terms: string[]) => boolean {
  const cache = new WeakMap<T, string>();
  return (record, terms) => {
    if (terms.length === 0) return true;
    let haystack = cache.get(record);
    if (haystack === undefined) {
      haystack = foldText(haystackOf(record)).replace(/\s+/g, ' ');
      cache.set(record, haystack);
    }
    return terms.every((term) => haystack.includes(term));
  };
}
