// @vitest-environment happy-dom
import { cleanup, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createDraft, toNewCapture } from '../../../extension/capture/capture-draft';
import { cutText } from '../../../shared/util/text';
import { cleanCapture } from '../../../shared/mutations/clean-capture';
import { loadFixture, loadPage, renderDialog, selectText } from './helpers';

afterEach(cleanup);

const PAGE = 'https://forum.example.com/t/exports/42';

describe('the capture draft', () => {
  it('cuts a selection over the limit to 10,000 characters and remembers how long it was', () => {
    const words = 'slow export '.repeat(1_200).trim(); // 14,399 characters
    loadPage(`<main><p id="long">${words}</p></main>`);
    const draft = createDraft(selectText(document.getElementById('long')!), document, PAGE)!;
    expect(draft.text).toBe(words.slice(0, 10_000));
    expect(draft.selectedLength).toBe(words.length);
    expect(draft.anchor?.quote.exact).toBe(draft.text);
    // `screen` is bound to the body that loadPage replaced, so query through the render result.
    const { view } = renderDialog({ draft });
    expect(view.getByText('Selection cut to 10,000 characters (it had 14,399)')).toBeTruthy();
  });

  it('does not cut an emoji in half at the limit', () => {
    const text = `${'a'.repeat(9_999)}😀b`;
    expect(cutText(text, 10_000)).toBe('a'.repeat(9_999));
    expect(cutText('short', 10_000)).toBe('short');
  });

  it('is null when the selection holds no text', () => {
    loadPage('<p id="blank">   </p>');
    expect(createDraft(selectText(document.getElementById('blank')!), document, PAGE)).toBeNull();
  });

  it('is taken once, from a clone: what the page does afterwards does not change what is saved', () => {
    loadPage('<article><p id="post">Search has been broken since Tuesday.</p></article>');
    const post = document.getElementById('post')!;
    const live = selectText(post);
    const draft = createDraft(live, document, PAGE)!;
    expect(draft.range).not.toBe(live);
    post.textContent = 'Replaced by the page';
    post.remove();
    document.getSelection()!.removeAllRanges();
    const capture = toNewCapture(draft, { note: ' ', tags: [], sentiment: null, channel: 'forum' });
    expect(capture.text).toBe('Search has been broken since Tuesday.');
    expect(capture.anchor?.quote.exact).toBe('Search has been broken since Tuesday.');
    expect(capture.source.url).toBe(PAGE);
    expect(capture.note).toBe('');
  });

  it('carries what the extractors found on a real review page into the dialog', () => {
    const doc = loadFixture('trustpilot.html');
    const review = [...doc.querySelectorAll('[data-service-review-text-typography]')].find((el) => el.textContent!.includes('charger died'))!;
    const draft = createDraft(selectText(review), doc, 'https://www.trustpilot.com/review/acme-widgets.com?page=1')!;
    expect(draft.text).toMatch(/^The charger died after nine days\./);
    expect(draft).toMatchObject({ channel: 'review', sentiment: 'negative', source: { author: 'Priya Raman', rating: 2, ratingMax: 5 } });
    const dialog = within(renderDialog({ draft }).view.getByRole('dialog')); // the page has these words too
    expect(dialog.getByText('Trustpilot · trustpilot.com')).toBeTruthy();
    expect(dialog.getByText('Priya Raman')).toBeTruthy();
    expect(dialog.getByText('2 / 5')).toBeTruthy();
    expect(dialog.getByText('11 Feb 2024')).toBeTruthy();
    expect((dialog.getByRole('combobox', { name: 'Sentiment' }) as HTMLSelectElement).value).toBe('negative');
  });

  it('reads a 1 MB selection and keeps only the first 10,000 characters', () => {
    const paragraph = 'The sync badge spins forever after the laptop wakes up. '.repeat(20); // ~1.1 KB
    loadPage(`<main id="all">${Array.from({ length: 1_000 }, (_, i) => `<p>${i} ${paragraph}</p>`).join('')}</main>`);
    const draft = createDraft(selectText(document.getElementById('all')!), document, PAGE)!;
    expect(draft.selectedLength).toBeGreaterThan(1_000_000);
    expect(draft.text).toHaveLength(10_000);
    expect(draft.anchor?.position).toEqual({ start: 0, end: draft.selectedLength });
    // How long this takes is `npm run bench:capture`'s business (a quadratic step would hang the test anyway).
  });

  it('sends what the hub\'s validation accepts as it is, for a real page and for an over-long selection', () => {
    const doc = loadFixture('trustpilot.html');
    const review = [...doc.querySelectorAll('[data-service-review-text-typography]')].find((el) => el.textContent!.includes('charger died'))!;
    const real = createDraft(selectText(review), doc, 'https://www.trustpilot.com/review/acme-widgets.com')!;
    const edits = { note: 'Refund SLA', tags: ['refunds', 'support'], sentiment: 'negative' as const, channel: 'review' as const };
    const clean = cleanCapture(toNewCapture(real, edits));
    expect(clean).toMatchObject({ text: real.text, note: 'Refund SLA', tags: ['refunds', 'support'], sentiment: 'negative', channel: 'review', truncatedFrom: null });
    expect(clean.source).toEqual(real.source);
    expect(clean.anchor).toEqual(real.anchor);

    loadPage(`<p id="long">${'word '.repeat(3_000)}</p>`);
    const long = createDraft(selectText(document.getElementById('long')!), document, PAGE)!;
    expect(cleanCapture(toNewCapture(long, { note: '', tags: [], sentiment: null, channel: 'other' })).text).toBe(long.text);
  });
});
