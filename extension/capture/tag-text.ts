/**
 * @module Tag text as the workspace stores it (the hub's own rule, shared/mutations/input.ts), so
 * the dialog shows a tag the way it will be stored and says what is wrong before saving.
 */
import { normalizeTag } from '../../shared/mutations/input';

export type TagResult = { ok: true; tag: string } | { ok: false; problem: string };

export function cleanTag(raw: string): TagResult {
  try {
    return { ok: true, tag: normalizeTag(raw) };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
}

/** Workspace tags that match what is typed (prefix matches first), minus those already added. */
export function suggestTags(all: readonly { tag: string }[], typed: string, added: readonly string[], max = 8): string[] {
  const query = typed.trim().toLowerCase().replace(/^#/, '');
  const taken = new Set(added);
  const prefix: string[] = [];
  const inside: string[] = [];
  for (const { tag } of all) {
    if (taken.has(tag)) continue;
    if (query === '' || tag.startsWith(query)) prefix.push(tag);
    else if (tag.includes(query)) inside.push(tag);
  }
  return [...prefix, ...inside].slice(0, max);
}
