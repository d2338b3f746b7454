/**
 * @module Puts a large workspace on the server's disk before it starts, the way a long-used team
 * workspace would be: one stored state, so seeding does not go through the per-connection limits.
 */
import { join } from 'node:path';
import * as Y from 'yjs';
import { initWorkspace } from '../../shared/doc/init';
import { createWorkspaceView } from '../../shared/read/workspace-view';
import { createDiskStorage } from '../../sync-server/storage/disk-storage';
import { seedDemoWorkspace } from './demo-workspace';

export async function seedOnDisk(dataDir: string, workspace: string, size: { captures: number; actions: number; spanDays?: number; now?: number }, me: string) {
  const doc = new Y.Doc();
  initWorkspace(doc, { name: 'Acme Support' });
  const started = performance.now();
  seedDemoWorkspace(doc, { ...size, me, meName: 'Bench Member' });
  const state = Y.encodeStateAsUpdate(doc);
  // The demo adds a few captures of its own (the cadence's escalation), so count what is there.
  const view = createWorkspaceView(doc);
  const captures = view.captures().length;
  view.destroy();
  const storage = await createDiskStorage(join(dataDir, 'workspaces'));
  await storage.append(workspace, state);
  await storage.close();
  return { bytes: state.byteLength, seedMs: performance.now() - started, captures };
}
