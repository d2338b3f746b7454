// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hasVisibleText, inEditable, spotFor, watchSelection, type Spot } from '../../../extension/capture/selection-watcher';
import { forged, loadPage, selectText, testTrust } from './helpers';

let stop: () => void = () => {};
let own: HTMLElement;

function watch(hasBeenActive = () => true) {
  const show = vi.fn<(spot: Spot) => void>();
  const hide = vi.fn();
  stop = watchSelection({
    win: window, isTrusted: testTrust, show, hide, defer: (run) => run(), hasBeenActive,
    isOwn: (target) => target instanceof Node && own.contains(target),
  });
  return { show, hide };
}

const mouseUp = (target: Element) => target.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));

beforeEach(() => {
  loadPage(`
    <p id="review">Love the product, hate the invoices.</p>
    <p id="blank">   </p>
    <input id="search" value="find me">
    <textarea id="reply">typing a reply</textarea>
    <div id="editor" contenteditable="true"><p id="inside">rich text</p></div>
    <div id="ours">our own dialog text</div>`);
  own = document.getElementById('ours')!;
});
afterEach(() => {
  stop();
  document.getSelection()!.removeAllRanges();
});

describe('the in-page button watcher', () => {
  it('shows the button after a real mouseup leaves text selected', () => {
    const { show } = watch();
    const review = document.getElementById('review')!;
    selectText(review);
    mouseUp(review);
    expect(show).toHaveBeenCalledTimes(1);
    expect(show.mock.calls[0]![0]).toEqual({ left: expect.any(Number), top: expect.any(Number) });
  });

  it('shows it after a keyboard selection too (Shift+arrows end with keyup)', () => {
    const { show } = watch();
    selectText(document.getElementById('review')!);
    document.body.dispatchEvent(new KeyboardEvent('keyup', { key: 'ArrowRight', shiftKey: true, bubbles: true }));
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('ignores a mouseup a page script makes up', () => {
    const { show } = watch();
    const review = document.getElementById('review')!;
    selectText(review);
    review.dispatchEvent(forged(new MouseEvent('mouseup', { bubbles: true })));
    expect(show).not.toHaveBeenCalled();
  });

  it('never shows in text fields, editable regions or our own UI', () => {
    const { show, hide } = watch();
    for (const id of ['inside', 'ours']) {
      selectText(document.getElementById(id)!);
      mouseUp(document.getElementById(id)!);
    }
    const reply = document.getElementById('reply') as HTMLTextAreaElement;
    reply.focus();
    reply.select();
    selectText(document.getElementById('review')!); // even with page text selected while a field has focus
    reply.focus();
    mouseUp(reply);
    expect(show).not.toHaveBeenCalled();
    expect(hide).toHaveBeenCalled();
  });

  it('does not show for a selection of blank space', () => {
    const { show } = watch();
    selectText(document.getElementById('blank')!);
    mouseUp(document.getElementById('blank')!);
    expect(show).not.toHaveBeenCalled();
  });

  it('hides on Esc, on scroll, on resize and when the selection collapses', () => {
    const { hide } = watch();
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(hide).toHaveBeenCalledTimes(1);
    window.dispatchEvent(new Event('scroll'));
    expect(hide).toHaveBeenCalledTimes(2);
    window.dispatchEvent(new Event('resize'));
    expect(hide).toHaveBeenCalledTimes(3);
    selectText(document.getElementById('review')!);
    document.dispatchEvent(new Event('selectionchange'));
    expect(hide).toHaveBeenCalledTimes(3); // still selected: stays
    document.getSelection()!.collapseToEnd(); // happy-dom fires selectionchange itself, as browsers do
    document.dispatchEvent(new Event('selectionchange'));
    expect(hide.mock.calls.length).toBeGreaterThan(3);
  });

  it('shows the button for a selection made before it started watching (the first second of a page)', () => {
    // The person selected while the content script was still loading its preference: no mouseup will come again.
    selectText(document.getElementById('review')!);
    const { show } = watch();
    expect(show).toHaveBeenCalledTimes(1);
  });

  it('leaves a selection made at load alone when nobody has touched the page (a page script made it)', () => {
    selectText(document.getElementById('review')!);
    const { show } = watch(() => false);
    expect(show).not.toHaveBeenCalled();
  });

  it('shows nothing at start when nothing is selected, or only inside a text field', () => {
    const { show } = watch();
    stop();
    (document.getElementById('reply') as HTMLTextAreaElement).focus();
    selectText(document.getElementById('inside')!);
    watch();
    expect(show).not.toHaveBeenCalled();
  });

  it('stops listening when stopped', () => {
    const { show } = watch();
    stop();
    const review = document.getElementById('review')!;
    selectText(review);
    mouseUp(review);
    expect(show).not.toHaveBeenCalled();
  });
});

describe('selection helpers', () => {
  it('knows editable places', () => {
    expect(inEditable(document.getElementById('search'))).toBe(true);
    expect(inEditable(document.getElementById('inside')!.firstChild)).toBe(true);
    expect(inEditable(document.getElementById('review')!.firstChild)).toBe(false);
    expect(inEditable(null)).toBe(false);
  });

  it('finds visible text without reading the whole selection', () => {
    loadPage(`<div id="all"><p>   </p>${'<p> </p>'.repeat(50)}<p id="t">x</p></div>`);
    const range = document.createRange();
    range.selectNodeContents(document.getElementById('all')!);
    expect(hasVisibleText(range)).toBe(true);
    range.setEndBefore(document.getElementById('t')!);
    expect(hasVisibleText(range)).toBe(false);
  });

  it('places the button below the selection end, inside the viewport', () => {
    const viewport = { width: 1000, height: 800 };
    expect(spotFor({ left: 100, right: 400, top: 200, bottom: 220 }, viewport)).toEqual({ left: 325, top: 226 });
    expect(spotFor({ left: 900, right: 998, top: 200, bottom: 220 }, viewport).left).toBe(1000 - 150 - 6);
    expect(spotFor({ left: 0, right: 10, top: 200, bottom: 220 }, viewport).left).toBe(6);
    // No room below: above the line instead.
    expect(spotFor({ left: 100, right: 400, top: 770, bottom: 790 }, viewport).top).toBe(770 - 32 - 6);
    // A long selection that ends far below (or above) the screen: at the viewport's edge, never off screen.
    expect(spotFor({ left: 100, right: 400, top: 3_226_300, bottom: 3_226_340 }, viewport).top).toBe(800 - 32 - 6);
    expect(spotFor({ left: 100, right: 400, top: -5_000, bottom: -4_980 }, viewport).top).toBe(6);
  });
});
