/**
 * @module The server's authorship check on hand-built updates: what honest mutations send passes,
 * every way of writing as someone else (or rewriting who did something) is refused as a whole.
 */
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roots } from '../../../shared/doc/roots';
import { commentOnAction, createAction, setActionStatus } from '../../../shared/mutations/actions';
import { addCapture, editCapture, setCustomerLoop, tagCaptures } from '../../../shared/mutations/captures';
import { registerMember } from '../../../shared/mutations/members';
import { splitUpdate } from '../../../extension/hub/split-update';
import { checkAuthorship } from '../../../sync-server/protocol/authorship';
import { sampleCapture } from '../../helpers/workspace';
import { ANA, BOB, refusedWith, workspace } from './authorship-fixture';

describe('honest updates pass', () => {
  it('a capture, an action, a comment and edits, each checked as its writer', () => {
    const w = workspace();
    const capture = w.sent(w.ana, () => addCapture(w.ana.ctx, sampleCapture()));
    expect(w.check(capture, ANA)).toMatchObject({ ok: true, writer: ANA });
    w.accept(capture);
    w.syncAll();
    const captureId = roots(w.bob.doc).captures.keys().next().value as string;

    // Bob acts on Ana's capture, assigns it to Ana (assignee is not a per-person mark), comments.
    const action = w.sent(w.bob, () => createAction(w.bob.ctx, { title: 'Fix coupons', captureIds: [captureId], assignee: ANA }));
    expect(w.check(action, BOB)).toMatchObject({ ok: true });
    w.accept(action);
    w.syncAll();
    const actionId = roots(w.ana.doc).actions.keys().next().value as string;
    const comment = w.sent(w.ana, () => commentOnAction(w.ana.ctx, actionId, 'On it'));
    expect(w.check(comment, ANA)).toMatchObject({ ok: true });
    w.accept(comment);
    w.syncAll();

    // Edits of someone else's records: note, tags, follow-up, status.
    const edits = w.sent(w.bob, () => {
      editCapture(w.bob.ctx, captureId, { note: 'Seen on three reviews' });
      tagCaptures(w.bob.ctx, [captureId], { add: ['billing'] });
      setCustomerLoop(w.bob.ctx, captureId, { state: 'reply_needed' });
      setActionStatus(w.bob.ctx, actionId, 'done', 'Shipped the fix');
    });
    expect(w.check(edits, BOB)).toMatchObject({ ok: true });
    w.accept(edits);
    // Updating one's own member record.
    const rename = w.sent(w.bob, () => registerMember(w.bob.ctx, { name: 'Bob B.', role: 'editor' }));
    expect(w.check(rename, BOB)).toMatchObject({ ok: true });
  });

  it('one transaction cut into several updates (chunked sync) passes chunk by chunk', () => {
    const w = workspace();
    const update = w.sent(w.ana, () => w.ana.doc.transact(() => {
      for (let i = 0; i < 40; i++) addCapture(w.ana.ctx, sampleCapture({ text: `Bulk capture ${i}` }));
    }));
    const chunks = splitUpdate(update, 2048);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(w.check(chunk, ANA)).toMatchObject({ ok: true });
      w.accept(chunk);
    }
    // Another member's client adding a creator to one of those records is still a rewrite.
    w.syncAll();
    const id = roots(w.bob.doc).captures.keys().next().value as string;
    const late = w.sent(w.bob, () => roots(w.bob.doc).captures.get(id)!.set('capturedBy', BOB));
    expect(w.check(late, BOB)).toEqual(refusedWith(/rewrites who created/));
  });

  it('what the server already has is a no-op, whoever sends it again', () => {
    const w = workspace();
    const capture = w.sent(w.ana, () => addCapture(w.ana.ctx, sampleCapture()));
    w.accept(capture);
    expect(w.check(capture, BOB)).toMatchObject({ ok: true });
    expect(w.check(Y.encodeStateAsUpdate(w.server), BOB)).toMatchObject({ ok: true });
  });

  it('an admin may change any member record; nobody else may', () => {
    const w = workspace();
    const edit = w.sent(w.ana, () => roots(w.ana.doc).members.get(BOB)!.set('name', 'Robert'));
    expect(w.check(edit, ANA, { admin: true })).toMatchObject({ ok: true });
    expect(w.check(edit, ANA)).toEqual(refusedWith(/members\/mem_bob: the member record is mem_bob, not the writer mem_ana/));
  });
});

