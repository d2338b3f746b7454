// @vitest-environment happy-dom
/** @module Re-finding captures after the page was edited: inserted text, reordered items, a changed quote, and weak matches refused. */
import { describe, expect, it } from 'vitest';
import { anchorAll, describeRange, selectionText } from '../../../extension/capture/anchor';
import { FUZZY_FLOOR } from '../../../extension/capture/anchor/fuzzy';
import { resolveAnchor } from '../../../extension/capture/anchor/resolve';
import { buildTextMap } from '../../../extension/capture/anchor/text-map';
import type { CaptureAnchor } from '../../../shared/schema/records';
import { page, select, startElement } from './helpers';

const REVIEWS = `
  <ol id="reviews">
    <li id="a"><p>The charger died after nine days. Support asked for the same photos three times.</p></li>
    <li id="b"><p>Delivery was quick and the box was intact, five stars from me.</p></li>
    <li id="c"><p>The app logs me out every other day and loses my settings.</p></li>
  </ol>`;

const find = (anchor: CaptureAnchor) => resolveAnchor(anchor, buildTextMap(document.body), document.body);

describe('re-finding a quote after the page changed', () => {
  it('finds it exactly after text was inserted before it and around it', () => {
    const body = page(REVIEWS);
    const anchor = describeRange(select('The app logs me out every other day'));
    body.querySelector('#reviews')!.insertAdjacentHTML('afterbegin', '<li><p>Brand new review on top, longer than the others.</p></li>');
    body.querySelector('#c p')!.insertAdjacentText('beforeend', ' Update: still broken.');
    const found = find(anchor)!;
    expect(found).toMatchObject({ method: 'quote', score: 1, text: 'The app logs me out every other day' });
    expect(startElement(found.range)?.closest('li')?.id).toBe('c');
  });

  it('finds it after the items were reordered', () => {
    const body = page(REVIEWS);
    const anchors = ['nine days', 'five stars from me', 'loses my settings'].map((phrase) => describeRange(select(phrase)));
    const list = body.querySelector('#reviews')!;
    list.append(...[...list.children].reverse());
    const found = anchorAll(anchors, body);
    expect(found.map((f) => startElement(f!.range)?.closest('li')?.id)).toEqual(['a', 'b', 'c']);
    expect(found.map((f) => f!.text)).toEqual(['nine days', 'five stars from me', 'loses my settings']);
  });

  it('finds a quote whose words were edited, approximately, and says what it reads now', () => {
    const body = page(REVIEWS);
    const anchor = describeRange(select('The charger died after nine days. Support asked for the same photos three times.'));
    body.querySelector('#a p')!.textContent = 'The charger died after ten days. Support asked for the same photo three times!';
    const found = find(anchor)!;
    expect(found.method).toBe('fuzzy');
    expect(found.score).toBeGreaterThanOrEqual(FUZZY_FLOOR);
    expect(found.score).toBeLessThan(1);
    expect(found.text).toBe('The charger died after ten days. Support asked for the same photo three times!');
    expect(startElement(found.range)?.closest('li')?.id).toBe('a');
  });

  it('refuses a weak match: another review that shares some words is no match', () => {
    const body = page(REVIEWS);
    const anchor = describeRange(select('The charger died after nine days. Support asked for the same photos three times.'));
    body.querySelector('#a')!.remove();
    body.querySelector('#reviews')!.insertAdjacentHTML('beforeend', '<li><p>The charger works after many days. Support was kind to me.</p></li>');
    expect(find(anchor)).toBeNull();
  });

  it('does not guess for short quotes: they match too many places', () => {
    const body = page(REVIEWS);
    const anchor = describeRange(select('nine days'));
    body.querySelector('#a p')!.textContent = 'The charger died after nine dayz.';
    expect(find(anchor)).toBeNull();
  });

  it('can be told to skip the approximate step (a caller that only wants exact finds)', () => {
    const body = page(REVIEWS);
    const anchor = describeRange(select('The app logs me out every other day and loses my settings.'));
    body.querySelector('#c p')!.textContent = 'The app logs me out every other day and loses all my settings.';
    expect(resolveAnchor(anchor, buildTextMap(body), body, { fuzzy: false })).toBeNull();
    expect(resolveAnchor(anchor, buildTextMap(body), body)?.method).toBe('fuzzy');
  });

  it('finds a quote stored redacted, on the page that still shows the personal data', () => {
    const body = page('<p id="r">Please refund me, write to priya@example.com or call +44 20 7946 0958 before Friday.</p>');
    const stored = describeRange(select('Please refund me, write to priya@example.com or call +44 20 7946 0958 before Friday.'));
    const redacted: CaptureAnchor = {
      ...stored,
      quote: { ...stored.quote, exact: 'Please refund me, write to [email] or call [phone] before Friday.' },
    };
    // The structural selectors still hold: the span, redacted the same way, reads the stored quote.
    expect(find(redacted)).toMatchObject({ method: 'range' });
    // Without them, the quote is searched in the page's text redacted the same way, and mapped back.
    const found = find({ ...redacted, range: null, position: null })!;
    expect(found.method).toBe('quote');
    expect(selectionText(found.range)).toBe('Please refund me, write to priya@example.com or call +44 20 7946 0958 before Friday.');
    // Edited since: still found, approximately.
    body.querySelector('#r')!.textContent = 'Please refund me now, write to priya@example.com or call +44 20 7946 0958 before Friday.';
    expect(find({ ...redacted, range: null, position: null })?.method).toBe('fuzzy');
  });

  it('keeps a kept value literal: only the values the quote no longer holds are labels', () => {
    page('<p>Mail priya@example.com, card 4111 1111 1111 1111, thanks for nothing.</p>');
    const stored = describeRange(select('Mail priya@example.com, card 4111 1111 1111 1111, thanks for nothing.'));
    const kept: CaptureAnchor = { quote: { ...stored.quote, exact: 'Mail priya@example.com, card [card], thanks for nothing.' }, position: null, range: null };
    expect(find(kept)).toMatchObject({ method: 'quote', text: 'Mail priya@example.com, card 4111 1111 1111 1111, thanks for nothing.' });
  });

  it('re-finds 50 captures on one page with one walk', () => {
    const items = Array.from({ length: 50 }, (_, i) => `<li><p>Review ${i}: the export failed on attempt ${i * 7} and support took ${i + 2} days.</p></li>`);
    const body = page(`<ul>${items.join('')}</ul>`);
    const anchors = Array.from({ length: 50 }, (_, i) => describeRange(select(`the export failed on attempt ${i * 7} and support took ${i + 2} days`)));
    body.querySelector('ul')!.insertAdjacentHTML('afterbegin', '<li><p>A new review pushes every position down.</p></li>');
    const found = anchorAll(anchors, body);
    expect(found.every((f) => f !== null && f.method === 'quote')).toBe(true);
    expect(found.map((f) => f!.text)).toEqual(Array.from({ length: 50 }, (_, i) => `the export failed on attempt ${i * 7} and support took ${i + 2} days`));
  });
});
