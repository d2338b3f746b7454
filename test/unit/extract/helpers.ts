/** @module Fixture loading and text selection for the context-extraction tests. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/pages');

/** Loads `test/fixtures/pages/<name>` into the test's document (happy-dom does not run its scripts). */
export function loadFixture(name: string): Document {
  return loadHtml(readFileSync(join(PAGES, name), 'utf8'));
}

/**
 * Replaces the global document's content with `html`. The global document, not a DOMParser one:
 * happy-dom 21 collapses Ranges created in parsed documents, which would hide the selected text.
 */
export function loadHtml(html: string): Document {
  document.open();
  document.write(html);
  document.close();
  return document;
}

/** A range over the first non-blank text node under the element matching `selector` (default: the fixture's target). */
export function selectIn(doc: Document, selector = '#closeloop-target', length = 20): Range {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`fixture has no ${selector}`);
  const text = firstText(el);
  if (!text) throw new Error(`${selector} has no text`);
  const range = doc.createRange();
  const start = text.data.search(/\S/);
  range.setStart(text, start);
  range.setEnd(text, Math.min(text.data.length, start + length));
  return range;
}

function firstText(node: Node): Text | null {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && (child as Text).data.trim()) return child as Text;
    if (child.nodeType === 1 && (child as Element).tagName !== 'SCRIPT') {
      const found = firstText(child);
      if (found) return found;
    }
  }
  return null;
}