describe('forgeries are refused', () => {
  it('an activity entry with another member as actor', () => {
    const w = workspace();
    // Ana's device running the real mutation under Bob's id: the actor and creator say Bob.
    const forged = w.sent(w.ana, () => addCapture({ ...w.ana.ctx, actor: BOB }, sampleCapture()));
    expect(w.check(forged, ANA)).toEqual(refusedWith(/not the writer mem_ana/));
    const entryOnly = w.sent(w.ana, () => {
      roots(w.ana.doc).activity.set('evt_forged', {
        id: 'evt_forged', at: '2026-11-01T09:00:00.000Z', actor: BOB, verb: 'action.status',
        targetKind: 'action', targetId: 'act_x', field: 'status', from: 'open', to: 'wont_do',
      });
    });
    expect(w.check(entryOnly, ANA)).toEqual(refusedWith(/activity\/evt_forged\/actor: actor is mem_bob, not the writer mem_ana/));
    const anonymous = w.sent(w.ana, () => roots(w.ana.doc).activity.set('evt_anon', { id: 'evt_anon', verb: 'action.status' }));
    expect(w.check(anonymous, ANA)).toEqual(refusedWith(/written without its actor/));
  });

  it('a record created with another member as creator', () => {
    const w = workspace();
    const forged = w.sent(w.ana, () => {
      const { captures, activity } = roots(w.ana.doc);
      const record = new Y.Map<unknown>();
      captures.set('cap_forged', record);
      record.set('text', 'A complaint Bob never captured');
      record.set('capturedBy', BOB);
      activity.set('evt_honest', { id: 'evt_honest', at: '2026-11-01T09:00:00.000Z', actor: ANA, verb: 'capture.added', targetKind: 'capture', targetId: 'cap_forged' });
    });
    expect(w.check(forged, ANA)).toEqual(refusedWith(/captures\/cap_forged\/capturedBy: capturedBy is mem_bob/));
  });

  it('a creator rewritten later, even to the writer, and a creator removed', () => {
    const w = workspace();
    const capture = w.sent(w.bob, () => addCapture(w.bob.ctx, sampleCapture()));
    w.accept(capture);
    w.syncAll();
    const id = roots(w.ana.doc).captures.keys().next().value as string;
    const rewrite = w.sent(w.ana, () => roots(w.ana.doc).captures.get(id)!.set('capturedBy', ANA));
    expect(w.check(rewrite, ANA)).toEqual(refusedWith(/rewrites who created an existing record/));
    const own = w.sent(w.bob, () => roots(w.bob.doc).captures.get(id)!.set('capturedBy', BOB));
    expect(w.check(own, BOB)).toEqual(refusedWith(/(rewrites|removes) who created/));
    const removed = w.sent(w.ana, () => roots(w.ana.doc).captures.get(id)!.delete('capturedBy'));
    expect(w.check(removed, ANA)).toEqual(refusedWith(/removes who created the record/));
    const replaced = w.sent(w.ana, () => roots(w.ana.doc).captures.set(id, new Y.Map()));
    expect(w.check(replaced, ANA)).toEqual(refusedWith(/removes who created the record/));
    const deleted = w.sent(w.ana, () => roots(w.ana.doc).captures.delete(id));
    expect(w.check(deleted, ANA)).toEqual(refusedWith(/removes who created the record/));
  });

  it('an edit of someone else’s member record', () => {
    const w = workspace();
    const edit = w.sent(w.ana, () => roots(w.ana.doc).members.get(BOB)!.set('name', 'Bobby Tables'));
    expect(w.check(edit, ANA)).toEqual(refusedWith(/members\/mem_bob: the member record is mem_bob/));
    const registerAs = w.sent(w.ana, () => registerMember({ ...w.ana.ctx, actor: 'mem_carol' }, { name: 'Carol', role: 'editor' }));
    expect(w.check(registerAs, ANA)).toEqual(refusedWith(/members\/mem_carol/));
  });

  it('a forged entry hidden among honest ones, in one merged update', () => {
    const w = workspace();
    const honest1 = w.sent(w.ana, () => addCapture(w.ana.ctx, sampleCapture({ text: 'First honest capture' })));
    const hidden = w.sent(w.ana, () => roots(w.ana.doc).activity.set('evt_hidden', {
      id: 'evt_hidden', at: '2026-11-01T09:00:00.000Z', actor: BOB, verb: 'action.commented', targetKind: 'action', targetId: 'act_y',
    }));
    const honest2 = w.sent(w.ana, () => addCapture(w.ana.ctx, sampleCapture({ text: 'Second honest capture' })));
    expect(w.check(Y.mergeUpdates([honest1, honest2]), ANA)).toMatchObject({ ok: true });
    expect(w.check(Y.mergeUpdates([honest1, hidden, honest2]), ANA)).toEqual(refusedWith(/evt_hidden\/actor/));
  });

  it('the history cannot be changed or trimmed', () => {
    const w = workspace();
    const capture = w.sent(w.bob, () => addCapture(w.bob.ctx, sampleCapture()));
    w.accept(capture);
    w.syncAll();
    const [entryId, entry] = [...roots(w.ana.doc).activity.entries()].find(([, e]) => (e as { actor: string }).actor === BOB)!;
    const erase = w.sent(w.ana, () => roots(w.ana.doc).activity.delete(entryId));
    expect(w.check(erase, ANA)).toEqual(refusedWith(/removes an entry that is written once/));
    const ownErase = w.sent(w.bob, () => roots(w.bob.doc).activity.delete(entryId));
    expect(w.check(ownErase, BOB)).toEqual(refusedWith(/written once/));
    const overwrite = w.sent(w.ana, () => roots(w.ana.doc).activity.set(entryId, { ...(entry as object), actor: ANA }));
    expect(w.check(overwrite, ANA)).toEqual(refusedWith(/written once/));
  });

  it('a comment in someone else’s name, and removing someone else’s comments', () => {
    const w = workspace();
    const action = w.sent(w.bob, () => createAction(w.bob.ctx, { title: 'Call the customer' }));
    w.accept(action);
    w.syncAll();
    const actionId = roots(w.bob.doc).actions.keys().next().value as string;
    const comment = w.sent(w.bob, () => commentOnAction(w.bob.ctx, actionId, 'Called, no answer'));
    w.accept(comment);
    w.syncAll();
    const comments = () => roots(w.ana.doc).actions.get(actionId)!.get('comments') as Y.Array<unknown>;
    const inBobsName = w.sent(w.ana, () => comments().push([{ id: 'com_x', author: BOB, text: 'I give up', at: '2026-11-01T10:00:00.000Z' }]));
    expect(w.check(inBobsName, ANA)).toEqual(refusedWith(/comments\/\[\]\/author: comments\[\]\.author is mem_bob/));
    const removeBobs = w.sent(w.ana, () => comments().delete(0, 1));
    expect(w.check(removeBobs, ANA)).toEqual(refusedWith(/comments\[\]\.author of a removed entry is mem_bob/));
    const replaceList = w.sent(w.ana, () => roots(w.ana.doc).actions.get(actionId)!.set('comments', new Y.Array()));
    expect(w.check(replaceList, ANA)).toEqual(refusedWith(/of a removed entry is mem_bob/));
    expect(w.check(removeBobs, BOB)).toMatchObject({ ok: true });
  });

  it('a ranking under someone else’s key (schema 2 mark, checked already)', () => {
    const w = workspace();
    const action = w.sent(w.bob, () => {
      createAction(w.bob.ctx, { title: 'Proposal' });
    });
    w.accept(action);
    w.syncAll();
    const record = () => roots(w.ana.doc).actions.values().next().value as Y.Map<unknown>;
    const own = w.sent(w.ana, () => {
      const rankings = new Y.Map<number>();
      record().set('rankings', rankings);
      rankings.set(ANA, 1);
    });
    expect(w.check(own, ANA)).toMatchObject({ ok: true });
    w.accept(own);
    w.syncAll();
    const other = w.sent(w.ana, () => (record().get('rankings') as Y.Map<number>).set(BOB, 2));
    expect(w.check(other, ANA)).toEqual(refusedWith(/rankings\/mem_bob: the key is mem_bob/));
    const bobs = w.sent(w.bob, () => ((roots(w.bob.doc).actions.values().next().value as Y.Map<unknown>).get('rankings') as Y.Map<number>).set(BOB, 2));
    w.accept(bobs);
    w.syncAll();
    const wipe = w.sent(w.ana, () => record().set('rankings', new Y.Map()));
    expect(w.check(wipe, ANA)).toEqual(refusedWith(/rankings\/mem_(ana|bob): the key/));
    const decision = w.sent(w.ana, () => record().set('decision', { outcome: 'accepted', reason: '', by: BOB, at: 'x', boardId: 'b' }));
    expect(w.check(decision, ANA)).toEqual(refusedWith(/decision\/by/));
  });

  it('changes that build on, or remove, what the server does not have', () => {
    const w = workspace();
    w.sent(w.ana, () => addCapture(w.ana.ctx, sampleCapture()));
    const second = w.sent(w.ana, () => tagCaptures(w.ana.ctx, [roots(w.ana.doc).captures.keys().next().value as string], { add: ['x'] }));
    expect(w.check(second, ANA)).toEqual(refusedWith(/builds on changes the server does not have/));
    // No structs, one deleted range of Bob's client far past anything the server has seen (V1 layout).
    const e = encoding.createEncoder();
    for (const n of [0, 1, 202, 1, 1_000_000, 5]) encoding.writeVarUint(e, n);
    expect(w.check(encoding.toUint8Array(e), ANA)).toEqual(refusedWith(/removes changes the server does not have/));
  });

  it('stops at its deadline', () => {
    const w = workspace();
    const many = w.sent(w.ana, () => { for (let i = 0; i < 50; i++) addCapture(w.ana.ctx, sampleCapture({ text: `Capture ${i}` })); });
    expect(w.check(many, ANA, { deadline: performance.now() - 1 })).toEqual({ ok: false, reason: 'timeout', message: expect.any(String) });
  });
});

