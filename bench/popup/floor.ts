/**
 * @module The benchmark's floor: a blank page of the same extension, written into the benchmark's
 * own build folder before the browser loads it (so the product never ships it). It loads one module
 * script the way the popup does, commits one line of text and leaves the same mark the popup's
 * views leave when their first content is committed (extension/popup/paint-marks.ts). What is left
 * of a view's time above this floor is what the view itself costs.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_VIEW_PAINT } from '../../extension/popup/paint-marks';

export const FLOOR_PAGE = 'bench-floor.html';
export const FLOOR_VIEW = 'blank';

export function writeFloorPage(extensionDir: string): void {
  writeFileSync(join(extensionDir, FLOOR_PAGE), [
    '<!doctype html>',
    '<html lang="en">',
    '  <head>',
    '    <meta charset="utf-8" />',
    '    <meta name="viewport" content="width=device-width, initial-scale=1" />',
    '    <title>Closeloop</title>',
    '    <script type="module" src="/bench-floor.js"></script>',
    '  </head>',
    '  <body></body>',
    '</html>',
    '',
  ].join('\n'));
  // Extension pages may not run inline scripts (MV3 CSP), so the script is a file like the popup's.
  writeFileSync(join(extensionDir, 'bench-floor.js'), [
    'const text = document.createElement("p");',
    'text.textContent = "Blank extension page";',
    'document.body.append(text);',
    `performance.mark(${JSON.stringify(FIRST_VIEW_PAINT)}, { detail: { view: ${JSON.stringify(FLOOR_VIEW)}, source: "static" } });`,
    '',
  ].join('\n'));
}
