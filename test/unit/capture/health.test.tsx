// @vitest-environment happy-dom
/** @module Capture health: warnings before saving, and the fixes the dialog offers for them. */
import { cleanup, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDraft } from '../../../extension/capture/capture-draft';
import { loadFixture, loadPage, renderDialog, selectText } from './helpers';

afterEach(cleanup);

const TRUSTPILOT = 'https://www.trustpilot.com/review/acme-widgets.com';
const kinds = (draft: ReturnType<typeof createDraft>) => draft!.health.map((w) => w.kind);
const reviewText = (doc: Document, words: string) =>
  [...doc.querySelectorAll('[data-service-review-text-typography]')].find((el) => el.textContent!.includes(words))!;

describe('capture health', () => {
  it('says nothing about a whole review selected on a known site', () => {
    const doc = loadFixture('trustpilot.html');
    expect(kinds(createDraft(selectText(reviewText(doc, 'charger died')), doc, TRUSTPILOT))).toEqual([]);
  });

  it('warns when the selection runs across two reviews', () => {
    const doc = loadFixture('trustpilot.html');
    const range = document.createRange();
    range.setStart(reviewText(doc, 'companion app').firstChild!, 0);
    range.setEnd(reviewText(doc, 'charger died').firstChild!, 20);
    expect(kinds(createDraft(range, doc, TRUSTPILOT))).toContain('spans-items');
  });

  it('warns when a known site\'s adapter finds no review, or no author or rating where it always is', () => {
    // Trustpilot after a redesign: none of the attributes the adapter reads.
    loadPage('<link rel="canonical" href="https://www.trustpilot.com/review/acme-widgets.com"><main><div class="card"><p id="t">The hinge broke in a week.</p></div></main>');
    const lost = createDraft(selectText(document.getElementById('t')!), document, TRUSTPILOT)!;
    expect(lost.health).toEqual([expect.objectContaining({ kind: 'layout-changed', message: expect.stringMatching(/found no review or post around the selection/) })]);

    const doc = loadFixture('trustpilot.html');
    const target = reviewText(doc, 'charger died');
    target.closest('article')!.querySelector('[data-service-review-rating]')!.removeAttribute('data-service-review-rating');
    target.closest('article')!.querySelector('img[alt^="Rated"]')!.remove();
    const partial = createDraft(selectText(target), doc, TRUSTPILOT)!;
    expect(partial.health).toEqual([expect.objectContaining({ kind: 'layout-changed', message: expect.stringMatching(/no rating where it always is/) })]);
  });

  it('warns about collapsed "read more" text and offers to press the page\'s own button', async () => {
    loadPage(`<main><article class="review">
      <p id="t" class="review-body truncated">The battery lasts two hours at most and the charger…</p>
      <button id="more" type="button">Read more</button>
    </article></main>`);
    const pressed = vi.fn();
    document.getElementById('more')!.addEventListener('click', pressed);
    const draft = createDraft(selectText(document.getElementById('t')!), document, 'https://shop.example/p/1')!;
    expect(kinds(draft)).toEqual(['collapsed']);
    expect(draft.health[0]!.expander?.id).toBe('more');

    const onExpand = vi.fn((el: Element) => (el as HTMLElement).click());
    const { view, user } = renderDialog({ draft, onExpand });
    const dialog = within(view.getByRole('dialog'));
    expect(dialog.getByRole('status', { name: 'Before you save' }).textContent).toMatch(/looks shortened/);
    await user.click(dialog.getByRole('button', { name: 'Expand and select again' }));
    expect(onExpand).toHaveBeenCalledWith(document.getElementById('more'));
    expect(pressed).toHaveBeenCalledTimes(1);
  });

  it('sees a closed <details> as collapsed too', () => {
    loadPage('<main><details><summary>Review</summary><p id="t">Shipping took a month.</p></details></main>');
    expect(kinds(createDraft(selectText(document.getElementById('t')!), document, 'https://forum.example/t/1'))).toEqual(['collapsed']);
  });

  it('warns about a quote cut mid-word and offers it widened to whole words', async () => {
    loadPage('<main><p id="t">Checkout fails whenever I use a discount code.</p></main>');
    const text = document.getElementById('t')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 3); // "ckout fails whenever I use a disc"
    range.setEnd(text, 34);
    const draft = createDraft(range, document, 'https://forum.example/t/1')!;
    expect(draft.health).toEqual([expect.objectContaining({ kind: 'cut', message: 'The quote starts and ends in the middle of a word.' })]);
    expect(draft.health[0]!.wholeWords!.toString()).toBe('Checkout fails whenever I use a discount');

    const onWholeWords = vi.fn();
    const { view, user } = renderDialog({ draft, onWholeWords });
    await user.click(within(view.getByRole('dialog')).getByRole('button', { name: 'Select whole words' }));
    expect(onWholeWords.mock.calls[0]![0].toString()).toBe('Checkout fails whenever I use a discount');
  });

  it('does not call a selection of whole words cut', () => {
    loadPage('<main><p id="t">Checkout fails whenever I use a discount code.</p></main>');
    const text = document.getElementById('t')!.firstChild as Text;
    const range = document.createRange();
    range.setStart(text, 9);
    range.setEnd(text, 14);
    expect(kinds(createDraft(range, document, 'https://forum.example/t/1'))).toEqual([]);
  });
});
