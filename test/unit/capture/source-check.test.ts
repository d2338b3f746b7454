// @vitest-environment happy-dom
/** @module The change classifier: found, changed (text, rating, the same review found another way), missing, and silence when the page cannot tell. */
import { describe, expect, it } from 'vitest';
import { anchorAll, describeRange } from '../../../extension/capture/anchor';
import { buildTextMap } from '../../../extension/capture/anchor/text-map';
import { extractContext } from '../../../extension/capture/extract';
import { judgeAll } from '../../../extension/capture/refind/report-sources';
import { classifySource } from '../../../extension/capture/refind/source-check';
import type { PageCapture } from '../../../extension/messaging/protocol';
import { loadFixture, loadPage, selectText } from './helpers';

const PAGE = 'http://127.0.0.1:4000/reviews.html'; // served locally, standing in for its canonical Trustpilot address
const PERMALINK = 'https://www.trustpilot.com/reviews/65c8a1f2e3d4b5a6c7d8e9f0';
const target = (doc: Document) => doc.getElementById('closeloop-target')!;
const article = (doc: Document) => target(doc).closest('article')!;

/** Captures the third review of the fixture the way the dialog does, as the hub hands it back later. */
function captured(): { capture: PageCapture; html: string } {
  const doc = loadFixture('trustpilot.html');
  const range = selectText(target(doc));
  const source = extractContext(doc, range, PAGE).source;
  const capture: PageCapture = {
    id: 'cap_priya', text: target(doc).textContent!, anchor: describeRange(range), status: 'new', capturedAt: '2026-11-20T09:00:00.000Z',
    source: { url: source.url, author: source.author, rating: source.rating, ratingMax: source.ratingMax, postedAt: source.postedAt, permalink: source.permalink, platform: source.platform },
    actions: [], sourceCheck: null,
  };
  return { capture, html: doc.documentElement.outerHTML };
}

/** Reloads the page as `edit` leaves it, and judges the capture on it. */
function judge(edit: (doc: Document) => void, options: { quiet?: boolean } = {}) {
  const { capture, html } = captured();
  const doc = loadPage(html);
  edit(doc);
  const anchored = anchorAll([capture.anchor], document.body)[0] ?? null;
  return classifySource({ capture, anchored, quiet: options.quiet ?? true, doc, pageUrl: PAGE, pageText: buildTextMap(document.body).text });
}

const setRating = (doc: Document, stars: number) => {
  article(doc).querySelector('[data-service-review-rating]')!.setAttribute('data-service-review-rating', String(stars));
  article(doc).querySelector('img[alt^="Rated"]')!.setAttribute('alt', `Rated ${stars} out of 5 stars`);
};
const withoutPagination = (doc: Document) => doc.querySelector('nav[aria-label="Pagination"]')?.remove();

describe('the change classifier', () => {
  it('says found when the quote and its rating are as captured', () => {
    expect(captured().capture.source).toMatchObject({ rating: 2, author: 'Priya Raman', permalink: PERMALINK });
    expect(judge(() => {})).toEqual({ state: 'found' });
  });

  it('says changed, with the new rating, when the reviewer re-rated', () => {
    expect(judge((doc) => setRating(doc, 4))).toEqual({ state: 'changed', rating: 4 });
  });

  it('says changed, with what it reads now, when the quote was edited', () => {
    const verdict = judge((doc) => { target(doc).textContent = target(doc).textContent!.replace('nine days', 'ten days'); setRating(doc, 3); });
    expect(verdict).toEqual({
      state: 'changed', rating: 3,
      text: 'The charger died after ten days. Support asked for the same photos three times and the refund took five weeks to arrive.',
    });
  });

  it('finds the same review by its permalink when it was rewritten beyond recognition, and redacts what it reads now', () => {
    const verdict = judge((doc) => {
      target(doc).textContent = 'Update: they sent a new charger within two days. Write to me at priya.r@example.com if you need details.';
      setRating(doc, 5);
    });
    expect(verdict).toEqual({ state: 'changed', rating: 5, text: 'Update: they sent a new charger within two days. Write to me at [email] if you need details.' });
  });

  it('finds it by author and date when no permalink links to it', () => {
    const verdict = judge((doc) => {
      article(doc).querySelector('a[data-review-title-typography]')!.removeAttribute('href');
      target(doc).textContent = 'Completely different words now, nothing like before at all.';
    });
    expect(verdict).toMatchObject({ state: 'changed', text: 'Completely different words now, nothing like before at all.' });
  });

  it('says missing when the review is gone from a page that shows all its reviews', () => {
    expect(judge((doc) => { article(doc).remove(); withoutPagination(doc); })).toEqual({ state: 'missing' });
  });

  it('says missing on the review\'s own page once it no longer shows it', () => {
    expect(judge((doc) => {
      doc.querySelector('link[rel="canonical"]')!.setAttribute('href', PERMALINK);
      doc.querySelector('main')!.innerHTML = `<p>${'This review has been removed by its author. '.repeat(6)}</p>`;
    })).toEqual({ state: 'missing' });
  });

  it('says nothing when the list continues elsewhere: the review may be on the next page', () => {
    expect(judge((doc) => article(doc).remove())).toBeNull();
    expect(judge((doc) => { article(doc).remove(); withoutPagination(doc); doc.querySelector('main')!.insertAdjacentHTML('beforeend', '<button>Load more reviews</button>'); })).toBeNull();
  });

  it('says nothing on a page that has not settled, and nothing behind a login wall', () => {
    expect(judge((doc) => { article(doc).remove(); withoutPagination(doc); }, { quiet: false })).toBeNull();
    expect(judge((doc) => setRating(doc, 4), { quiet: false })).toBeNull();
    expect(judge((doc) => {
      doc.querySelector('main')!.innerHTML = `<form><p>Please log in to see reviews. ${'Trustpilot helps you choose. '.repeat(8)}</p><input type="password" aria-label="Password"></form>`;
    })).toBeNull();
  });

  it('does not send a finding the workspace already holds from this week, and does send a new one', () => {
    const { capture, html } = captured();
    const doc = loadPage(html);
    const found = new Map([[capture.id, anchorAll([capture.anchor], document.body)[0]!]]);
    const now = Date.parse('2026-11-25T09:00:00.000Z');
    const known = { ...capture, sourceCheck: { state: 'found' as const, checkedAt: '2026-11-24T09:00:00.000Z', checkedBy: 'mem_x', text: null, rating: null } };
    expect(judgeAll([known], { found, quiet: true }, { doc, pageUrl: PAGE, now: () => now }).size).toBe(0);
    expect(judgeAll([known], { found, quiet: true }, { doc, pageUrl: PAGE, now: () => now + 8 * 86_400_000 }).get(capture.id)).toEqual({ state: 'found' });
    setRating(doc, 4);
    expect(judgeAll([known], { found, quiet: true }, { doc, pageUrl: PAGE, now: () => now }).get(capture.id)).toEqual({ state: 'changed', rating: 4 });
    expect(judgeAll([known], { found, quiet: false }, { doc, pageUrl: PAGE, now: () => now }).size).toBe(0);
  });
});
