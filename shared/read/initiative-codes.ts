/**
 * @module Initiative codes (CX-1, CX-2, ...). A new initiative takes one past the highest code its
 * replica shows, so two people creating one offline can pick the same number. Readers settle
 * that the same way everywhere, from the data alone: in order of creation, each initiative keeps
 * its stored number unless an earlier one has it; a later duplicate is shown with the lowest
 * number above those shown so far that no initiative has stored. Nothing is rewritten, so no two
 * replicas fight over it, and a new initiative never takes a code a duplicate is shown with.
 */
import { INITIATIVE_CODE_PREFIX } from '../schema/constants';
import type { Initiative } from '../schema/records';

const byCreation = (a: Initiative, b: Initiative) =>
  (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Copies of the initiatives with `code` (and the number it shows) filled in, in code order. */
export function assignInitiativeCodes(initiatives: readonly Initiative[]): Initiative[] {
  const stored = new Set(initiatives.map((i) => i.number).filter((n) => n >= 1));
  const shown = new Set<number>();
  let highest = 0;
  const coded = [...initiatives].sort(byCreation).map((initiative) => {
    let number = initiative.number;
    if (number < 1 || shown.has(number)) {
      number = highest + 1;
      while (shown.has(number) || stored.has(number)) number++;
    }
    shown.add(number);
    highest = Math.max(highest, number);
    return { ...initiative, number, code: `${INITIATIVE_CODE_PREFIX}-${number}` };
  });
  return coded.sort((a, b) => a.number - b.number);
}
