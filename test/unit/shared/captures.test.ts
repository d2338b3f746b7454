import { describe, expect, it } from 'vitest';
import { addCapture, editCapture, setCaptureStatus, setCustomerLoop, tagCaptures } from '../../../shared/mutations/captures';
import { MutationError } from '../../../shared/mutations/context';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { LIMITS } from '../../../shared/schema/constants';
import { sampleCapture, testReplica } from '../../helpers/workspace';

describe('capture mutations', () => {
  it('stores a capture with its source, anchor and an activity entry', () => {
    const { doc, ctx } = testReplica();
    const anchor = { quote: { exact: 'crashed twice', prefix: 'The checkout page ', suffix: ' when I' }, position: { start: 18, end: 31 }, range: null };
    const { id, duplicateOf } = addCapture(ctx, { ...sampleCapture(), tags: ['Checkout', ' coupons '], anchor });
    expect(duplicateOf).toBeNull();
    const view = createWorkspaceView(doc);
    const capture = view.capture(id!)!;
    expect(capture).toMatchObject({
      text: 'The checkout page crashed twice when I applied a coupon.',
      status: 'new', channel: 'review', sentiment: 'negative', capturedBy: 'mem_alice',
      capturedAt: '2026-11-01T09:00:00.000Z', tags: ['checkout', 'coupons'], truncatedFrom: null,
      anchor,
    });
    expect(capture.source).toMatchObject({ site: 'trustpilot.com', author: 'Dana K.', rating: 2, ratingMax: 5 });
    expect(view.report().issues).toEqual([]);
    expect(view.activity().at(-1)).toMatchObject({ verb: 'capture.added', targetId: id, actor: 'mem_alice' });
  });

  it('flags the same text from the same page as a duplicate instead of storing it twice', () => {
    const { doc, ctx } = testReplica();
    const first = addCapture(ctx, sampleCapture());
    const again = addCapture(ctx, sampleCapture({
      text: '  the checkout page crashed   twice when I applied a coupon. ',
      source: { url: 'https://trustpilot.com/review/shop.example/?utm_source=x#reviews' },
    }));
    expect(again).toEqual({ id: null, duplicateOf: first.id });
    expect(createWorkspaceView(doc).captures()).toHaveLength(1);
    const forced = addCapture(ctx, sampleCapture(), { allowDuplicate: true });
    expect(forced.duplicateOf).toBe(first.id);
    expect(createWorkspaceView(doc).captures()).toHaveLength(2);
    const otherPage = addCapture(ctx, sampleCapture({ source: { url: 'https://www.g2.com/products/shop/reviews' } }));
    expect(otherPage.duplicateOf).toBeNull();
  });

  it('cuts an over-long selection to the limit and records the original length', () => {
    const { doc, ctx } = testReplica();
    const { id } = addCapture(ctx, sampleCapture({ text: 'x'.repeat(LIMITS.captureText + 500) }));
    const capture = createWorkspaceView(doc).capture(id!)!;
    expect(capture.text).toHaveLength(LIMITS.captureText);
    expect(capture.truncatedFrom).toBe(LIMITS.captureText + 500);
  });

  it('stores markup as inert text and strips control characters', () => {
    const { doc, ctx } = testReplica();
    const { id } = addCapture(ctx, sampleCapture({ text: '<script>alert(1)</script>\u0000 nice' }));
    expect(createWorkspaceView(doc).capture(id!)!.text).toBe('<script>alert(1)</script> nice');
  });

  it('refuses bad input with a clear error and writes nothing', () => {
    const { doc, ctx } = testReplica();
    const before = doc.getMap('activity').size;
    expect(() => addCapture(ctx, sampleCapture({ text: '   ' }))).toThrow('The captured text cannot be empty.');
    expect(() => addCapture(ctx, sampleCapture({ channel: 'fax' as never }))).toThrow(MutationError);
    expect(() => addCapture(ctx, { text: 'hi', source: { url: '' } })).toThrow(/address of the page/);
    expect(() => addCapture(ctx, sampleCapture({ tags: ['a,b'] }))).toThrow(/commas/);
    expect(doc.getMap('captures').size).toBe(0);
    expect(doc.getMap('activity').size).toBe(before);
  });

  it('edits fields, logging from and to, and skips no-op edits', () => {
    const { doc, ctx, tick } = testReplica();
    const { id } = addCapture(ctx, sampleCapture());
    tick();
    editCapture(ctx, id!, { note: 'Seen by 3 customers this week', sentiment: 'neutral' });
    const view = createWorkspaceView(doc);
    expect(view.capture(id!)).toMatchObject({ note: 'Seen by 3 customers this week', sentiment: 'neutral', updatedAt: '2026-11-01T09:01:00.000Z' });
    const edits = view.activity().filter((e) => e.verb === 'capture.edited');
    expect(edits.map((e) => [e.field, e.from, e.to])).toEqual([['note', '', 'Seen by 3 customers this week'], ['sentiment', 'negative', 'neutral']]);
    const count = view.activity().length;
    editCapture(ctx, id!, { sentiment: 'neutral' });
    expect(view.activity()).toHaveLength(count);
  });

  it('tags and untags many captures at once, within the per-capture limit', () => {
    const { doc, ctx } = testReplica();
    const a = addCapture(ctx, sampleCapture()).id!;
    const b = addCapture(ctx, sampleCapture({ text: 'Shipping took three weeks.' })).id!;
    tagCaptures(ctx, [a, b], { add: ['Shipping', 'urgent'] });
    tagCaptures(ctx, [a], { remove: ['urgent'] });
    const view = createWorkspaceView(doc);
    expect(view.capture(a)!.tags).toEqual(['shipping']);
    expect(view.capture(b)!.tags).toEqual(['shipping', 'urgent']);
    const many = Array.from({ length: LIMITS.tagsPerCapture }, (_, i) => `t${i}`);
    expect(() => tagCaptures(ctx, [a], { add: many })).toThrow(/at most 20 tags/);
    expect(() => tagCaptures(ctx, ['cap_missing'], { add: ['x'] })).toThrow(/No capture with id "cap_missing"/);
  });

  it('archives with a reason and restores', () => {
    const { doc, ctx } = testReplica();
    const { id } = addCapture(ctx, sampleCapture());
    setCaptureStatus(ctx, [id!], 'archived', 'Spam');
    const view = createWorkspaceView(doc);
    expect(view.capture(id!)).toMatchObject({ status: 'archived', archivedReason: 'Spam' });
    setCaptureStatus(ctx, [id!], 'new');
    expect(view.capture(id!)).toMatchObject({ status: 'new', archivedReason: null });
  });

  it('tracks the customer follow-up separately from the fix', () => {
    const { doc, ctx } = testReplica();
    const { id } = addCapture(ctx, sampleCapture());
    setCustomerLoop(ctx, id!, { state: 'reply_needed' });
    setCustomerLoop(ctx, id!, { state: 'replied', replyUrl: 'https://www.trustpilot.com/reviews/abc123#reply' });
    const capture = createWorkspaceView(doc).capture(id!)!;
    expect(capture.loop).toEqual({
      state: 'replied', replyUrl: 'https://www.trustpilot.com/reviews/abc123#reply', updatedBy: 'mem_alice', updatedAt: '2026-11-01T09:00:00.000Z',
      // Only a link given (what a version-2 caller sends): the reply record says just that (schema 3).
      reply: { text: '', where: null, url: 'https://www.trustpilot.com/reviews/abc123#reply', by: 'mem_alice', at: '2026-11-01T09:00:00.000Z' },
    });
    expect(() => setCustomerLoop(ctx, id!, { state: 'replied', replyUrl: 'javascript:alert(1)' })).toThrow(/http/);
  });
});

describe('a selection the content script already cut', () => {
  it('keeps the original length it reports', () => {
    const { doc, ctx } = testReplica();
    const { id } = addCapture(ctx, sampleCapture({ text: 'y'.repeat(LIMITS.captureText), truncatedFrom: 1_048_576 }));
    expect(createWorkspaceView(doc).capture(id!)!.truncatedFrom).toBe(1_048_576);
    const { id: whole } = addCapture(ctx, sampleCapture({ text: 'short', truncatedFrom: 3 }));
    expect(createWorkspaceView(doc).capture(whole!)!.truncatedFrom).toBeNull();
  });
});

describe('duplicate lookup through the view index', () => {
  it('finds the same duplicates as the full scan', () => {
    const { doc, ctx } = testReplica();
    const view = createWorkspaceView(doc);
    const findDuplicate = (fingerprint: string) => view.captureByFingerprint(fingerprint)?.id ?? null;
    const first = addCapture(ctx, sampleCapture(), { findDuplicate });
    expect(addCapture(ctx, sampleCapture(), { findDuplicate })).toEqual({ id: null, duplicateOf: first.id });
    expect(addCapture(ctx, sampleCapture({ text: 'Different words' }), { findDuplicate }).duplicateOf).toBeNull();
  });
});
