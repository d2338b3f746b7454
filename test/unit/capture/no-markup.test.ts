import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const CAPTURE = join(root, 'extension/capture');

/** Our capture UI files (the extract/ and anchor/ folders read the page; they are not ours to check here). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'extract' || entry.name === 'anchor' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('page text is never parsed as markup', () => {
  it('no capture UI file writes HTML strings into the DOM', () => {
    const files = [...sources(CAPTURE), join(root, 'extension/entrypoints/content/index.ts')];
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((file) =>
      /innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|createContextualFragment/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => relative(root, file))).toEqual([]);
  });
});
