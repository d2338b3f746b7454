/** @module Near-duplicate groups for the inbox's "+3 similar", cached per captures list like the IDF table. */
import { nearDuplicateGroups } from '../../../shared/queries/similar-captures';
import type { Capture } from '../../../shared/schema/records';
import { idfFor } from './idf';

const cache = new WeakMap<readonly Capture[], Map<string, readonly string[]>>();

export function groupsFor(captures: readonly Capture[]): Map<string, readonly string[]> {
  let groups = cache.get(captures);
  if (!groups) {
    groups = nearDuplicateGroups(captures, idfFor(captures));
    cache.set(captures, groups);
  }
  return groups;
}
