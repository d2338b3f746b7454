// @vitest-environment happy-dom
/** @module Seeding a windowed query from the cache: shown until the hub answers, withdrawn on request, never over live rows. */
import { describe, expect, it } from 'vitest';
import { windowedQuery } from '../../../extension/popup/windowed-query';
import type { Capture } from '../../../shared/schema/records';
import { gatedClient, harness, settle } from './helpers';

describe('a windowed query seeded from the cache', () => {
  it('shows the cached page until the hub answers, can withdraw it, and never replaces what the hub sent', async () => {
    const h = await harness();
    h.capture({ text: 'Live capture' });
    const gate = gatedClient(h.client);
    const list = windowedQuery(gate.client, 'inbox', { status: 'new' }, { pageSize: 40, overscan: 15, delayMs: 0 });
    const cached = { total: 1, offset: 0, items: [{ ...h.hub.query('inbox', { filter: {}, page: {} }).items[0]!, text: 'Cached capture' } as Capture] };
    list.seed(cached);
    expect(list.shown.value).toMatchObject({ fromCache: true, generation: 0, page: cached });
    list.seed(null);
    expect(list.shown.value).toBeUndefined();
    list.seed(cached);
    await gate.release();
    await settle();
    expect(list.shown.value?.fromCache).toBe(false);
    expect(list.rowAt(0)?.text).toBe('Live capture');
    list.seed(null);
    list.seed(cached);
    expect(list.rowAt(0)?.text).toBe('Live capture');
    list.dispose();
  });

  it('ignores the cache once the filter changed: it holds the default view only', async () => {
    const h = await harness();
    const gate = gatedClient(h.client);
    const list = windowedQuery(gate.client, 'inbox', { status: 'new' }, { pageSize: 40, overscan: 15, delayMs: 0 });
    list.setFilter({ status: 'archived' });
    list.seed({ total: 0, offset: 0, items: [] });
    expect(list.shown.value).toBeUndefined();
    list.dispose();
  });
});
