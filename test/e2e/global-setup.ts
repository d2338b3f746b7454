/**
 * @module Builds the extension once before the end-to-end suite, the same builds `npm start` and
 * `npm run build:firefox` make, into .output/e2e/{chrome-mv3,firefox-mv2} so a concurrent
 * `npm start` (the CLI test) never rewrites what a test browser has loaded.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHROMIUM, E2E_BUILD_DIR, EXTENSION_DIR } from './helpers/browser';
import { FIREFOX, FIREFOX_EXTENSION_DIR } from './helpers/firefox/launch';

const root = resolve(import.meta.dirname, '../..');

function build(args: string[], outDir: string): void {
  try {
    execFileSync(process.execPath, [resolve(root, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...args], {
      cwd: root, stdio: 'pipe', encoding: 'utf8', env: { ...process.env, EXTENSION_OUT_DIR: E2E_BUILD_DIR },
    });
  } catch (error) {
    const output = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
    throw new Error(`Building the extension (wxt build ${args.join(' ')}) for the e2e suite failed:\n${output.split('\n').slice(0, 15).join('\n')}`);
  }
  if (!existsSync(resolve(outDir, 'manifest.json'))) throw new Error(`wxt build ${args.join(' ')} produced no manifest in ${outDir}`);
}

export default function setup(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium not found at ${CHROMIUM}: run \`npm test\` (it installs Debian's chromium as root) or set CHROMIUM_PATH.`);
  }
  if (!existsSync(FIREFOX)) {
    throw new Error(`Firefox not found at ${FIREFOX}: run \`npm test\` (it installs Debian's firefox-esr as root) or set FIREFOX_PATH.`);
  }
  build([], EXTENSION_DIR);
  build(['-b', 'firefox'], FIREFOX_EXTENSION_DIR);
}
