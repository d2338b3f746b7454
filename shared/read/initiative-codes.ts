/**
 * @module Initiative codes (CX-1, CX-2, ...). A new initiative takes one past the highest number
 * its replica knows, so two people creating one offline can pick the same number. Readers settle
 * that the same way everywhere, from the data alone: the earlier created (then the smaller id)
 * keeps the number, and each later duplicate is shown with a number after the highest in use,
 * in order of creation. Nothing is rewritten, so no replica fights another over it.
 */
import { INITIATIVE_CODE_PREFIX } from '../schema/constants';
import type { Initiative } from '../schema/records';

const byCreation = (a: Initiative, b: Initiative) =>
  (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Copies of the initiatives with `code` filled in, ordered by code number. */
export function assignInitiativeCodes(initiatives: readonly Initiative[]): Initiative[] {
  const ordered = [...initiatives].sort((a, b) => a.number - b.number || byCreation(a, b));
  const taken = new Set<number>();
  const kept: Initiative[] = [];
  const later: Initiative[] = [];
  for (const initiative of ordered) {
    if (initiative.number >= 1 && !taken.has(initiative.number)) {
      taken.add(initiative.number);
      kept.push({ ...initiative, code: `${INITIATIVE_CODE_PREFIX}-${initiative.number}` });
    } else later.push(initiative);
  }
  let next = Math.max(0, ...taken) + 1;
  for (const initiative of later.sort(byCreation)) {
    kept.push({ ...initiative, number: next, code: `${INITIATIVE_CODE_PREFIX}-${next}` });
    next++;
  }
  return kept.sort((a, b) => a.number - b.number);
}
