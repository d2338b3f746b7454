/** @module Similarity between captures: the dialog's "captures like this one" and the inbox's near-duplicate groups. */
import { describe, expect, it } from 'vitest';
import { addCapture, setCaptureStatus } from '../../../shared/mutations/captures';
import { queryInbox } from '../../../shared/queries/inbox';
import { groupSimilar, nearDuplicateGroups, similarCaptures } from '../../../shared/queries/similar-captures';
import { buildIdf } from '../../../shared/queries/similarity';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { sampleCapture, testReplica } from '../../helpers/workspace';

function workspace() {
  const r = testReplica('mem_ana');
  const add = (text: string) => { r.tick(); return addCapture(r.ctx, sampleCapture({ text, source: { url: `https://reviews.example/${text.length}-${text.slice(0, 8)}` } })).id!; };
  const ids = {
    // The same complaint, posted three times with small differences (near duplicates).
    refund1: add('The refund took five weeks to arrive, support kept asking for photos.'),
    refund2: add('The refund took five weeks to arrive and support kept asking for the same photos.'),
    refund3: add('Refund took five weeks to arrive! Support kept asking me for photos.'),
    login: add('The app logs me out every other day and forgets my settings.'),
    dark: add('Dark mode makes the charts unreadable at night.'),
  };
  return { r, ids, view: () => createWorkspaceView(r.doc) };
}

describe('captures like this one', () => {
  it('finds the ones that read alike, best first, and nothing for unrelated text', () => {
    const { ids, view } = workspace();
    const captures = view().captures();
    const idf = buildIdf(captures.map((c) => c.text));
    const found = similarCaptures('Refund took five weeks, support wanted photos twice.', captures, idf);
    expect(found.map((f) => f.capture.id).sort()).toEqual([ids.refund1, ids.refund2, ids.refund3].sort());
    expect(found[0]!.score).toBeGreaterThanOrEqual(found[2]!.score);
    expect(similarCaptures('Love the new invoice layout.', captures, idf)).toEqual([]);
    expect(similarCaptures('', captures, idf)).toEqual([]);
  });

  it('groups near duplicates once in the inbox, newest first, and lists one group on demand', () => {
    const { r, ids, view } = workspace();
    const captures = view().captures();
    const groups = nearDuplicateGroups(captures, buildIdf(captures.map((c) => c.text)));
    expect(groups.get(ids.login)).toBeUndefined();
    const grouped = queryInbox(captures, { groupSimilar: true }, {}, groups).items;
    const refund = grouped.filter((c) => [ids.refund1, ids.refund2, ids.refund3].includes(c.id));
    expect(refund).toHaveLength(1);
    expect(refund[0]!.id).toBe(ids.refund3); // the newest stands for the group
    expect(refund[0]!.similarIds?.sort()).toEqual([ids.refund1, ids.refund2].sort());
    expect(grouped.map((c) => c.id)).toContain(ids.dark);
    expect(queryInbox(captures, { similarTo: ids.refund1 }, {}, groups).items.map((c) => c.id)).toEqual([ids.refund3, ids.refund2, ids.refund1]);
    // Archived captures leave their group.
    setCaptureStatus(r.ctx, [ids.refund3], 'archived');
    const after = view().captures();
    const regrouped = nearDuplicateGroups(after, buildIdf(after.map((c) => c.text)));
    expect(regrouped.get(ids.refund3)).toBeUndefined();
  });

  it('shows a member alone when the others are filtered out', () => {
    const groups = new Map([['a', ['a', 'b']], ['b', ['a', 'b']]]);
    expect(groupSimilar([{ id: 'b' }], groups)).toEqual([{ id: 'b' }]);
  });
});
