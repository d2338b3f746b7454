/**
 * A teammate still on the version-1 extension opens a version-2 workspace: the released
 * version-1 readers (from git, see test/helpers/released-code.ts) must read it without throwing,
 * show a proposal as open work, and report what they did not understand.
 */
import { describe, expect, it } from 'vitest';
import { createAction } from '../../../shared/mutations/actions';
import { addCapture } from '../../../shared/mutations/captures';
import { createInitiative } from '../../../shared/mutations/initiatives';
import { addHuddleNote, endBoard, startBoard, startHuddle } from '../../../shared/mutations/meetings';
import { acceptProposal, declineProposal, rankProposals } from '../../../shared/mutations/proposals';
import { updateWorkspaceSettings } from '../../../shared/mutations/settings';
import { initWorkspace } from '../../../shared/doc/init';
import { SCHEMA_VERSION } from '../../../shared/schema/constants';
import { RELEASES, releasedShared } from '../../helpers/released-code';
import { sampleCapture, testReplica } from '../../helpers/workspace';

describe('a version-1 reader on a version-2 workspace', () => {
  it('reads proposals as open work, skips what it does not know, and never throws', async () => {
    const v1 = releasedShared(RELEASES.v1);
    const { createWorkspaceView } = await import(`${v1}/read/workspace-view.ts`);
    const { queryActions } = await import(`${v1}/queries/actions.ts`);
    const { countWorkspace } = await import(`${v1}/queries/counts.ts`);
    const { migrateWorkspace } = await import(`${v1}/doc/migrations.ts`);
    const { SCHEMA_VERSION: V1 } = await import(`${v1}/schema/constants.ts`);
    expect(V1).toBe(1);

    const r = testReplica('mem_ana', { name: 'Ana' });
    initWorkspace(r.doc, { name: 'Acme', now: r.ctx.now });
    const cap = addCapture(r.ctx, sampleCapture({ tags: ['refund'] })).id!;
    const proposal = createAction(r.ctx, { title: 'Refund experience', propose: true, captureIds: [cap] });
    const declined = createAction(r.ctx, { title: 'Rewrite everything', propose: true });
    rankProposals(r.ctx, [proposal, declined]);
    const board = startBoard(r.ctx);
    const initiative = createInitiative(r.ctx, { title: 'Refunds' });
    const accepted = createAction(r.ctx, { title: 'Refund in 3 days', propose: true });
    acceptProposal(r.ctx, accepted, { assignee: 'mem_ana', dueDate: '2026-11-20', initiativeId: initiative, boardId: board });
    declineProposal(r.ctx, declined, { reason: 'Not this year', boardId: board });
    endBoard(r.ctx, board);
    addHuddleNote(r.ctx, startHuddle(r.ctx), 'Refunds are the theme of the week');
    updateWorkspaceSettings(r.ctx, { escalationMinCaptures: 4 });

    const view = createWorkspaceView(r.doc);
    const byTitle = Object.fromEntries(view.actions().map((a: { title: string }) => [a.title, a]));
    expect(byTitle['Refund experience']).toMatchObject({ status: 'open', captureIds: [cap] });
    expect(byTitle['Rewrite everything']).toMatchObject({ status: 'wont_do', resolution: 'Not this year' });
    expect(byTitle['Refund in 3 days']).toMatchObject({ status: 'open', assignee: 'mem_ana', dueDate: '2026-11-20' });
    const report = view.report().issues as { id: string; field: string | null; outcome: string }[];
    expect(report).toContainEqual(expect.objectContaining({ id: proposal, field: 'status', outcome: 'defaulted' }));
    // New activity verbs are skipped and reported, the rest of the log still reads.
    expect(report.filter((i) => i.outcome === 'skipped').length).toBeGreaterThan(0);
    expect(view.activity().map((e: { verb: string }) => e.verb)).toContain('capture.added');
    expect(queryActions(view.actions(), { view: 'all' }).total).toBe(3);
    expect(countWorkspace(view.captures(), view.actions(), { me: 'mem_ana', today: '2026-11-01' }).actions.open).toBe(2);
    // It knows the document is newer and writes nothing structural.
    expect(migrateWorkspace(r.doc)).toEqual({ status: 'newer', version: SCHEMA_VERSION, supported: 1 });
  });
});
