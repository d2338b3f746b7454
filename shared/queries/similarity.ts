/**
 * @module Local text similarity (TF-IDF cosine, no network): which open actions have evidence
 * that reads like a capture, so people link to an existing action instead of making a duplicate.
 */
import type { Action, Capture } from '../schema/records';
import { isLive } from './actions';
import { foldText } from './text-search';

const STOPWORDS = new Set((
  'the and for are but not you your with this that have has had was were they them their there what when which who will would '
  + 'can could should from into onto about after before just very really also than then its it\'s our out all any some more most '
  + 'les des une est pas que qui pour dans avec sur der die das und ist nicht mit los las por para con una'
).split(' '));

export function terms(text: string): string[] {
  return (foldText(text).match(/[\p{L}\p{N}]{3,}/gu) ?? []).filter((word) => !STOPWORDS.has(word));
}

export type Vector = Map<string, number>;

/** Inverse document frequencies over a corpus of texts; unseen terms get the maximum weight. */
export interface Idf {
  weight(term: string): number;
}

export function buildIdf(texts: Iterable<string>): Idf {
  const df = new Map<string, number>();
  let n = 0;
  for (const text of texts) {
    n++;
    for (const term of new Set(terms(text))) df.set(term, (df.get(term) ?? 0) + 1);
  }
  return { weight: (term) => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1 };
}

/** TF-IDF weights of a text's terms. */
export function termVector(text: string, idf: Idf): Vector {
  return vector(text, idf);
}

/** The `count` heaviest terms of a vector, heaviest first (ties alphabetical). */
export function topTerms(vector: Vector, count: number): string[] {
  return [...vector].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, count).map(([term]) => term);
}

function vector(text: string, idf: Idf): Vector {
  const tf = new Map<string, number>();
  for (const term of terms(text)) tf.set(term, (tf.get(term) ?? 0) + 1);
  for (const [term, count] of tf) tf.set(term, count * idf.weight(term));
  return tf;
}

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [term, w] of a) {
    na += w * w;
    const other = b.get(term);
    if (other !== undefined) dot += w * other;
  }
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Open actions and proposals not yet linked to `capture`, scored by how alike their title and evidence read. */
export function suggestActions(
  capture: Capture,
  actions: readonly Action[],
  captureById: (id: string) => Capture | undefined,
  idf: Idf,
  options: { limit?: number; minScore?: number } = {},
): { action: Action; score: number }[] {
  const target = vector(`${capture.text} ${capture.note}`, idf);
  const scored: { action: Action; score: number }[] = [];
  for (const action of actions) {
    if (!isLive(action) || action.captureIds.includes(capture.id)) continue;
    const evidence = action.captureIds.map((id) => captureById(id)?.text ?? '').join(' ');
    const score = cosine(target, vector(`${action.title} ${action.title} ${action.description} ${evidence}`, idf));
    if (score >= (options.minScore ?? 0.12)) scored.push({ action, score: Math.round(score * 1000) / 1000 });
  }
  return scored.sort((a, b) => b.score - a.score || a.action.id.localeCompare(b.action.id)).slice(0, options.limit ?? 5);
}
