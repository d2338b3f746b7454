/**
 * @module The extension step of `npm start`: builds the extension for Chromium (.output/chrome-mv3)
 * and for Firefox (.output/firefox-mv2) with WXT and returns the lines that tell a person how to
 * load each. A failed build is reported, not fatal: the sync server keeps running for extensions
 * built earlier.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
const OUT_DIR = resolve(ROOT, process.env.EXTENSION_OUT_DIR || '.output');
export const EXTENSION_OUTPUT = resolve(OUT_DIR, 'chrome-mv3');
export const FIREFOX_OUTPUT = resolve(OUT_DIR, 'firefox-mv2');

const TARGETS = [
  {
    name: 'Chrome or Chromium', args: [], dir: EXTENSION_OUTPUT,
    how: (dir: string) => [
      'Load it in Chrome or Chromium: open chrome://extensions, switch on "Developer mode",',
      `click "Load unpacked" and choose ${dir}. Its options page opens; paste the invite below.`,
    ],
  },
  {
    name: 'Firefox', args: ['-b', 'firefox'], dir: FIREFOX_OUTPUT,
    how: (dir: string) => [
      'Load it in Firefox: open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…"',
      `and choose ${resolve(dir, 'manifest.json')} (it stays until Firefox quits).`,
    ],
  },
];

export async function buildExtension(): Promise<string[]> {
  const wxt = resolve(ROOT, 'node_modules/wxt/bin/wxt.mjs');
  const lines: string[] = [];
  // One after the other: both builds share WXT's .wxt folder.
  for (const target of TARGETS) {
    try {
      await run(process.execPath, [wxt, 'build', ...target.args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const detail = String((error as { stderr?: string }).stderr || (error as Error).message).trim().split('\n').slice(-5);
      lines.push(`Browser extension for ${target.name}: the build failed (the sync server is running anyway):`, ...detail.map((l) => `  ${l}`));
      continue;
    }
    if (!existsSync(resolve(target.dir, 'manifest.json'))) lines.push(`Browser extension for ${target.name}: the build produced no manifest.`);
    else lines.push(`Browser extension for ${target.name} built in ${target.dir}`, ...target.how(target.dir));
  }
  return lines;
}
