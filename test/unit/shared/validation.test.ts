/**
 * @module Reads of a document written by a broken or older peer: junk is skipped or defaulted and
 * reported, queries keep returning valid records, and nothing throws into the caller.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createAction } from '../../../shared/mutations/actions';
import { addCapture } from '../../../shared/mutations/captures';
import { queryActions } from '../../../shared/queries/actions';
import { countWorkspace } from '../../../shared/queries/counts';
import { queryInbox } from '../../../shared/queries/inbox';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { ACTION_STATUSES, CAPTURE_STATUSES, CHANNELS, SCHEMA_VERSION } from '../../../shared/schema/constants';
import { sampleCapture, testReplica } from '../../helpers/workspace';

/** Writes what a buggy peer might: raw Yjs, bypassing the typed mutations. */
function brokenPeerWrites(doc: Y.Doc) {
  const captures = doc.getMap<unknown>('captures');
  const actions = doc.getMap<unknown>('actions');
  const members = doc.getMap<unknown>('members');
  doc.transact(() => {
    captures.set('cap_string', 'not a record');
    captures.set('cap_notext', new Y.Map(Object.entries({ id: 'cap_notext', status: 'new' })));
    const weird = new Y.Map<unknown>();
    captures.set('cap_weird', weird);
    for (const [k, v] of Object.entries({
      text: 'Kept, with its junk fields defaulted', status: 'lost', channel: 42, sentiment: 'furious', note: { html: '<b>' },
      capturedAt: 'yesterday', source: ['not', 'an', 'object'], anchor: { quote: 12 }, tags: ['array', 'not', 'set'],
      loop: { state: 'maybe' },
    })) weird.set(k, v);
    const halfSource = new Y.Map<unknown>();
    captures.set('cap_halfsource', halfSource);
    halfSource.set('text', 'Source fields of the wrong type');
    halfSource.set('capturedAt', '2026-11-01T10:00:00.000Z');
    halfSource.set('source', { url: 7, title: 'ok', rating: 'five', ratingMax: 1e9, author: ['x'] });
    const tags = new Y.Map<unknown>();
    halfSource.set('tags', tags);
    tags.set('fine', true);
    tags.set('x'.repeat(500), true);
    const action = new Y.Map<unknown>();
    actions.set('act_broken', action);
    for (const [k, v] of Object.entries({
      title: 'Broken action', status: 'someday', impact: 9, effort: '2', dueDate: '31/12/2026', assignee: 5, doneAt: 'never',
      captureIds: 'cap_weird',
    })) action.set(k, v);
    const comments = new Y.Array<unknown>();
    action.set('comments', comments);
    comments.push([{ id: 'com_1', author: 'mem_alice', text: 'good', at: '2026-11-01T09:00:00.000Z' }, 'junk', { text: 3 }]);
    actions.set('act_notitle', new Y.Map(Object.entries({ status: 'open' })));
    members.set('mem_junk', new Y.Map(Object.entries({ name: 'Eve', role: 'admin', color: 'red' })));
    members.set('mem_noname', new Y.Map());
    const activity = doc.getMap<unknown>('activity');
    activity.set('evt_null', null);
    activity.set('evt_hacked', { verb: 'hacked' });
    activity.set('evt_text', 'text');
    activity.set('evt_wrongid', { id: 'evt_other', at: '2026-11-01T09:00:00.000Z', actor: 'x', verb: 'capture.added', targetKind: 'capture', targetId: 'cap_x' });
    doc.getMap<unknown>('meta').set('schemaVersion', 'one');
  });
}

