// @vitest-environment happy-dom
/** @module describeRange: the three selectors, their agreement with the walker, and re-anchoring on the same page. */
import { describe, expect, it } from 'vitest';
import { anchorToRange, describeRange, selectionText } from '../../../extension/capture/anchor';
import { buildTextMap, offsetAt } from '../../../extension/capture/anchor/text-map';
import { elementPath, resolveElementPath } from '../../../extension/capture/anchor/element-path';
import { page, select, startElement } from './helpers';

const REVIEWS = `
  <header><h1>Acme reviews</h1></header>
  <main>
    <div class="review"><p>Setup took five minutes.</p><p>Support answered fast.</p></div>
    <div class="review"><p>Intro text.</p><p>Works offline,   but the <b>sync conflicts</b> lose my edits every week.</p></div>
  </main>`;

describe('describeRange', () => {
  it('builds quote, position and range selectors for a selection', () => {
    const body = page(REVIEWS);
    const range = select('sync conflicts');
    range.setEnd(body.querySelectorAll('.review p')[3]!.lastChild!, ' lose my edits'.length);
    const anchor = describeRange(range);
    expect(anchor.quote.exact).toBe('sync conflicts lose my edits');
    expect(anchor.quote.prefix).toBe('t.\nIntro text.\nWorks offline, but the '.slice(-32));
    expect(anchor.quote.prefix).toHaveLength(32);
    expect(anchor.quote.suffix).toBe(' every week.');
    expect(anchor.range).toEqual({
      startContainer: '/html[1]/body[1]/main[1]/div[2]/p[2]/b[1]',
      startOffset: 0,
      endContainer: '/html[1]/body[1]/main[1]/div[2]/p[2]',
      endOffset: 'Works offline, but the sync conflicts lose my edits'.length,
    });
  });

  it('gives position offsets that agree with the walker', () => {
    const body = page(REVIEWS);
    const range = select('answered fast');
    const anchor = describeRange(range);
    const map = buildTextMap(body);
    const { start, end } = anchor.position!;
    expect(map.text.slice(start, end)).toBe('answered fast');
    expect(start).toBe(map.text.indexOf('answered fast'));
    expect(offsetAt(map, range.startContainer, range.startOffset)).toBe(start);
    expect(offsetAt(map, range.endContainer, range.endOffset)).toBe(end);
    expect(map.text.slice(start - anchor.quote.prefix.length, start)).toBe(anchor.quote.prefix);
    expect(map.text.slice(end, end + anchor.quote.suffix.length)).toBe(anchor.quote.suffix);
  });

  it('measures positions from the given root', () => {
    const body = page(REVIEWS);
    const second = body.querySelectorAll('.review')[1]!;
    const anchor = describeRange(select('Works offline'), second);
    expect(anchor.position).toEqual({ start: 'Intro text.\n'.length, end: 'Intro text.\nWorks offline'.length });
    expect(anchor.quote.prefix).toBe('Intro text.\n');
  });

  it('re-anchors to the same text on the unchanged page', () => {
    const body = page(REVIEWS);
    for (const phrase of ['Setup took', 'sync conflicts', 'edits every week.', 'Acme']) {
      const anchor = describeRange(select(phrase));
      const found = anchorToRange(anchor, body)!;
      expect(found).not.toBeNull();
      expect(selectionText(found)).toBe(phrase);
      expect(found.toString()).toBe(phrase);
    }
  });

  it('re-anchors a selection across paragraphs', () => {
    const body = page(REVIEWS);
    const range = select('fast.');
    range.setEnd(select('Intro').startContainer, 'Intro'.length);
    const anchor = describeRange(range);
    expect(anchor.quote.exact).toBe('fast.\nIntro');
    const found = anchorToRange(anchor, body)!;
    expect(selectionText(found)).toBe('fast.\nIntro');
    expect(found.startContainer).toBe(range.startContainer);
    expect(found.endContainer).toBe(range.endContainer);
  });

  it('builds element paths that resolve back to the element', () => {
    const body = page('<div></div><section><div></div><div><span>a</span><p>x</p><p id="t">y</p></div></section>');
    const target = body.querySelector('#t')!;
    expect(elementPath(target)).toBe('/html[1]/body[1]/section[1]/div[2]/p[2]');
    expect(resolveElementPath(elementPath(target), body)).toBe(target);
    for (const bad of ['', 'html[1]', '/html[1]/body[1]/p[0]', '/html[1]/body[1]/p[9]', '/html[1]/<script>[1]', '/html/body']) {
      expect(resolveElementPath(bad, body)).toBeNull();
    }
  });

  it('describes an empty selection without a range selector', () => {
    page(REVIEWS);
    const range = select('Setup');
    range.collapse(true);
    const anchor = describeRange(range);
    expect(anchor.quote.exact).toBe('');
    expect(anchor.range).toBeNull();
    expect(anchorToRange(anchor, document.body)).toBeNull();
  });

  it('keeps hostile text as text in the quote and its context', () => {
    const body = page('<p>&lt;img src=x onerror=alert(1)&gt; <script>steal()</script>Terrible service</p>');
    const anchor = describeRange(select('Terrible'));
    expect(anchor.quote).toEqual({ exact: 'Terrible', prefix: '<img src=x onerror=alert(1)> ', suffix: ' service' });
    expect(selectionText(anchorToRange(anchor, body)!)).toBe('Terrible');
    expect(startElement(anchorToRange(anchor, body)!)?.localName).toBe('p');
  });
});
