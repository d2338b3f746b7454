// @vitest-environment happy-dom
/** @module anchorToRange on pages that changed after the capture, and with stored anchors that cannot be trusted. */
import { describe, expect, it } from 'vitest';
import type { CaptureAnchor } from '../../../shared/schema/records';
import { anchorToRange, describeRange, selectionText } from '../../../extension/capture/anchor';
import { page, select, startElement } from './helpers';

const THREAD = `
  <ol id="thread">
    <li id="r1"><p>Pricing is fair but the app crashes on login. Please fix.</p></li>
    <li id="r2"><p>Since version 4 the app crashes on login. Support never replied.</p></li>
    <li id="r3"><p>Mostly good, though the app crashes on login sometimes.</p></li>
  </ol>`;

describe('anchorToRange after the page changed', () => {
  it('finds the quote after text was inserted before it', () => {
    const body = page(THREAD);
    const anchor = describeRange(select('Support never replied'));
    body.querySelector('#thread')!.insertAdjacentHTML('afterbegin', '<li id="r0"><p>A brand new review on top.</p></li>');
    body.querySelector('#r2 p')!.insertAdjacentText('afterbegin', 'Edited: ');
    const found = anchorToRange(anchor, body)!;
    expect(selectionText(found)).toBe('Support never replied');
    expect(startElement(found)?.closest('li')?.id).toBe('r2');
  });

  it('finds the quote after its element moved elsewhere in the page', () => {
    const body = page(THREAD + '<aside id="side"></aside>');
    const anchor = describeRange(select('Mostly good'));
    body.querySelector('#side')!.append(body.querySelector('#r3 p')!);
    const found = anchorToRange(anchor, body)!;
    expect(selectionText(found)).toBe('Mostly good');
    expect(startElement(found)?.parentElement?.id).toBe('side');
  });

  it('keeps the range selector valid when a script splits the text node', () => {
    const body = page(THREAD);
    const anchor = describeRange(select('the app crashes on login', 1));
    const text = body.querySelector('#r2 p')!.firstChild as Text;
    text.splitText(30).splitText(5);
    text.splitText(12);
    expect(body.querySelector('#r2 p')!.childNodes.length).toBe(4);
    // Without position or context, only the range selector can tell the three occurrences apart.
    const rangeOnly: CaptureAnchor = { quote: { exact: anchor.quote.exact, prefix: '', suffix: '' }, position: null, range: anchor.range };
    const found = anchorToRange(rangeOnly, body)!;
    expect(selectionText(found)).toBe('the app crashes on login');
    expect(startElement(found)?.closest('li')?.id).toBe('r2');
  });

  it('resolves a quote that occurs several times by its prefix and suffix', () => {
    const body = page(THREAD);
    for (const [nth, id] of [[0, 'r1'], [1, 'r2'], [2, 'r3']] as const) {
      const anchor = describeRange(select('the app crashes on login', nth));
      // Structural selectors point nowhere useful now: only quote search is left.
      const quoteOnly: CaptureAnchor = { quote: anchor.quote, position: null, range: null };
      const found = anchorToRange(quoteOnly, body)!;
      expect(selectionText(found)).toBe('the app crashes on login');
      expect(startElement(found)?.closest('li')?.id).toBe(id);
    }
  });

  it('falls back to the occurrence whose context matches when stale selectors miss', () => {
    const body = page(THREAD);
    const anchor = describeRange(select('the app crashes on login', 2));
    body.querySelector('#thread')!.insertAdjacentHTML('afterbegin', '<li id="r0"><p>Again the app crashes on login!</p></li>');
    const found = anchorToRange(anchor, body)!;
    expect(selectionText(found)).toBe('the app crashes on login');
    expect(startElement(found)?.closest('li')?.id).toBe('r3');
  });

  it('finds a quote whose whitespace or line breaks changed', () => {
    const body = page('<p>Dark mode makes the charts unreadable at night.</p>');
    const anchor = describeRange(select('charts unreadable at night'));
    body.innerHTML = '<p>Dark mode makes the <span>charts</span>unreadable<br>at\n   night.</p>';
    const found = anchorToRange(anchor, body)!;
    expect(found).not.toBeNull();
    expect(selectionText(found)).toBe('chartsunreadable\nat night');
    expect(startElement(found)?.localName).toBe('span');
  });

  it('returns null when the quote is gone', () => {
    const body = page(THREAD);
    const anchor = describeRange(select('Support never replied'));
    body.querySelector('#r2')!.remove();
    expect(anchorToRange(anchor, body)).toBeNull();
    page('<p>Since version 4 the app crashes on login. Support replied within the hour.</p>');
    expect(anchorToRange(anchor, document.body)).toBeNull();
  });

  it('survives hostile or broken stored anchors without throwing', () => {
    const body = page(THREAD);
    const good = describeRange(select('Please fix'));
    const broken = [
      { ...good, range: { startContainer: '/html[1]/body[1]/x[99999999]', startOffset: -5, endContainer: 'garbage', endOffset: 1e12 } },
      { ...good, position: { start: 1e9, end: -1 }, range: null },
      { ...good, position: { start: 3.5, end: Number.NaN }, range: null },
      { quote: { exact: 'Please fix', prefix: 42, suffix: null }, position: null, range: null },
      { ...good, position: { start: '3', end: {} }, range: { startContainer: 7, startOffset: '1', endContainer: null, endOffset: 2 } },
    ] as unknown as CaptureAnchor[];
    for (const anchor of broken) expect(selectionText(anchorToRange(anchor, body)!)).toBe('Please fix');
    expect(anchorToRange({ quote: { exact: '', prefix: '', suffix: '' }, position: null, range: null }, body)).toBeNull();
    expect(anchorToRange(null as unknown as CaptureAnchor, body)).toBeNull();
  });

  it('does not throw on a root holding shadow roots and iframes', () => {
    const body = page('<div id="host"></div><iframe srcdoc="<p>Plain words here.</p>"></iframe><p>Plain words here.</p>');
    body.querySelector('#host')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Plain words here.</p>';
    const anchor = describeRange(select('words here'));
    expect(selectionText(anchorToRange(anchor, body)!)).toBe('words here');
  });
});
