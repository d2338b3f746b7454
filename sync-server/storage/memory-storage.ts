/** @module In-memory DocumentStorage for unit tests: the same contract, nothing on disk. */
import type { DocumentStorage } from './storage';

export function createMemoryStorage(): DocumentStorage & { workspaces(): string[] } {
  const data = new Map<string, Uint8Array[]>();
  return {
    async load(workspace) {
      return [...(data.get(workspace) ?? [])];
    },
    async append(workspace, update) {
      const list = data.get(workspace) ?? [];
      list.push(update.slice());
      data.set(workspace, list);
    },
    async compact(workspace, state) {
      data.set(workspace, [state.slice()]);
    },
    async size(workspace) {
      return (data.get(workspace) ?? []).reduce((sum, u) => sum + u.byteLength, 0);
    },
    async close() {},
    workspaces: () => [...data.keys()],
  };
}
