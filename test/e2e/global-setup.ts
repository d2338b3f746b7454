/**
 * @module Builds the extension once before the end-to-end suite, the same build `npm start` makes,
 * into .output/e2e/chrome-mv3 so a concurrent `npm start` (the CLI test) never rewrites it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM, E2E_BUILD_DIR, EXTENSION_DIR } from './helpers/browser';

export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`npm test\` (it installs Debian's chromium as root) or set CHROMIUM_PATH.`);
  }
  const root = resolve(import.meta.dirname, '../..');
  try {
    execFileSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), 'build'], {
      cwd: root, stdio: 'pipe', encoding: 'utf8', env: { ...process.env, EXTENSION_OUT_DIR: E2E_BUILD_DIR },
    });
  } catch (error) {
    const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    throw new Error(`Building the extension for the e2e suite failed:\n${output.split('\n').slice(0, 15).join('\n')}`);
  }
  if (!existsSync(resolve(EXTENSION_DIR, 'manifest.json'))) throw new Error('wxt build produced no manifest');
}