describe('after the server lost data (restored from an older backup)', () => {
  /** Ana's and Bob's client ids as the server bound them, with how far it had accepted each. */
  const owners = (docs: Y.Doc) => (client: number) =>
    client === 101 ? { member: ANA, highWater: Y.getState(docs.store, 101) }
      : client === 202 ? { member: BOB, highWater: Y.getState(docs.store, 202) } : undefined;

  it('takes back someone else’s lost changes from another device, checked as theirs', () => {
    const w = workspace();
    const backup = Y.encodeStateAsUpdate(w.server); // before Bob's capture
    const bobs = w.sent(w.bob, () => addCapture(w.bob.ctx, sampleCapture({ text: 'Bob’s capture, lost with the server' })));
    w.accept(bobs);
    w.syncAll();
    const clientOwner = owners(w.server);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, backup);
    const catchUp = Y.encodeStateAsUpdate(w.ana.doc, Y.encodeStateVector(restored));
    expect(checkAuthorship(restored, catchUp, { writer: ANA, admin: false, clientOwner })).toMatchObject({ ok: true });
    // ...but not with its content changed: the lost items say who wrote them.
    const bobsDoc = new Y.Doc();
    Y.applyUpdate(bobsDoc, backup);
    bobsDoc.clientID = 202; // after loading: Yjs picks a new id when an update brings its own
    addCapture({ doc: bobsDoc, actor: ANA }, sampleCapture({ text: 'Rewritten as Ana' }));
    const rewritten = Y.encodeStateAsUpdate(bobsDoc, Y.encodeStateVector(restored));
    expect(checkAuthorship(restored, rewritten, { writer: ANA, admin: false, clientOwner })).toEqual(refusedWith(/in a change sent back for mem_bob/));
  });

  it('refuses new changes under someone else’s client id', () => {
    const w = workspace();
    const clientOwner = owners(w.server);
    const impostor = new Y.Doc();
    Y.applyUpdate(impostor, Y.encodeStateAsUpdate(w.server));
    impostor.clientID = 202; // Bob's (set after loading: Yjs picks a new id when an update brings its own)
    const before = Y.encodeStateVector(impostor);
    addCapture({ doc: impostor, actor: BOB }, sampleCapture({ text: 'Pretending to be Bob' }));
    const update = Y.encodeStateAsUpdate(impostor, before);
    expect(checkAuthorship(w.server, update, { writer: ANA, admin: false, clientOwner })).toEqual(refusedWith(/client id 202, which belongs to mem_bob/));
  });
});

