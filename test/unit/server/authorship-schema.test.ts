/**
 * @module The authorship check against the schema: the cadence's person fields (schema 2) and the
 * evidence's (schema 3) each refused when forged, migrations passing as the member who runs them, and the rule table equal to
 * the table "Fields that record a person" in docs/schema.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { migrateWorkspace } from '../../../shared/doc/migrations';
import { roots } from '../../../shared/doc/roots';
import { addCapture, setCustomerLoop } from '../../../shared/mutations/captures';
import { createInitiative, editInitiative } from '../../../shared/mutations/initiatives';
import { addHuddleNote, endBoard, endHuddle, startBoard, startHuddle } from '../../../shared/mutations/meetings';
import { recordSourceCheck } from '../../../shared/mutations/source-check';
import { AUTHORSHIP_RULES } from '../../../shared/schema/authorship';
import { checkAuthorship } from '../../../sync-server/protocol/authorship';
import { sampleCapture, type TestReplica } from '../../helpers/workspace';
import { ANA, BOB, refusedWith, workspace } from './authorship-fixture';

describe('a schema migration', () => {
  it('passes as the member whose device runs it, over records other people wrote', () => {
    // The version-1 fixture on the server, and a follow-up Ana marked replied in the shape every
    // release so far writes (its updatedBy hers): a step must not rewrite that in the migrator's name.
    const fixture = new Uint8Array(readFileSync(new URL('../../fixtures/workspaces/schema-v1.bin', import.meta.url)));
    const server = new Y.Doc();
    Y.applyUpdate(server, fixture);
    const [ana, bob] = ['mem_ana0000000000001', 'mem_bo00000000000002'];
    const device = (clientId: number) => {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(server));
      doc.clientID = clientId; // after loading: Yjs picks a new id when an update brings its own
      return doc;
    };
    const anas = device(101);
    const before = Y.encodeStateVector(anas);
    const capture = roots(anas).captures.get('cap_m2271pb37atn35m3')!;
    capture.set('loop', { state: 'replied', replyUrl: 'https://www.trustpilot.com/reviews/abc123#reply', updatedBy: ana, updatedAt: '2026-11-05T10:00:00.000Z' });
    const replied = Y.encodeStateAsUpdate(anas, before);
    expect(checkAuthorship(server, replied, { writer: ana, admin: false })).toMatchObject({ ok: true });
    Y.applyUpdate(server, replied);

    const bobs = device(202);
    const unmigrated = Y.encodeStateVector(bobs);
    expect(migrateWorkspace(bobs, { actor: bob })).toMatchObject({ status: 'migrated', from: 1 });
    expect(checkAuthorship(server, Y.encodeStateAsUpdate(bobs, unmigrated), { writer: bob, admin: false })).toMatchObject({ ok: true });
  });
});

describe('the cadence’s person fields (schema 2)', () => {
  /** A copy of a replica to forge on (same Yjs client id), so a refused change stays out of the replica. */
  const fork = (r: TestReplica): TestReplica => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(r.doc));
    doc.clientID = r.doc.clientID;
    return { ...r, doc, ctx: { ...r.ctx, doc } };
  };

  it('huddles and boards: started, noted and ended as the writer only', () => {
    const w = workspace();
    const started = w.sent(w.ana, () => startHuddle(w.ana.ctx));
    expect(w.check(started, ANA)).toMatchObject({ ok: true });
    w.accept(started);
    w.syncAll();
    const huddle = (r: TestReplica) => roots(r.doc).huddles.values().next().value as Y.Map<unknown>;
    const notes = (r: TestReplica) => huddle(r).get('notes') as Y.Array<unknown>;
    const id = huddle(w.bob).get('id') as string;
    // Ana and Bob each write a note; Bob removes his own.
    const anas = w.sent(w.ana, () => addHuddleNote(w.ana.ctx, id, 'Refunds: Ana follows up'));
    expect(w.check(anas, ANA)).toMatchObject({ ok: true });
    w.accept(anas);
    w.syncAll();
    const bobs = w.sent(w.bob, () => {
      startHuddle(w.bob.ctx); // joins the running huddle
      addHuddleNote(w.bob.ctx, id, 'Sizing: Bob asks the shop team');
    });
    expect(w.check(bobs, BOB)).toMatchObject({ ok: true });
    w.accept(bobs);
    w.syncAll();
    const bobsNote = notes(w.bob).toArray().findIndex((n) => (n as { author: string }).author === BOB);
    const removeOwn = w.sent(w.bob, () => notes(w.bob).delete(bobsNote, 1));
    expect(w.check(removeOwn, BOB)).toMatchObject({ ok: true });
    w.accept(removeOwn);
    w.syncAll();

    let f = fork(w.bob);
    expect(w.check(w.sent(f, () => huddle(f).set('startedBy', BOB)), BOB)).toEqual(refusedWith(/huddles\/hud_\w+\/startedBy: rewrites who created/));
    f = fork(w.bob);
    expect(w.check(w.sent(f, () => notes(f).push([{ id: 'not_x', author: ANA, text: 'I will do it all', at: 'x' }])), BOB))
      .toEqual(refusedWith(/notes\/\[\]\/author: notes\[\]\.author is mem_ana/));
    f = fork(w.bob);
    expect(w.check(w.sent(f, () => notes(f).delete(0, 1)), BOB)).toEqual(refusedWith(/notes\[\]\.author of a removed entry is mem_ana/));
    f = fork(w.bob);
    expect(w.check(w.sent(f, () => huddle(f).set('endedBy', ANA)), BOB)).toEqual(refusedWith(/endedBy: endedBy is mem_ana, not the writer mem_bob/));
    const ended = w.sent(w.bob, () => endHuddle(w.bob.ctx, id));
    expect(w.check(ended, BOB)).toMatchObject({ ok: true });

    f = fork(w.ana);
    expect(w.check(w.sent(f, () => startBoard({ ...f.ctx, actor: BOB })), ANA)).toEqual(refusedWith(/not the writer mem_ana/));
    const board = w.sent(w.bob, () => startBoard(w.bob.ctx));
    expect(w.check(board, BOB)).toMatchObject({ ok: true });
    w.accept(board);
    w.syncAll();
    const boardId = roots(w.ana.doc).boards.keys().next().value as string;
    f = fork(w.ana);
    expect(w.check(w.sent(f, () => roots(f.doc).boards.get(boardId)!.set('endedBy', BOB)), ANA)).toEqual(refusedWith(/boards\/brd_\w+\/endedBy: endedBy is mem_bob/));
    const closed = w.sent(w.ana, () => endBoard(w.ana.ctx, boardId));
    expect(w.check(closed, ANA)).toMatchObject({ ok: true });
  });

  it('initiatives: created as the writer, the creator never rewritten, edits by anyone', () => {
    const w = workspace();
    const created = w.sent(w.ana, () => createInitiative(w.ana.ctx, { title: 'Refund experience', sponsor: BOB }));
    expect(w.check(created, ANA)).toMatchObject({ ok: true });
    w.accept(created);
    w.syncAll();
    const id = roots(w.bob.doc).initiatives.keys().next().value as string;
    let f = fork(w.bob);
    expect(w.check(w.sent(f, () => roots(f.doc).initiatives.get(id)!.set('createdBy', BOB)), BOB)).toEqual(refusedWith(/initiatives\/ini_\w+\/createdBy: rewrites who created/));
    f = fork(w.bob);
    expect(w.check(w.sent(f, () => createInitiative({ ...f.ctx, actor: ANA }, { title: 'Ana never proposed this' })), BOB)).toEqual(refusedWith(/not the writer mem_bob/));
    const edited = w.sent(w.bob, () => editInitiative(w.bob.ctx, id, { title: 'Refunds within 3 days', sponsor: ANA }));
    expect(w.check(edited, BOB)).toMatchObject({ ok: true });
  });
});

