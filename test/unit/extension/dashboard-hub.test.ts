/**
 * @module The hub's dashboard queries and export command over a real in-memory workspace: live
 * pushes after a colleague's capture, bad arguments refused in words, exports of exactly what a
 * list or the dashboard shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/export/csv';
import { addCapture } from '../../../shared/mutations/captures';
import { queryInbox } from '../../../shared/queries/inbox';
import { seedDemoWorkspace } from '../../helpers/demo-workspace';
import { inMemoryHub, type InMemoryHub } from '../../helpers/in-memory-hub';
import { sampleCapture } from '../../helpers/workspace';
import { waitFor } from '../../integration/helpers/wait-for';

const NOW = Date.UTC(2026, 10, 22, 9, 0, 0);
let h: InMemoryHub;
afterEach(async () => { h.client.close(); await h.hub.destroy(); });

async function seeded() {
  h = await inMemoryHub({ now: () => NOW });
  seedDemoWorkspace(h.doc, { captures: 120, actions: 30, now: NOW, spanDays: 60 });
  return h;
}

describe('the dashboard in the hub', () => {
  it('answers the dashboard and pushes it again when a colleague captures', async () => {
    await seeded();
    const values: number[] = [];
    h.client.subscribe('dashboard', { period: '30', filter: { tag: 'checkout' } }, (v) => values.push(v.totals.captures));
    await waitFor('the first answer', () => values.length > 0);
    const before = values[0]!;
    const peer = h.peer('mem_colleague00001', 'Colleague');
    addCapture(peer, sampleCapture({ text: 'Coupon crashed checkout again', tags: ['checkout'] }));
    await waitFor('the pushed update', () => values.at(-1) === before + 1);
    // Another tag's capture changes nothing under this filter. The status query, subscribed after the
    // dashboard, sees it; by then the dashboard's own re-evaluation of that change has run too.
    let count = 0;
    h.client.subscribe('status', {}, (s) => { count = s.captureCount; });
    await waitFor('the status', () => count > 0);
    const counted = count;
    addCapture(peer, sampleCapture({ text: 'Shipping was slow', tags: ['shipping'] }));
    await waitFor('the status to count it', () => count === counted + 1);
    expect(values).toEqual([before, before + 1]);
  });

  it('refuses a bad period, channel or month in words', async () => {
    await seeded();
    expect(() => h.hub.query('dashboard', { period: '7' as never, filter: {} })).toThrow(/30, 90, 365 days or all time/);
    expect(() => h.hub.query('dashboard', { period: '30', filter: { channel: 'fax' as never } })).toThrow(/channel must be one of/);
    expect(() => h.hub.query('report', { month: '2026-13' })).toThrow(/month must look like/);
    expect(h.hub.query('report', { month: '2026-11' }).range).toEqual({ start: '2026-11-01', end: '2026-11-22' });
  });

  it('exports exactly the filtered Inbox as CSV, and the dashboard scope as one JSON file', async () => {
    await seeded();
    const filter = { tag: 'billing', status: 'new' as const };
    const { files } = await h.client.call('export', { kinds: ['captures'], format: 'csv', scope: { from: 'lists', inbox: filter } });
    expect(files).toHaveLength(1);
    expect(files[0]!.filename).toBe('closeloop-team-captures-2026-11-22.csv');
    const rows = parseCsv(files[0]!.text);
    const { createWorkspaceView } = await import('../../../shared/read/workspace-view');
    const expected = queryInbox(createWorkspaceView(h.doc).captures(), filter, { limit: 1_000 }).items;
    expect(rows.slice(1).map((r) => r[0])).toEqual(expected.map((c) => c.id));
    expect(files[0]!.rows).toBe(expected.length);
    const both = await h.client.call('export', { kinds: ['captures', 'actions'], format: 'json', scope: { from: 'dashboard', period: '30', filter: {} } });
    const parsed = JSON.parse(both.files[0]!.text) as { captures: unknown[]; actions: unknown[] };
    expect(parsed.captures.length + parsed.actions.length).toBe(both.files[0]!.rows);
    expect(parsed.captures.length).toBe(h.hub.query('dashboard', { period: '30', filter: {} }).totals.captures);
    await expect(h.client.call('export', { kinds: [], format: 'csv', scope: { from: 'lists' } })).rejects.toThrow(/captures, actions or both/);
    await expect(h.client.call('export', { kinds: ['captures'], format: 'xlsx' as never, scope: { from: 'lists' } })).rejects.toThrow(/CSV or JSON/);
  });

  it('gives a done action its outcome and an open one none', async () => {
    await seeded();
    const actions = h.hub.query('actions', { filter: { view: 'all' }, page: { limit: 100 } }).items;
    const done = actions.find((a) => a.status === 'done')!;
    const open = actions.find((a) => a.status === 'open')!;
    expect(h.hub.query('outcome', { id: done.id })).toMatchObject({ actionId: done.id, windowDays: 30 });
    expect(h.hub.query('outcome', { id: open.id })).toBeNull();
    expect(h.hub.query('outcomes', { period: '90', filter: {} }).total).toBeGreaterThan(0);
  });
});
