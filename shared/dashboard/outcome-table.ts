/**
 * @module The outcomes of many done actions at once, sorted by how much the complaints dropped:
 * those that can be judged first (biggest drop first), then those too early or with too little data.
 */
import type { Idf } from '../queries/similarity';
import type { Action, Capture } from '../schema/records';
import type { CaptureIndex } from './capture-index';
import { outcomeOf, type Outcome, type OutcomeVerdict } from './outcomes';

const JUDGED: readonly OutcomeVerdict[] = ['fewer', 'same', 'more'];
const RANK: Record<OutcomeVerdict, number> = { fewer: 0, same: 0, more: 0, too_early: 1, too_little: 2, no_theme: 3 };

export function outcomeTable(
  done: readonly Action[], captureOf: (id: string) => Capture | undefined, index: CaptureIndex, options: { now: number; idf: Idf; windowDays?: number },
): Outcome[] {
  const rows: Outcome[] = [];
  for (const action of done) {
    const evidence = action.captureIds.map(captureOf).filter((c): c is Capture => c !== undefined);
    const outcome = outcomeOf(action, evidence, index, options);
    if (outcome) rows.push(outcome);
  }
  return rows.sort((a, b) => RANK[a.verdict] - RANK[b.verdict] || b.drop - a.drop || (a.doneAt < b.doneAt ? 1 : a.doneAt > b.doneAt ? -1 : 0) || (a.actionId < b.actionId ? -1 : 1));
}

export const isJudged = (o: Outcome) => JUDGED.includes(o.verdict);