describe('the rules', () => {
  it('are the table “Fields that record a person” in docs/schema.md, row for row', () => {
    const schema = readFileSync(new URL('../../../docs/schema.md', import.meta.url), 'utf8');
    const section = schema.split('\n## Fields that record a person\n')[1]!.split('\n## ')[0]!;
    const ROOTS: Record<string, string> = {
      'activity entry': 'activity', capture: 'captures', action: 'actions', huddle: 'huddles', board: 'boards', initiative: 'initiatives', member: 'members',
    };
    const documented = new Set<string>();
    for (const line of section.split('\n').filter((l) => /^\| [a-z]/.test(l)).slice(1)) {
      const [record, field] = line.split('|').slice(1, 3).map((cell) => cell.trim()) as [string, string];
      const names = [...field.matchAll(/`([^`]+)`/g)].map((m) => (/ key\b/.test(field) ? `${m[1]}.*` : m[1]!));
      for (const root of record.split(',').map((r) => ROOTS[r.trim()] ?? `unknown record "${r.trim()}"`)) {
        for (const name of /^the whole /.test(field) ? ['*'] : names) documented.add(`${root} ${name}`);
      }
    }
    expect(documented.size).toBeGreaterThan(10);
    expect([...documented].sort()).toEqual(AUTHORSHIP_RULES.map((r) => `${r.root} ${r.field}`).sort());
  });
});

describe('the evidence’s person fields (schema 3)', () => {
  const capture = (r: TestReplica, id: string) => roots(r.doc).captures.get(id) as Y.Map<unknown>;

  it('a reply is recorded as its writer only; another member’s reply is not rewritten in their name', () => {
    const w = workspace();
    const made = w.sent(w.ana, () => { addCapture(w.ana.ctx, sampleCapture()); });
    w.accept(made);
    w.syncAll();
    const id = [...roots(w.bob.doc).captures.keys()][0]!;
    const reply = w.sent(w.ana, () => setCustomerLoop(w.ana.ctx, id, { state: 'replied', reply: { text: 'Fixed in 4.2.', where: 'public', url: null } }));
    expect(w.check(reply, ANA)).toMatchObject({ ok: true });
    w.accept(reply);
    w.syncAll();
    // Bob records a reply of his own: his name.
    const own = w.sent(w.bob, () => setCustomerLoop(w.bob.ctx, id, { state: 'replied', reply: { text: 'Emailed her too.', where: 'email', url: null } }));
    expect(w.check(own, BOB)).toMatchObject({ ok: true });
    w.accept(own);
    w.syncAll();
    // Bob puts words in Ana's reply instead: the whole loop rewritten, her name kept on it.
    const anas = w.sent(w.ana, () => setCustomerLoop(w.ana.ctx, id, { state: 'replied', reply: { text: 'Fixed in 4.3.', where: 'public', url: null } }));
    w.accept(anas);
    w.syncAll();
    const forged = w.sent(w.bob, () => {
      const loop = capture(w.bob, id).get('loop') as { reply: object };
      capture(w.bob, id).set('loop', { ...loop, updatedBy: BOB, reply: { ...loop.reply, text: 'We never make mistakes.' } });
    });
    expect(w.check(forged, BOB)).toEqual(refusedWith(/loop\/reply\/by: loop\.reply\.by is mem_ana, not the writer mem_bob/));
  });

  it('a source check names the member whose browser checked', () => {
    const w = workspace();
    const made = w.sent(w.ana, () => { addCapture(w.ana.ctx, sampleCapture()); });
    w.accept(made);
    w.syncAll();
    const id = [...roots(w.bob.doc).captures.keys()][0]!;
    const check = w.sent(w.bob, () => recordSourceCheck(w.bob.ctx, id, { state: 'missing' }));
    expect(w.check(check, BOB)).toMatchObject({ ok: true });
    w.accept(check);
    w.syncAll();
    const forged = w.sent(w.bob, () => capture(w.bob, id).set('sourceCheck', { state: 'missing', checkedAt: '2026-12-01T10:00:00.000Z', checkedBy: ANA, text: null, rating: null }));
    expect(w.check(forged, BOB)).toEqual(refusedWith(/sourceCheck\/checkedBy: sourceCheck\.checkedBy is mem_ana, not the writer mem_bob/));
  });
});
