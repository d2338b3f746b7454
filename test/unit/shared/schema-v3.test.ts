/**
 * @module Schema 3: the v2 -> v3 migration on a workspace the version-2 code wrote, the reply record
 * and the source check as mutations write them, and a version-2 teammate reading a version-3 workspace.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateWorkspace } from '../../../shared/doc/migrations';
import { setCustomerLoop } from '../../../shared/mutations/captures';
import { addCapture } from '../../../shared/mutations/captures';
import { recordSourceCheck, RECHECK_AFTER_MS } from '../../../shared/mutations/source-check';
import { updateWorkspaceSettings } from '../../../shared/mutations/settings';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { initWorkspace } from '../../../shared/doc/init';
import { RELEASES, releasedShared } from '../../helpers/released-code';
import { sampleCapture, syncPair, testReplica } from '../../helpers/workspace';

function v2Workspace(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, new Uint8Array(readFileSync(new URL('../../fixtures/workspaces/schema-v2.bin', import.meta.url))));
  return doc;
}

const loops = (doc: Y.Doc) => Object.fromEntries(
  [...doc.getMap<Y.Map<unknown>>('captures').values()].map((c) => [String(c.get('text')).slice(0, 20), c.get('loop')]),
);

describe('schema 2 -> 3', () => {
  it('reads every replied follow-up as a reply record from what version 2 kept, rewriting none of them', () => {
    const doc = v2Workspace(600);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(2);
    const before = loops(doc);
    expect(migrateWorkspace(doc, { now: () => Date.UTC(2026, 11, 2) })).toEqual({
      status: 'migrated', from: 2, to: 3, steps: ['captures: replied follow-ups read as a reply record from their link, who and when (nothing rewritten)'],
    });
    // The stored loops are as version 2 wrote them: another member's id is never written in the migrator's name.
    expect(loops(doc)).toEqual(before);
    const read = (start: string) => createWorkspaceView(doc).captures().find((c) => c.text.startsWith(start))!.loop;
    expect(read('The refund took five')).toEqual({
      state: 'replied', replyUrl: 'https://www.trustpilot.com/reviews/65c8a1f2#reply', updatedBy: 'mem_ben0000000000002', updatedAt: '2026-11-20T09:07:00.000Z',
      reply: { text: '', where: null, url: 'https://www.trustpilot.com/reviews/65c8a1f2#reply', by: 'mem_ben0000000000002', at: '2026-11-20T09:07:00.000Z' },
    });
    expect(read('Support asked for th')).toMatchObject({ state: 'replied', reply: { url: null, by: 'mem_ana0000000000001', where: null } });
    expect(read('Charger died after n').reply).toBeNull(); // still waiting: nothing to record
    const view = createWorkspaceView(doc);
    expect(view.report().issues).toEqual([]);
    expect(view.meta().schemaVersion).toBe(3);
    expect(view.captures().every((c) => c.sourceCheck === null)).toBe(true);
    expect(view.settings().redactPersonalData).toBe(true);
    expect(view.activity().at(-1)).toMatchObject({ verb: 'workspace.migrated', from: 2, to: 3 });
    expect(migrateWorkspace(doc)).toEqual({ status: 'current', version: 3 });
  });

  it('converges when two replicas migrate at once, and leaves a reply recorded meanwhile alone', () => {
    const a = v2Workspace(601);
    const b = v2Workspace(602);
    migrateWorkspace(a, { now: () => Date.UTC(2026, 11, 2, 9) });
    const replied = [...b.getMap<Y.Map<unknown>>('captures')].find(([, c]) => String(c.get('text')).startsWith('Support asked'))![0];
    setCustomerLoop({ doc: b, actor: 'mem_ben0000000000002', now: () => Date.UTC(2026, 11, 2, 8) }, replied, {
      state: 'replied', reply: { text: 'Sorry, Grace: refunds now take three days.', where: 'public', url: 'https://www.trustpilot.com/reviews/65c5b6a7' },
    });
    migrateWorkspace(b, { now: () => Date.UTC(2026, 11, 2, 10) });
    syncPair(a, b);
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(createWorkspaceView(a).capture(replied)!.loop.reply).toMatchObject({ text: 'Sorry, Grace: refunds now take three days.', where: 'public' });
    const fromV1 = new Y.Doc();
    Y.applyUpdate(fromV1, new Uint8Array(readFileSync(new URL('../../fixtures/workspaces/schema-v1.bin', import.meta.url))));
    expect(migrateWorkspace(fromV1)).toMatchObject({ status: 'migrated', from: 1, to: 3 });
    expect(createWorkspaceView(fromV1).report().issues).toEqual([]);
  });
});

describe('the reply record', () => {
  it('records what was said, where, the link, who and when; version-2 readers keep seeing the link', () => {
    const r = testReplica('mem_ana');
    const id = addCapture(r.ctx, sampleCapture()).id!;
    setCustomerLoop(r.ctx, id, { state: 'reply_needed' });
    r.tick();
    setCustomerLoop(r.ctx, id, { state: 'replied', reply: { text: 'We fixed the coupon crash.', where: 'public', url: 'https://www.trustpilot.com/reviews/abc123' } });
    const loop = createWorkspaceView(r.doc).capture(id)!.loop;
    expect(loop).toEqual({
      state: 'replied', replyUrl: 'https://www.trustpilot.com/reviews/abc123', updatedBy: 'mem_ana', updatedAt: '2026-11-01T09:01:00.000Z',
      reply: { text: 'We fixed the coupon crash.', where: 'public', url: 'https://www.trustpilot.com/reviews/abc123', by: 'mem_ana', at: '2026-11-01T09:01:00.000Z' },
    });
    expect(() => setCustomerLoop(r.ctx, id, { state: 'replied', reply: { where: 'fax' as never } })).toThrow('Where the reply went must be one of public, private, email, ticket.');
    expect(() => setCustomerLoop(r.ctx, id, { state: 'replied', reply: { text: 'x'.repeat(5_001), where: 'email' } })).toThrow('The reply is longer than 5000 characters.');
    // Back to "reply needed": the reply is gone with the state.
    setCustomerLoop(r.ctx, id, { state: 'reply_needed' });
    expect(createWorkspaceView(r.doc).capture(id)!.loop.reply).toBeNull();
  });
});

describe('the source check', () => {
  it('records found, changed and missing; a repeat only refreshes its date, weekly, and logs nothing', () => {
    const r = testReplica('mem_ana');
    const id = addCapture(r.ctx, sampleCapture()).id!;
    const log = () => createWorkspaceView(r.doc).activity().filter((e) => e.verb === 'capture.source').map((e) => e.to);
    expect(recordSourceCheck(r.ctx, id, { state: 'found' })).toBe(true);
    r.tick();
    expect(recordSourceCheck(r.ctx, id, { state: 'found' })).toBe(false);
    r.tick(RECHECK_AFTER_MS);
    expect(recordSourceCheck(r.ctx, id, { state: 'found' })).toBe(true);
    expect(log()).toEqual(['found']);
    recordSourceCheck(r.ctx, id, { state: 'changed', rating: 4, text: 'The checkout works now, thanks for the quick fix.' });
    expect(createWorkspaceView(r.doc).capture(id)!.sourceCheck).toEqual({
      state: 'changed', checkedAt: expect.any(String), checkedBy: 'mem_ana', rating: 4, text: 'The checkout works now, thanks for the quick fix.',
    });
    recordSourceCheck(r.ctx, id, { state: 'missing' });
    expect(log()).toEqual(['found', 'changed', 'missing']);
    expect(createWorkspaceView(r.doc).capture(id)!.sourceCheck).toMatchObject({ state: 'missing', text: null, rating: null });
    expect(() => recordSourceCheck(r.ctx, id, { state: 'changed' })).toThrow('A changed review needs its new text or rating.');
    expect(() => recordSourceCheck(r.ctx, id, { state: 'gone' as never })).toThrow();
  });

  it('is read defensively: junk from a broken peer is dropped and reported', () => {
    const r = testReplica('mem_ana');
    const id = addCapture(r.ctx, sampleCapture()).id!;
    r.doc.getMap<Y.Map<unknown>>('captures').get(id)!.set('sourceCheck', { state: 'exploded', checkedAt: 7 });
    const view = createWorkspaceView(r.doc);
    expect(view.capture(id)!.sourceCheck).toBeNull();
    expect(view.report().issues).toContainEqual(expect.objectContaining({ id, field: 'sourceCheck' }));
  });
});

describe('workspace redaction setting', () => {
  it('is on unless turned off, and refuses anything but on or off', () => {
    const r = testReplica('mem_ana');
    expect(createWorkspaceView(r.doc).settings().redactPersonalData).toBe(true);
    updateWorkspaceSettings(r.ctx, { redactPersonalData: false });
    expect(createWorkspaceView(r.doc).settings().redactPersonalData).toBe(false);
    expect(() => updateWorkspaceSettings(r.ctx, { redactPersonalData: 'no' as never })).toThrow('Redaction must be on or off.');
  });
});

describe('a version-2 reader on a version-3 workspace', () => {
  it('reads replies and checked captures without throwing, keeps the reply link, and writes nothing structural', async () => {
    const v2 = releasedShared(RELEASES.v2);
    const { createWorkspaceView: v2View } = await import(`${v2}/read/workspace-view.ts`);
    const { migrateWorkspace: v2Migrate } = await import(`${v2}/doc/migrations.ts`);
    const r = testReplica('mem_ana', { name: 'Ana' });
    initWorkspace(r.doc, { name: 'Acme', now: r.ctx.now });
    const id = addCapture(r.ctx, sampleCapture()).id!;
    setCustomerLoop(r.ctx, id, { state: 'replied', reply: { text: 'Fixed.', where: 'email', url: 'https://mail.example/t/1' } });
    recordSourceCheck(r.ctx, id, { state: 'changed', rating: 5, text: 'Great now.' });
    const view = v2View(r.doc);
    expect(view.capture(id)).toMatchObject({ text: sampleCapture().text, loop: { state: 'replied', replyUrl: 'https://mail.example/t/1' } });
    expect(view.activity().map((e: { verb: string }) => e.verb)).toContain('capture.loop');
    expect(v2Migrate(r.doc)).toEqual({ status: 'newer', version: 3, supported: 2 });
  });
});