describe('a shared (pre-person) invite', () => {
  it('binds to the one member its first update writes as, never to someone with a personal invite', () => {
    const w = workspace();
    const legacy = 'mem_legacy';
    const join = w.sent(w.ana, () => {
      registerMember({ ...w.ana.ctx, actor: legacy }, { name: 'Old Installation', role: 'editor' });
      addCapture({ ...w.ana.ctx, actor: legacy }, sampleCapture());
    });
    const mayBind = (member: string) => member !== ANA && member !== BOB;
    expect(w.check(join, null, { mayBind })).toMatchObject({ ok: true, writer: legacy });
    const asAna = w.sent(w.ana, () => addCapture(w.ana.ctx, sampleCapture({ text: 'As Ana' })));
    expect(w.check(asAna, null, { mayBind })).toEqual(refusedWith(/mem_ana, whom a shared invite may not write as/));
    const two = w.sent(w.ana, () => {
      addCapture({ ...w.ana.ctx, actor: 'mem_one' }, sampleCapture({ text: 'One' }));
      addCapture({ ...w.ana.ctx, actor: 'mem_two' }, sampleCapture({ text: 'Two' }));
    });
    expect(w.check(two, null, { mayBind })).toEqual(refusedWith(/mem_two, not the writer mem_one/));
  });
});
