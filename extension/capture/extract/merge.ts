/** @module Merges extractor findings by precedence: the first extractor to offer a field fills it. */
import { scaleFor } from './parse';
import type { Contribution, FieldName, Fields } from './types';

export interface Merged {
  fields: Fields;
  extractedBy: Record<string, string>;
  extractors: string[];
}

const ORDER: FieldName[] = ['url', 'title', 'site', 'platform', 'author', 'rating', 'postedAt', 'permalink'];

function usable(value: unknown): boolean {
  return (typeof value === 'string' && value.trim() !== '') || (typeof value === 'number' && Number.isFinite(value));
}

/**
 * `contributions` come strongest first. A rating travels with its own scale, never with another
 * extractor's: "4" from one source and "of 10" from another would be a rating nobody gave. Likewise a
 * profile link belongs to the author it was found with: it comes from the extractor that named the
 * author, or from a later one that names the same person.
 */
export function merge(contributions: Contribution[]): Merged {
  const fields: Record<string, unknown> = {};
  const extractedBy: Record<string, string> = {};
  const extractors: string[] = [];
  for (const { by, fields: offered } of contributions) {
    let used = false;
    const sameAuthor = typeof offered.author === 'string' && typeof fields.author === 'string'
      && offered.author.trim().toLowerCase() === fields.author.trim().toLowerCase();
    if (sameAuthor && fields.authorUrl === undefined && usable(offered.authorUrl)) {
      fields.authorUrl = offered.authorUrl;
      extractedBy.authorUrl = by;
      used = true;
    }
    for (const name of ORDER) {
      const value = offered[name];
      if (fields[name] !== undefined || !usable(value)) continue;
      fields[name] = value;
      extractedBy[name] = by;
      used = true;
      if (name === 'author' && usable(offered.authorUrl)) {
        fields.authorUrl = offered.authorUrl;
        extractedBy.authorUrl = by;
      }
      if (name === 'rating') {
        fields.ratingMax = usable(offered.ratingMax) ? offered.ratingMax : scaleFor(value as number);
        extractedBy.ratingMax = by;
      }
    }
    if (used && !extractors.includes(by)) extractors.push(by);
  }
  return { fields: fields as Fields, extractedBy, extractors };
}
