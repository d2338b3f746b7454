/**
 * @module Paints re-found quotes with the CSS Custom Highlight API under the name `closeloop`, so the
 * page's DOM is never changed (no <mark> wrapped around its text). Standard in Chrome 105+ and
 * Firefox 140+. The colour comes from one constructed style sheet adopted by the document; where a
 * browser refuses a content script's sheet there (Firefox compartments have done so), a single
 * <style> element in <head> carries the same rule instead.
 */

export const HIGHLIGHT_NAME = 'closeloop';

export interface Painter {
  paint(ranges: readonly Range[], color: string): void;
  clear(): void;
}

interface HighlightWindow {
  CSS?: { highlights?: Map<string, unknown> };
  Highlight?: new (...ranges: Range[]) => unknown;
}

/** A painter for `win`, or null where the Highlight API is missing (the page simply shows no highlights). */
export function createPainter(win: Window): Painter | null {
  const api = win as unknown as HighlightWindow;
  const registry = api.CSS?.highlights;
  const Highlight = api.Highlight;
  if (!registry || typeof Highlight !== 'function') return null;
  let styled: { color: string; remove(): void } | null = null;

  const style = (color: string) => {
    if (styled?.color === color) return;
    styled?.remove();
    styled = addRule(win.document, highlightRule(color), color);
  };

  return {
    paint(ranges, color) {
      style(color);
      if (ranges.length === 0) registry.delete(HIGHLIGHT_NAME);
      else registry.set(HIGHLIGHT_NAME, new Highlight(...ranges));
    },
    clear() {
      registry.delete(HIGHLIGHT_NAME);
      styled?.remove();
      styled = null;
    },
  };
}

/** The rule: a wash of the workspace colour and an underline in it (::highlight allows colours and decorations only). */
export function highlightRule(color: string): string {
  const hex = /^#[0-9a-f]{6}$/i.test(color) ? color : '#2454d6';
  return `::highlight(${HIGHLIGHT_NAME}) { background-color: ${hex}33; text-decoration: underline 2px ${hex}; text-underline-offset: 3px; }`;
}

function addRule(doc: Document, rule: string, color: string): { color: string; remove(): void } {
  try {
    const sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(rule);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return { color, remove: () => { doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet); } };
  } catch {
    const el = doc.createElement('style');
    el.textContent = rule;
    (doc.head ?? doc.documentElement).append(el);
    return { color, remove: () => el.remove() };
  }
}
