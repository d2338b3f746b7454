import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { initWorkspace } from '../../../shared/doc/init';
import { migrateWorkspace, type Migration } from '../../../shared/doc/migrations';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { SCHEMA_VERSION } from '../../../shared/schema/constants';
import { syncPair } from '../../helpers/workspace';

/** The version-1 workspace in test/fixtures/workspaces, as the version-1 code wrote it. */
function v1Workspace(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  Y.applyUpdate(doc, new Uint8Array(readFileSync(new URL('../../fixtures/workspaces/schema-v1.bin', import.meta.url))));
  return doc;
}

const statusChangedAt = (doc: Y.Doc) => Object.fromEntries(
  [...doc.getMap<Y.Map<unknown>>('actions')].map(([id, record]) => [String(record.get('title')), record.get('statusChangedAt') ?? null]),
);

describe('schema 1 -> 2', () => {
  it('backfills statusChangedAt from the activity log, logs the step and reads clean', () => {
    const doc = v1Workspace(500);
    expect(doc.getMap('meta').get('schemaVersion')).toBe(1);
    expect(Object.values(statusChangedAt(doc))).toEqual([null, null, null, null]);
    // The 1 -> 2 step alone (later steps have their own tests).
    expect(migrateWorkspace(doc, { now: () => Date.UTC(2026, 11, 1), target: 2 })).toEqual({
      status: 'migrated', from: 1, to: 2, steps: ['actions: statusChangedAt backfilled from the activity log'],
    });
    // From the fixture's log (schema-v1.json): the last status change of each action, else its creation.
    expect(statusChangedAt(doc)).toEqual({
      'Answer refund emails within a day': '2026-11-01T14:01:00.000Z', // never changed: created
      'Fix coupon crash at checkout': '2026-11-02T14:00:00.000Z', // blocked
      'Keep the refund form draft when switching tabs': '2026-11-04T14:01:00.000Z', // in progress, then done
      'Rewrite search in Rust': '2026-11-02T14:00:01.000Z', // won't do
    });
    const view = createWorkspaceView(doc);
    expect(view.report().issues).toEqual([]);
    expect(view.meta().schemaVersion).toBe(2);
    expect(view.actions().map((a) => a.status).sort()).toEqual(['blocked', 'done', 'open', 'wont_do']);
    expect(view.activity().at(-1)).toMatchObject({ verb: 'workspace.migrated', from: 1, to: 2 });
    expect(migrateWorkspace(doc, { target: 2 })).toEqual({ status: 'current', version: 2 });
  });

  it('converges when two replicas migrate the same version-1 workspace at once', () => {
    const a = v1Workspace(501);
    const b = v1Workspace(502);
    migrateWorkspace(a, { now: () => Date.UTC(2026, 11, 1, 9), target: 2 });
    migrateWorkspace(b, { now: () => Date.UTC(2026, 11, 1, 10), target: 2 });
    syncPair(a, b);
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
    const alone = v1Workspace(503);
    migrateWorkspace(alone, { target: 2 });
    expect(statusChangedAt(a)).toEqual(statusChangedAt(alone));
    expect(createWorkspaceView(a).meta().schemaVersion).toBe(2);
    expect(createWorkspaceView(a).activity().filter((e) => e.verb === 'workspace.migrated')).toHaveLength(2);
  });

});

/**
 * A fixture of a pre-release shape (version 0: tags as a plain array) and the idempotent step a
 * release would ship to move it to sets. The mechanism is what is under test.
 */
const tagsToSet: Migration = {
  to: 1,
  describe: 'capture tags: array -> add-wins set',
  up(doc) {
    for (const record of doc.getMap<Y.Map<unknown>>('captures').values()) {
      const tags = record.get('tags');
      if (!Array.isArray(tags)) continue; // already migrated (maybe by a peer): leave it
      const set = new Y.Map<true>();
      record.set('tags', set);
      for (const tag of tags) if (typeof tag === 'string') set.set(tag.toLowerCase(), true);
    }
  },
};

function versionZeroDoc(clientId: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const capture = new Y.Map<unknown>();
  doc.getMap('captures').set('cap_old', capture);
  capture.set('text', 'Old capture');
  capture.set('capturedAt', '2025-01-01T00:00:00.000Z');
  capture.set('tags', ['Billing', 'UX']);
  doc.getMap('meta').set('schemaVersion', 0);
  return doc;
}

describe('schema migrations', () => {
  it('migrates an old document, logs the step and reads clean afterwards', () => {
    const doc = versionZeroDoc(1);
    expect(createWorkspaceView(doc).capture('cap_old')!.tags).toEqual([]); // old shape: reported, not crashed
    const outcome = migrateWorkspace(doc, { migrations: [tagsToSet], target: 1 });
    expect(outcome).toEqual({ status: 'migrated', from: 0, to: 1, steps: ['capture tags: array -> add-wins set'] });
    const view = createWorkspaceView(doc);
    expect(view.capture('cap_old')!.tags).toEqual(['billing', 'ux']);
    expect(view.meta().schemaVersion).toBe(1);
    expect(view.activity().map((e) => [e.verb, e.from, e.to])).toEqual([['workspace.migrated', 0, 1]]);
    expect(migrateWorkspace(doc, { migrations: [tagsToSet], target: 1 })).toEqual({ status: 'current', version: 1 });
  });

  it('converges when two replicas run the same step concurrently', () => {
    const a = versionZeroDoc(1);
    const b = new Y.Doc();
    b.clientID = 2;
    syncPair(a, b);
    migrateWorkspace(a, { migrations: [tagsToSet], target: 1 });
    migrateWorkspace(b, { migrations: [tagsToSet], target: 1 });
    syncPair(a, b);
    expect(a.toJSON()).toEqual(b.toJSON());
    expect(createWorkspaceView(b).capture('cap_old')!.tags).toEqual(['billing', 'ux']);
  });

  it('leaves a document from a newer release alone and says so', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schemaVersion', SCHEMA_VERSION + 3);
    expect(migrateWorkspace(doc)).toEqual({ status: 'newer', version: SCHEMA_VERSION + 3, supported: SCHEMA_VERSION });
    expect(doc.getMap('meta').get('schemaVersion')).toBe(SCHEMA_VERSION + 3);
  });

  it('refuses to skip a version it has no step for', () => {
    const doc = versionZeroDoc(1);
    expect(() => migrateWorkspace(doc, { migrations: [], target: 1 })).toThrow('No migration step to schema version 1.');
    expect(doc.getMap('meta').get('schemaVersion')).toBe(0);
  });

  it('initialises a workspace once and never overwrites a peer\'s metadata', () => {
    const doc = new Y.Doc();
    expect(initWorkspace(doc, { name: 'Acme support', now: () => Date.UTC(2026, 10, 1) })).toBe(true);
    expect(initWorkspace(doc, { name: 'Other' })).toBe(false);
    expect(createWorkspaceView(doc).meta()).toEqual({ schemaVersion: SCHEMA_VERSION, name: 'Acme support', createdAt: '2026-11-01T00:00:00.000Z' });
  });
});
