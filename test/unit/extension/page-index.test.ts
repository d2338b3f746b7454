// @vitest-environment happy-dom
/** @module The page index the hub keeps in storage.local, written from the workspace and emptied when it is left. */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { setupPageIndexWriter } from '../../../extension/hub/page-index-writer';
import type { Hub } from '../../../extension/hub/hub';
import { pageIndexName, PAGE_INDEX_PREFIX } from '../../../extension/messaging/page-index';

function fakeHub(index: () => Record<string, number>, state = 'connected') {
  const listeners = new Set<() => void>();
  const hub = {
    ready: Promise.resolve(),
    status: () => ({ state }),
    query: (name: string) => { if (name !== 'pageIndex') throw new Error(name); return index(); },
    onChange: (l: () => void) => { listeners.add(l); return () => listeners.delete(l); },
  } as unknown as Hub;
  return { hub, change: () => listeners.forEach((l) => l()) };
}

const entries = async () => Object.fromEntries(Object.entries(await fakeBrowser.storage.local.get(null)).filter(([k]) => k.startsWith(PAGE_INDEX_PREFIX)));

beforeEach(() => fakeBrowser.reset());

describe('the page index writer', () => {
  it('writes one entry per page key, updates what changed and removes what no capture needs', async () => {
    let index: Record<string, number> = { 'trustpilot.com/review/acme.com': 2, 'forum.example/t/1': 1 };
    await fakeBrowser.storage.local.set({ unrelated: true });
    const { hub } = fakeHub(() => index);
    const writer = setupPageIndexWriter(fakeBrowser.storage.local as never, hub, 10_000);
    await writer.flush();
    expect(await entries()).toEqual({
      [pageIndexName('trustpilot.com/review/acme.com')]: { v: 1, n: 2 },
      [pageIndexName('forum.example/t/1')]: { v: 1, n: 1 },
    });
    index = { 'trustpilot.com/review/acme.com': 3 };
    await writer.flush();
    expect(await entries()).toEqual({ [pageIndexName('trustpilot.com/review/acme.com')]: { v: 1, n: 3 } });
    expect(await fakeBrowser.storage.local.get('unrelated')).toEqual({ unrelated: true });
    writer.stop();
  });

  it('picks up after a restarted worker: stale entries written before are removed', async () => {
    await fakeBrowser.storage.local.set({ [pageIndexName('old.example/gone')]: { v: 1, n: 1 } });
    const { hub } = fakeHub(() => ({ 'new.example/here': 1 }));
    const writer = setupPageIndexWriter(fakeBrowser.storage.local as never, hub, 10_000);
    await writer.flush();
    expect(Object.keys(await entries())).toEqual([pageIndexName('new.example/here')]);
    writer.stop();
  });

  it('leaves the index alone while the replica loads, and empties it when the workspace is left', async () => {
    await fakeBrowser.storage.local.set({ [pageIndexName('kept.example/p')]: { v: 1, n: 1 } });
    const loading = fakeHub(() => ({}), 'loading');
    const writer = setupPageIndexWriter(fakeBrowser.storage.local as never, loading.hub, 10_000);
    await writer.flush();
    expect(Object.keys(await entries())).toEqual([pageIndexName('kept.example/p')]);
    writer.stop();
    const left = fakeHub(() => ({}), 'not_joined');
    const after = setupPageIndexWriter(fakeBrowser.storage.local as never, left.hub, 10_000);
    await after.flush();
    expect(await entries()).toEqual({});
    after.stop();
  });
});
