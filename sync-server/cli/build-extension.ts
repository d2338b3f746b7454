/**
 * @module The extension step of `npm start`: builds the extension into .output/chrome-mv3 with
 * WXT and returns the lines that tell a person how to load it. A failed build is reported, not
 * fatal: the sync server keeps running for extensions built earlier.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
export const EXTENSION_OUTPUT = resolve(ROOT, '.output/chrome-mv3');

export async function buildExtension(): Promise<string[]> {
  const wxt = resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs');
  try {
    await run(process.execPath, [wxt, 'build'], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const detail = String((error as { stderr?: string }).stderr || (error as Error).message).trim().split('\n').slice(-5);
    return ['Browser extension: the build failed (the sync server is running anyway):', ...detail.map((l) => `  ${l}`)];
  }
  if (!existsSync(resolve(EXTENSION_OUTPUT, 'manifest.json'))) return ['Browser extension: the build produced no manifest.'];
  return [
    `Browser extension built in ${EXTENSION_OUTPUT}`,
    'Load it in Chrome or Chromium: open chrome://extensions, switch on "Developer mode",',
    `click "Load unpacked" and choose that folder. Its options page opens; paste the invite below.`,
  ];
}
