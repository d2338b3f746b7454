/**
 * @module Outcome windows: captures on a done action's theme (its evidence's tags, or text that reads
 * like it) in the 30 days before and after the done date, their mean rating, and plain words when
 * it is too early or there is too little data to tell.
 */
import { describe, expect, it } from 'vitest';
import { createCaptureIndex } from '../../../shared/dashboard/capture-index';
import { outcomeTable } from '../../../shared/dashboard/outcome-table';
import { outcomeOf } from '../../../shared/dashboard/outcomes';
import { createAction, setActionStatus } from '../../../shared/mutations/actions';
import { addCapture, setCaptureStatus } from '../../../shared/mutations/captures';
import { buildIdf } from '../../../shared/queries/similarity';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { sampleCapture, testReplica } from '../../helpers/workspace';

const DONE = '2026-10-01T12:00:00.000Z';
const day = (n: number) => new Date(Date.parse(DONE) + n * 86_400_000).toISOString();

function workspace() {
  const w = testReplica('mem_alice');
  const at = (iso: string) => ({ ...w.ctx, now: () => Date.parse(iso) });
  const capture = (when: string, text: string, tags: string[], rating: number | null) =>
    addCapture(at(when), sampleCapture({ text, tags, source: { url: `https://shop.example/${when}`, rating, ratingMax: rating === null ? null : 5 } }), { allowDuplicate: true }).id!;
  // Before the fix: five captures tagged login in the 30 days before (one of them the evidence).
  const evidence = capture(day(-20), 'The app logs me out every morning after the update', ['login'], 1);
  [[-25, 2], [-12, 2], [-5, 1], [-1, 3]].forEach(([d, r]) => capture(day(d!), `Logged out again, day ${d}`, ['login'], r!));
  capture(day(-45), 'Logged out, long ago', ['login'], 1); // outside both windows
  // After: one tagged, one untagged that reads like the evidence, one unrelated, one archived.
  capture(day(3), 'Login works now, thanks', ['login'], 4);
  capture(day(9), 'After the update the app logs me out every single morning', [], 4);
  capture(day(10), 'Love the new dashboard colours', [], 5);
  const archived = capture(day(11), 'Logged out (duplicate)', ['login'], 1);
  setCaptureStatus(at(day(11)), [archived], 'archived', 'duplicate');
  const fixed = createAction(at(day(-19)), { title: 'Keep people signed in', captureIds: [evidence] });
  setActionStatus(at(DONE), fixed, 'done', 'Token refresh fixed');
  const rare = createAction(at(day(-3)), { title: 'Rare one', captureIds: [capture(day(-3), 'The export button is purple', ['export-colour'], null)] });
  setActionStatus(at(DONE), rare, 'done', 'Recoloured');
  const bare = createAction(at(day(-3)), { title: 'No evidence' });
  setActionStatus(at(DONE), bare, 'done', 'Done anyway');
  const open = createAction(at(day(-3)), { title: 'Still open', captureIds: [evidence] });
  const view = createWorkspaceView(w.doc);
  const idf = buildIdf(view.captures().map((c) => c.text));
  const index = createCaptureIndex(view.captures());
  const evidenceOf = (id: string) => view.action(id)!.captureIds.map((c) => view.capture(c)!);
  const outcome = (id: string, now: number) => outcomeOf(view.action(id)!, evidenceOf(id), index, { now, idf });
  return { view, idf, index, outcome, ids: { fixed, rare, bare, open } };
}

describe('outcomes of done actions', () => {
  it('counts theme captures in the windows before and after the done date, with their mean rating', () => {
    const { outcome, ids } = workspace();
    const o = outcome(ids.fixed, Date.parse(day(40)))!;
    expect(o.before).toMatchObject({ from: day(-30), to: DONE, count: 5, rated: 5, meanRating: 1.8 });
    expect(o.after).toMatchObject({ from: DONE, to: day(30), count: 2, rated: 2, meanRating: 4 });
    expect(o).toMatchObject({ verdict: 'fewer', drop: 3, elapsedDays: 30, windowDays: 30 });
    expect(o.words).toBe('Since done: 2 similar captures in 30 days, 5 in the 30 days before; mean rating 1.8 → 4.0.');
  });

  it('says when it is too early, or too little to tell, or there is nothing to compare', () => {
    const { outcome, ids } = workspace();
    const early = outcome(ids.fixed, Date.parse(day(10)))!;
    expect(early).toMatchObject({ verdict: 'too_early', elapsedDays: 10 });
    expect(early.words).toBe('Too early to tell: done 10 days ago, check back on 2026-10-31. So far 2 similar captures since done, 5 in the 30 days before; mean rating 1.8 → 4.0.');
    const rare = outcome(ids.rare, Date.parse(day(40)))!;
    expect(rare).toMatchObject({ verdict: 'too_little', before: { count: 1 }, after: { count: 0 } });
    expect(rare.words).toBe('Too little data to tell. Since done: no similar captures in 30 days, 1 in the 30 days before.');
    expect(outcome(ids.bare, Date.parse(day(40)))).toMatchObject({ verdict: 'no_theme', words: 'No evidence linked, so there is nothing to compare.' });
    expect(outcome(ids.open, Date.parse(day(40)))).toBeNull();
  });

  it('takes other window lengths, and sorts a table by the drop, judged ones first', () => {
    const { view, idf, index, outcome, ids } = workspace();
    const week = outcomeOf(view.action(ids.fixed)!, [view.capture(view.action(ids.fixed)!.captureIds[0]!)!], index, { now: Date.parse(day(40)), idf, windowDays: 7 })!;
    expect(week.before.count).toBe(2); // day -5 and day -1
    expect(week.after.count).toBe(1); // day 3
    const table = outcomeTable(view.actions().filter((a) => a.status === 'done'), (id) => view.capture(id), index, { now: Date.parse(day(40)), idf });
    expect(table.map((o) => o.actionId)).toEqual([ids.fixed, ids.rare, ids.bare]);
    expect(outcome(ids.fixed, Date.parse(day(40)))!.drop).toBe(3);
  });
});