describe('reading a document with junk from another peer', () => {
  it('skips unusable records, defaults bad fields, reports both, and never throws', () => {
    const { doc, ctx } = testReplica('mem_alice');
    const good = addCapture(ctx, sampleCapture()).id!;
    const action = createAction(ctx, { title: 'Good action', captureIds: [good] });
    brokenPeerWrites(doc);
    const view = createWorkspaceView(doc);

    const captureIds = view.captures().map((c) => c.id).sort();
    expect(captureIds).toEqual(['cap_halfsource', 'cap_weird', good].sort());
    const weird = view.capture('cap_weird')!;
    expect(weird).toMatchObject({
      status: 'new', channel: 'other', sentiment: null, note: '', capturedAt: '1970-01-01T00:00:00.000Z',
      tags: [], anchor: null, loop: { state: 'none', replyUrl: null }, source: { url: '', site: '', rating: null },
    });
    const half = view.capture('cap_halfsource')!;
    expect(half.tags).toEqual(['fine']);
    expect(half.source).toMatchObject({ url: '', title: 'ok', rating: null, ratingMax: null, author: null });

    expect(view.actions().map((a) => a.id).sort()).toEqual(['act_broken', action].sort());
    expect(view.action('act_broken')).toMatchObject({
      status: 'open', impact: null, effort: null, dueDate: null, assignee: null, doneAt: null, captureIds: [],
      comments: [{ id: 'com_1', text: 'good' }],
    });
    expect(view.members().map((m) => m.id).sort()).toEqual(['mem_alice', 'mem_junk']);
    expect(view.member('mem_junk')).toMatchObject({ role: 'viewer', color: '#64748b' });
    expect(view.meta().schemaVersion).toBe(SCHEMA_VERSION);

    // Every record handed out is valid by construction.
    for (const c of view.captures()) {
      expect(CAPTURE_STATUSES).toContain(c.status);
      expect(CHANNELS).toContain(c.channel);
      expect(typeof c.text).toBe('string');
    }
    for (const a of view.actions()) expect(ACTION_STATUSES).toContain(a.status);

    // Queries work over the cleaned records.
    expect(queryInbox(view.captures(), { status: 'new' }).total).toBe(2);
    expect(queryActions(view.actions(), { view: 'overdue', today: '2026-11-02' }).items).toEqual([]);
    expect(countWorkspace(view.captures(), view.actions(), { me: 'mem_alice', today: '2026-11-02' }).captures).toEqual({ new: 2, triaged: 1, archived: 0 });

    const issues = view.report().issues;
    const skipped = issues.filter((i) => i.outcome === 'skipped').map((i) => `${i.kind}:${i.id}`).sort();
    expect(skipped).toEqual([
      'action:act_notitle', 'activity:evt_hacked', 'activity:evt_null', 'activity:evt_text', 'activity:evt_wrongid',
      'capture:cap_notext', 'capture:cap_string', 'member:mem_noname',
    ].sort());
    const defaulted = (id: string) => issues.filter((i) => i.id === id && i.outcome === 'defaulted').map((i) => i.field);
    expect(defaulted('cap_weird')).toEqual(expect.arrayContaining(['status', 'channel', 'sentiment', 'note', 'capturedAt', 'source', 'tags', 'anchor', 'state']));
    expect(defaulted('act_broken')).toEqual(expect.arrayContaining(['status', 'impact', 'effort', 'dueDate', 'assignee', 'doneAt', 'captureIds', 'comments']));
    expect(defaulted('meta')).toEqual(['schemaVersion']);
    const statusIssue = issues.find((i) => i.id === 'cap_weird' && i.field === 'status');
    expect(statusIssue?.problem).toBe('expected one of new|triaged|archived, got "lost"');
  });

  it('re-reads only what changed and keeps derived links current', () => {
    const { doc, ctx } = testReplica('mem_alice');
    const a = addCapture(ctx, sampleCapture()).id!;
    const view = createWorkspaceView(doc);
    const before = view.capture(a);
    expect(before!.actionIds).toEqual([]);
    const other = addCapture(ctx, sampleCapture({ text: 'Another one' })).id!;
    expect(view.capture(a)).toBe(before); // untouched record: same cached object
    const action = createAction(ctx, { title: 'Fix', captureIds: [a] });
    expect(view.capture(a)!.actionIds).toEqual([action]);
    expect(view.capture(other)!.actionIds).toEqual([]);
    const changes: string[][] = [];
    view.onChange((change) => changes.push([...change.captures, ...change.actions]));
    doc.getMap<Y.Map<unknown>>('captures').get(a)!.set('status', 'bogus');
    expect(view.capture(a)!.status).toBe('new');
    expect(changes).toEqual([[a]]);
  });

  it('reads junk in the schema-2 records the same way: skipped or defaulted, reported, never thrown', () => {
    const { doc, ctx } = testReplica('mem_alice');
    const good = createAction(ctx, { title: 'Good proposal', propose: true });
    doc.transact(() => {
      const map = (root: string, id: string, fields: Record<string, unknown>) => {
        const record = new Y.Map<unknown>();
        doc.getMap<Y.Map<unknown>>(root).set(id, record);
        for (const [k, v] of Object.entries(fields)) record.set(k, v);
        return record;
      };
      map('huddles', 'hud_nostart', { startedBy: 'mem_alice' });
      map('huddles', 'hud_junk', { startedAt: '2026-11-01T09:00:00.000Z', endedAt: 'later', attendees: ['mem_alice'], notes: 'x' });
      doc.getMap('boards').set('brd_text', 'not a record');
      map('boards', 'brd_junk', { startedAt: '2026-11-01T09:00:00.000Z', nextBoardDate: '2026-13-01', decisions: 5 });
      map('initiatives', 'ini_notitle', { number: 1 });
      map('initiatives', 'ini_junk', { title: 'Junk', number: -3, horizon: 'forever', status: 'dreaming', costAmount: 'a lot', benefitAmount: 1e20 });
      const proposal = doc.getMap<Y.Map<unknown>>('actions').get(good)!;
      proposal.set('decision', { outcome: 'maybe', by: 3 });
      proposal.set('initiativeId', 'not an id');
      (proposal.get('rankings') as Y.Map<unknown>).set('mem_alice', 'first');
      (proposal.get('rankings') as Y.Map<unknown>).set('mem_bob', 2);
      const settings = doc.getMap('settings');
      settings.set('escalationMinCaptures', 0);
      settings.set('replyTargetDays', 'two');
      settings.set('boardCadence', 'daily');
      settings.set('nextBoardDate', 'soon');
    });
    const view = createWorkspaceView(doc);
    expect(view.huddles().map((h) => h.id)).toEqual(['hud_junk']);
    expect(view.huddles()[0]).toMatchObject({ endedAt: null, attendees: [], notes: [] });
    expect(view.boards()).toEqual([expect.objectContaining({ id: 'brd_junk', nextBoardDate: null, decisions: [] })]);
    expect(view.initiatives()).toEqual([expect.objectContaining({ id: 'ini_junk', code: 'CX-1', horizon: 'short', status: 'planned', costAmount: null, benefitAmount: null })]);
    expect(view.action(good)).toMatchObject({ status: 'proposed', decision: null, initiativeId: null, rankings: { mem_bob: 2 } });
    expect(view.settings()).toEqual({
      escalationMinCaptures: 3, escalationWindowDays: 14, replyTargetDays: 2, boardCadence: 'monthly', nextBoardDate: null, redactPersonalData: true,
    });
    const issues = view.report().issues;
    expect(issues.filter((i) => i.outcome === 'skipped').map((i) => `${i.kind}:${i.id}`).sort())
      .toEqual(['board:brd_text', 'huddle:hud_nostart', 'initiative:ini_notitle']);
    const defaulted = (id: string) => issues.filter((i) => i.id === id && i.outcome === 'defaulted').map((i) => i.field);
    expect(defaulted('hud_junk')).toEqual(expect.arrayContaining(['endedAt', 'attendees', 'notes']));
    expect(defaulted('ini_junk')).toEqual(expect.arrayContaining(['number', 'horizon', 'status', 'costAmount', 'benefitAmount']));
    expect(defaulted(good)).toEqual(expect.arrayContaining(['decision', 'initiativeId', 'rankings']));
    expect(defaulted('settings')).toEqual(expect.arrayContaining(['escalationMinCaptures', 'replyTargetDays', 'boardCadence', 'nextBoardDate']));
  });
});
