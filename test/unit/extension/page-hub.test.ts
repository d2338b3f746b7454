// @vitest-environment happy-dom
/** @module The hub's answers to a page's content script: its captures, with what the team did, and source checks it may only report about itself. */
import { describe, expect, it } from 'vitest';
import { createAction } from '../../../shared/mutations/actions';
import { addCapture } from '../../../shared/mutations/captures';
import { sampleCapture } from '../../helpers/workspace';
import { inMemoryHub } from '../../helpers/in-memory-hub';
import { servePort } from '../../../extension/hub/port-router';

/** A content script's port as the browser hands it to the hub: the sender is the browser's word. */
function contentPort(senderUrl: string) {
  const listeners: ((message: unknown) => void)[] = [];
  const sent: unknown[] = [];
  const port = {
    sender: { url: senderUrl },
    postMessage: (m: unknown) => sent.push(m),
    onMessage: { addListener: (l: (m: unknown) => void) => listeners.push(l) },
    onDisconnect: { addListener: () => {} },
  };
  return { port, sent, send: (m: unknown) => listeners.forEach((l) => l(m)) };
}

const anchor = { quote: { exact: 'crashed twice', prefix: 'The checkout page ', suffix: ' when I' }, position: null, range: null };
const REVIEWS = 'https://www.trustpilot.com/review/shop.example';

async function setup() {
  const h = await inMemoryHub();
  const bob = h.peer('mem_bob', 'Bob Chen');
  const id = addCapture(bob, sampleCapture({ anchor })).id!;
  addCapture(bob, sampleCapture({ text: 'Other page', anchor, source: { url: 'https://forum.example/t/1' } }));
  createAction(bob, { title: 'Fix the coupon crash', captureIds: [id], assignee: 'mem_bob', dueDate: '2026-12-03' });
  return { h, id };
}

describe('a page asking about itself', () => {
  it('gets its captures with status, actions, owner and due date, and nothing of other pages', async () => {
    const { h, id } = await setup();
    const result = h.hub.query('pageCaptures', { urls: [`${REVIEWS}?utm_source=mail`], senderUrl: `${REVIEWS}?utm_source=mail` });
    expect(result.captures).toEqual([expect.objectContaining({
      id, status: 'triaged', sourceCheck: null,
      actions: [{ id: expect.any(String), title: 'Fix the coupon crash', status: 'open', owner: 'Bob Chen', dueDate: '2026-12-03' }],
    })]);
    expect(result.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('cannot speak for another site by naming it as its canonical address', async () => {
    const { h } = await setup();
    expect(h.hub.query('pageCaptures', { urls: ['https://evil.example/x', REVIEWS], senderUrl: 'https://evil.example/x' }).captures).toEqual([]);
  });

  it('records a source check on its own capture, and is refused one about another page', async () => {
    const { h, id } = await setup();
    await expect(h.client.call('capture.checkSource', { id, urls: [REVIEWS], senderUrl: REVIEWS, state: 'changed', rating: 4 })).resolves.toEqual({ written: true });
    expect(h.hub.query('capture', { id })!.capture.sourceCheck).toMatchObject({ state: 'changed', rating: 4, checkedBy: 'mem_me' });
    await expect(h.client.call('capture.checkSource', { id, urls: ['https://forum.example/t/1'], senderUrl: 'https://forum.example/t/1', state: 'missing' }))
      .rejects.toThrow('That capture is not from this page.');
    await expect(h.client.call('capture.checkSource', { id, urls: [REVIEWS], senderUrl: 'https://evil.example/', state: 'missing' }))
      .rejects.toThrow('That capture is not from this page.');
  });

  it('is known by the address the browser gives, whatever it claims (the port stamps the sender)', async () => {
    const { h, id } = await setup();
    const evil = contentPort('https://evil.example/page');
    servePort(h.hub, evil.port as never, 'content-script');
    evil.send({ kind: 'command', id: 1, name: 'capture.checkSource', args: { id, urls: [REVIEWS], senderUrl: REVIEWS, state: 'missing' } });
    await expect.poll(() => evil.sent).toEqual([expect.objectContaining({ id: 1, ok: false, error: expect.objectContaining({ code: 'forbidden' }) })]);
    const own = contentPort(REVIEWS);
    servePort(h.hub, own.port as never, 'content-script');
    own.send({ kind: 'subscribe', id: 2, name: 'pageCaptures', args: { urls: [REVIEWS], senderUrl: 'https://evil.example/' } });
    await expect.poll(() => (own.sent[0] as { value?: { captures: unknown[] } } | undefined)?.value?.captures.length).toBe(1);
  });
});

describe('saving from the dialog', () => {
  it('stores a capture as evidence for an action in one go, and refuses a link to an action that is gone', async () => {
    const h = await inMemoryHub();
    const bob = h.peer('mem_bob', 'Bob Chen');
    const action = createAction(bob, { title: 'Stream big CSV exports' });
    const saved = await h.client.call('capture.save', { capture: sampleCapture({ text: 'Export never finishes.' }), linkTo: action });
    expect(h.hub.query('action', { id: action })!.action.captureIds).toEqual([saved.id]);
    expect(h.hub.query('capture', { id: saved.id! })!.capture.status).toBe('triaged');
    const before = h.hub.query('inbox', { filter: {}, page: {} }).total;
    await expect(h.client.call('capture.save', { capture: sampleCapture({ text: 'Another one.' }), linkTo: 'act_gone' }))
      .rejects.toThrow('That action is not in the workspace any more.');
    expect(h.hub.query('inbox', { filter: {}, page: {} }).total).toBe(before); // nothing stored half-way
  });

  it('answers which captures read like this one, with their actions, leaving out an exact duplicate', async () => {
    const h = await inMemoryHub();
    const bob = h.peer('mem_bob', 'Bob Chen');
    const first = addCapture(bob, sampleCapture({ text: 'The CSV export times out on big workspaces.', source: { url: 'https://g2.example/r/1' } })).id!;
    createAction(bob, { title: 'Stream big CSV exports', captureIds: [first] });
    addCapture(bob, sampleCapture({ text: 'Dark mode is unreadable.', source: { url: 'https://g2.example/r/2' } }));
    const similar = h.hub.query('similarCaptures', { text: 'Our CSV export times out every time, big workspace.', url: 'https://reddit.example/t/9' });
    expect(similar).toEqual([expect.objectContaining({ id: first, site: 'g2.example', actions: [expect.objectContaining({ title: 'Stream big CSV exports' })] })]);
    expect(h.hub.query('similarCaptures', { text: 'The CSV export times out on big workspaces.', url: 'https://g2.example/r/1' })).toEqual([]);
  });
});
