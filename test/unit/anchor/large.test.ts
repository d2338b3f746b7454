// @vitest-environment happy-dom
/** @module Huge selections and pages: the anchor functions finish and stay correct (time is for benches, not here). */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../shared/schema/constants';
import { anchorToRange, describeRange, selectionText } from '../../../extension/capture/anchor';
import { buildTextMap } from '../../../extension/capture/anchor/text-map';
import { page } from './helpers';

/** A deterministic paragraph of `size` characters, different for every `i`. */
function paragraph(i: number, size: number): string {
  const words = `review-${i} sync slow export broken support kind price fair `;
  return words.repeat(Math.ceil(size / words.length)).slice(0, size).trim();
}

// Generous timeouts: happy-dom itself needs seconds to build these pages on a busy machine.
describe('large input', { timeout: 60_000 }, () => {
  it('describes and re-anchors a 1 MB selection over 1,000 paragraphs', () => {
    const paragraphs = Array.from({ length: 1000 }, (_, i) => paragraph(i, 1000));
    const body = page(`<h1>Before</h1><main>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</main><footer>After</footer>`);
    const expected = paragraphs.join('\n');
    expect(expected.length).toBeGreaterThan(1_000_000);

    const range = document.createRange();
    range.selectNodeContents(body.querySelector('main')!);
    expect(selectionText(range)).toBe(expected);

    const anchor = describeRange(range);
    // The quote is capped; the position still spans the whole selection.
    expect(anchor.quote.exact).toBe(expected.slice(0, LIMITS.captureText));
    expect(anchor.quote.prefix).toBe('Before\n');
    expect(anchor.quote.suffix).toBe('\nAfter');
    expect(anchor.position).toEqual({ start: 'Before\n'.length, end: 'Before\n'.length + expected.length });
    expect(buildTextMap(body).text.slice(anchor.position!.start, anchor.position!.end)).toBe(expected);
    expect(anchor.range).toEqual({
      startContainer: '/html[1]/body[1]/main[1]/p[1]',
      startOffset: 0,
      endContainer: '/html[1]/body[1]/main[1]/p[1000]',
      endOffset: paragraphs[999]!.length,
    });

    // Unchanged page: the structural selectors accept the capped quote and give back the whole span.
    expect(selectionText(anchorToRange(anchor, body)!)).toBe(expected);

    // Changed page: quote search finds the capped quote itself.
    body.querySelector('h1')!.textContent = 'Now with a longer heading';
    body.querySelector('main')!.insertAdjacentHTML('afterbegin', '<p>A new first paragraph.</p>');
    const found = anchorToRange(anchor, body)!;
    expect(selectionText(found)).toBe(anchor.quote.exact.trimEnd());
  });

  it('handles a 1 MB single text node with scripts around it', () => {
    const huge = paragraph(7, 1_048_576);
    const body = page(`<script>var a = "${'x'.repeat(1000)}";</script><p id="p">${huge}</p><script>b()</script>`);
    const range = document.createRange();
    range.selectNodeContents(body.querySelector('#p')!.firstChild!);
    expect(selectionText(range)).toBe(huge);
    const anchor = describeRange(range);
    expect(anchor.position).toEqual({ start: 0, end: huge.length });
    expect(anchor.quote.exact).toHaveLength(LIMITS.captureText);
    expect(anchor.quote.prefix + anchor.quote.suffix).toBe('');
    expect(selectionText(anchorToRange(anchor, body)!)).toBe(huge);
  });

  it('anchors within a page of 100,000 text nodes', () => {
    // 1,000 blocks of 100 nodes: happy-dom's own appends and Range setters scan sibling lists, so
    // one flat list of 100k siblings measures happy-dom, not this code.
    const body = page('<div id="list"></div>');
    const list = body.querySelector('#list')!;
    for (let b = 0; b < 1000; b++) {
      const block = document.createElement('div');
      for (let i = b * 100; i < b * 100 + 100; i++) {
        if (i % 2 === 0) block.append(document.createTextNode(`w${i} `));
        else block.append(Object.assign(document.createElement('span'), { textContent: `s${i} ` }));
      }
      list.append(block);
    }
    const start = list.childNodes[600]!.childNodes[0] as Text;
    const end = list.childNodes[600]!.childNodes[3]!.firstChild as Text;
    const range = document.createRange();
    range.setStart(start, 0);
    range.setEnd(end, end.data.length);
    const anchor = describeRange(range);
    expect(anchor.quote.exact).toBe('w60000 s60001 w60002 s60003');
    expect(anchor.quote.prefix).toBe('995 w59996 s59997 w59998 s59999\n');
    expect(anchor.range).toEqual({
      startContainer: '/html[1]/body[1]/div[1]/div[601]', startOffset: 0,
      endContainer: '/html[1]/body[1]/div[1]/div[601]/span[2]', endOffset: 'w60003'.length,
    });

    const map = buildTextMap(body);
    expect(map.nodes).toHaveLength(100_000);
    expect(map.text.slice(anchor.position!.start, anchor.position!.end)).toBe(anchor.quote.exact);
    expect(anchor.position!.start).toBe(map.text.indexOf('\nw60000 ') + 1);

    list.childNodes[10]!.remove(); // shifts every path and position after it
    const found = anchorToRange(anchor, body)!;
    expect(selectionText(found)).toBe('w60000 s60001 w60002 s60003');
    expect(found.startContainer).toBe(start);
    expect(found.endContainer).toBe(end);

    const all = document.createRange();
    all.selectNodeContents(list);
    expect(describeRange(all).position).toEqual({ start: 0, end: buildTextMap(body).text.length });
  });

  it('stays bounded on pathological repeats', () => {
    const body = page(`<p>${'a'.repeat(200_000)}</p>`);
    const exact = 'a'.repeat(LIMITS.captureText);
    const found = anchorToRange({ quote: { exact, prefix: 'zz', suffix: 'zz' }, position: null, range: null }, body)!;
    expect(found.toString()).toBe(exact);
    expect(anchorToRange({ quote: { exact: `${exact}b`, prefix: '', suffix: '' }, position: null, range: null }, body)).toBeNull();
  });
});
