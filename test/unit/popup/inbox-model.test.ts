// @vitest-environment happy-dom
/** @module Inbox model over a real in-memory hub: filters, search, selection and bulk commands, cursor, refusals. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInboxModel, type InboxModel } from '../../../extension/popup/inbox-model';
import { createRouter, type Router } from '../../../extension/popup/router-model';
import { FILTER_DONE, FILTER_START } from '../../../extension/popup/paint-marks';
import { harness, type Harness } from './helpers';

let h: Harness;
let router: Router;
let inbox: InboxModel;
let ids: Record<string, string>;

const texts = () => inbox.list.shown.value?.page.items.map((c) => c.text) ?? [];
/** Waits until the list shows the answer to the newest filter. */
const answered = () => vi.waitFor(() => {
  expect(inbox.list.shown.value?.generation).toBe(inbox.list.generation.value);
  expect(inbox.list.shown.value?.fromCache).toBe(false);
});
const capture = (id: string) => h.hub.query('capture', { id })!.capture;

beforeEach(async () => {
  h = await harness();
  const me = { doc: h.doc, actor: h.memberId, now: () => h.clock.now };
  ids = {
    coupon: h.capture({ text: 'Checkout crashed with a coupon', tags: ['checkout'], sentiment: 'negative', channel: 'review' }),
    love: h.capture({ text: 'Love the new export', tags: ['export'], sentiment: 'positive', channel: 'social', source: { url: 'https://x.com/ana/status/1' } }, me),
    slow: h.capture({ text: 'Export times out on big workspaces', tags: ['export', 'performance'], channel: 'forum', source: { url: 'https://community.acme.io/t/42', author: 'Rafael' } }, h.sam),
    old: h.capture({ text: 'Old spam about crypto', channel: 'other' }),
  };
  await h.client.call('capture.setStatus', { ids: [ids.old!], status: 'archived', reason: 'spam' });
  router = createRouter(window);
  inbox = createInboxModel(h.client, { router, me: () => h.memberId }, h.env);
  await answered();
});

afterEach(() => {
  inbox.dispose();
  router.dispose();
});

describe('the inbox model', () => {
  it('lists new captures, newest first', () => {
    expect(texts()).toEqual(['Export times out on big workspaces', 'Love the new export', 'Checkout crashed with a coupon']);
    expect(inbox.list.total.value).toBe(3);
  });

  it('filters by status, tag, channel, sentiment, site and "captured by me"', async () => {
    const expectFilter = async (patch: Parameters<InboxModel['setFilter']>[0], expected: string[]) => {
      inbox.setFilter(patch);
      await answered();
      expect(texts()).toEqual(expected);
    };
    await expectFilter({ status: 'archived' }, ['Old spam about crypto']);
    await expectFilter({ status: 'all' }, ['Old spam about crypto', 'Export times out on big workspaces', 'Love the new export', 'Checkout crashed with a coupon']);
    await expectFilter({ tag: 'export' }, ['Export times out on big workspaces', 'Love the new export']);
    await expectFilter({ channel: 'social' }, ['Love the new export']);
    await expectFilter({ channel: '', sentiment: 'unset' }, ['Export times out on big workspaces']);
    await expectFilter({ tag: '', sentiment: 'negative' }, ['Checkout crashed with a coupon']);
    await expectFilter({ sentiment: '', site: 'community.acme.io' }, ['Export times out on big workspaces']);
    await expectFilter({ site: '', mine: true }, ['Love the new export']);
    expect(inbox.list.filter.value).toEqual({ capturedBy: h.memberId });
  });

  it('searches the quote, the author and the tags, and marks each change from input to result', async () => {
    inbox.setFilter({ text: 'export' });
    await answered();
    expect(texts()).toEqual(['Export times out on big workspaces', 'Love the new export']);
    inbox.setFilter({ text: 'rafael' });
    await answered();
    expect(texts()).toEqual(['Export times out on big workspaces']);
    inbox.setFilter({ text: 'checkout' });
    await answered();
    expect(texts()).toEqual(['Checkout crashed with a coupon']);
    // The list shows a result once its render is committed; the view reports that.
    inbox.painted(inbox.list.shown.value!);
    const marks = h.marks.filter((m) => m.name === FILTER_START || m.name === FILTER_DONE);
    expect(marks.at(-2)).toEqual({ name: FILTER_START, detail: 'checkout' });
    expect(marks.at(-1)).toEqual({ name: FILTER_DONE, detail: 'checkout' });
  });

  it('tags, archives, or makes one action of the selected captures', async () => {
    const [slow, love, coupon] = inbox.list.shown.value!.page.items;
    inbox.toggleSelected(slow!);
    inbox.toggleSelected(coupon!);
    inbox.toggleSelected(love!);
    inbox.toggleSelected(love!);
    expect(inbox.targets().map((c) => c.id)).toEqual([ids.slow, ids.coupon]);

    inbox.ask('tag');
    expect(inbox.prompt.value).toEqual({ kind: 'tag', ids: [ids.slow, ids.coupon] });
    expect(await inbox.addTag(inbox.prompt.value!.ids, 'Urgent')).toBe(true);
    expect(capture(ids.slow!).tags).toContain('urgent');
    expect(capture(ids.coupon!).tags).toContain('urgent');
    expect(inbox.selected.value.size).toBe(0);
    expect(inbox.notice.value).toBe('Tagged 2 captures “urgent”.');

    inbox.toggleSelected(slow!);
    inbox.toggleSelected(coupon!);
    inbox.ask('create');
    const prompt = inbox.prompt.value!;
    expect(prompt).toEqual({ kind: 'create', ids: [ids.slow, ids.coupon], title: 'Export times out on big workspaces' });
    const actionId = await inbox.createAction(prompt.ids, 'Make exports fast');
    const detail = h.hub.query('action', { id: actionId! })!;
    expect(detail.action.title).toBe('Make exports fast');
    expect(detail.action.captureIds.sort()).toEqual([ids.slow, ids.coupon].sort());
    expect(router.route.value).toEqual({ view: 'action', id: actionId });
    await answered();
    expect(texts()).toEqual(['Love the new export']); // the two became triaged

    inbox.cursor.value = 0;
    inbox.ask('archive');
    expect(inbox.prompt.value).toEqual({ kind: 'archive', ids: [ids.love] });
    await inbox.archive([ids.love!], ' not actionable ');
    expect(capture(ids.love!)).toMatchObject({ status: 'archived', archivedReason: 'not actionable' });
    await vi.waitFor(() => expect(inbox.list.total.value).toBe(0));
  });

  it('moves the cursor within the list and shows the hub refusing a command', async () => {
    inbox.moveCursor(1);
    inbox.moveCursor(5);
    expect(inbox.cursor.value).toBe(2);
    expect(inbox.cursorCapture.value?.id).toBe(ids.coupon);
    inbox.moveCursor(-9);
    expect(inbox.cursor.value).toBe(0);
    expect(await inbox.createAction([ids.slow!], '   ')).toBeNull();
    expect(inbox.error.value).toMatch(/title/i);
  });
});
