/** @module The IDF table for local similarity, cached per captures list (the view hands out a new list on every change). */
import { buildIdf, type Idf } from '../../../shared/queries/similarity';
import type { Capture } from '../../../shared/schema/records';

const cache = new WeakMap<readonly Capture[], Idf>();

export function idfFor(captures: readonly Capture[]): Idf {
  let idf = cache.get(captures);
  if (!idf) {
    idf = buildIdf(captures.map((c) => c.text));
    cache.set(captures, idf);
  }
  return idf;
}
