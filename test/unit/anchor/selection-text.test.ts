// @vitest-environment happy-dom
/** @module selectionText: what the capture stores for a selection, and that it matches the anchor's quote. */
import { describe, expect, it } from 'vitest';
import { describeRange, selectionText } from '../../../extension/capture/anchor';
import { page, select, spanning } from './helpers';

describe('selectionText', () => {
  it('turns block boundaries into newlines and collapses whitespace runs', () => {
    const body = page(`<article>
        <h2>  Great   app </h2>
        <p>Sync is\n\t fast,</p><div><p>but <b>exports</b>  <i>fail</i>.</p></div>
        <ul><li>one</li><li>two<br>three</li></ul>
      </article>`);
    const range = spanning(body.querySelector('h2')!, body.querySelector('li:last-child')!);
    expect(selectionText(range)).toBe('Great app\nSync is fast,\nbut exports fail.\none\ntwo\nthree');
  });

  it('leaves out script, style, noscript and template content between the selected words', () => {
    const body = page(
      '<p id="a">Love the <script>document.title = "<b>pwned</b>"</script>new editor</p>'
      + '<style>p { color: red }</style><noscript>Enable JS</noscript>'
      + '<p id="b">Export is <script>fetch("/x")</script>broken</p>'
      // After the range: happy-dom 21 misorders Range boundaries around a <template> between them.
      + '<template><p>tpl</p></template>',
    );
    const range = spanning(body.querySelector('#a')!, body.querySelector('#b')!);
    range.setEnd(body, body.childNodes.length);
    const text = selectionText(range);
    expect(text).toBe('Love the new editor\nExport is broken');
    expect(text).not.toMatch(/pwned|fetch|color|Enable JS|tpl|</);
  });

  it('leaves out elements hidden with the hidden attribute or aria-hidden="true"', () => {
    const body = page('<p>Five <span hidden>secret</span>stars <span aria-hidden="true">★★★★★</span>'
      + '<span aria-hidden="false">for sure</span></p>');
    expect(selectionText(spanning(body.querySelector('p')!, body.querySelector('p')!))).toBe('Five stars for sure');
  });

  it('returns text only, never markup', () => {
    const body = page('<p>Nice <b>bold</b> &lt;i&gt;move&lt;/i&gt; <img alt="x" src="data:,"> done</p>');
    expect(selectionText(spanning(body.querySelector('p')!, body.querySelector('p')!))).toBe('Nice bold <i>move</i> done');
  });

  it('cuts at the selection boundaries inside words and trims the edges', () => {
    page('<p>The checkout page keeps timing out</p>');
    const range = select('checkout page keeps tim');
    range.setStart(range.startContainer, range.startOffset - 1); // include the space before
    expect(selectionText(range)).toBe('checkout page keeps tim');
  });

  it('handles a triple-click range that ends at the start of the next paragraph', () => {
    const body = page('<p>First paragraph.</p><p>Second one.</p>');
    const [first, second] = [...body.querySelectorAll('p')];
    const range = document.createRange();
    range.setStart(first!.firstChild!, 0);
    range.setEnd(second!, 0);
    expect(selectionText(range)).toBe('First paragraph.');
    expect(describeRange(range).quote.exact).toBe('First paragraph.');
  });

  it('gives exactly the quote describeRange stores', () => {
    const body = page('<div><p>Alpha <em>beta</em></p>\n<p>gamma   delta</p><script>x()</script><p>epsilon</p></div>');
    const range = document.createRange();
    range.setStart(body.querySelector('em')!.firstChild!, 2);
    range.setEnd(body.querySelectorAll('p')[2]!.firstChild!, 3);
    expect(selectionText(range)).toBe('ta\ngamma delta\neps');
    expect(describeRange(range).quote.exact).toBe(selectionText(range));
  });

  it('is empty for a collapsed range or one inside a script', () => {
    const body = page('<p>text</p><script>var secret = 1;</script>');
    const collapsed = select('text');
    collapsed.collapse(true);
    expect(selectionText(collapsed)).toBe('');
    const inScript = document.createRange();
    inScript.selectNodeContents(body.querySelector('script')!.firstChild!);
    expect(selectionText(inScript)).toBe('');
  });

  it('works inside a shadow root and does not throw around iframes', () => {
    const body = page('<div id="host"></div><p>Before <iframe srcdoc="<p>inner</p>"></iframe> after</p>');
    const shadow = body.querySelector('#host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Shadow <b>review</b> text</p>';
    const inShadow = document.createRange();
    inShadow.selectNodeContents(shadow.querySelector('p')!);
    expect(selectionText(inShadow)).toBe('Shadow review text');
    expect(() => describeRange(inShadow)).not.toThrow();
    expect(describeRange(inShadow).quote.exact).toBe('Shadow review text');
    const around = spanning(body.querySelectorAll('p')[0]!, body.querySelectorAll('p')[0]!);
    expect(selectionText(around)).toBe('Before after');
  });
});
