/**
 * @module Where end-to-end runs put screenshots: a folder under .output (ignored by git) so that
 * `npm test` leaves the work tree clean, or the README's docs/screenshots/ when asked for with
 * `npm run screenshots` (UPDATE_SCREENSHOTS=1).
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { E2E_BUILD_DIR } from './browser';

export const SCREENSHOTS_DIR = process.env.UPDATE_SCREENSHOTS === '1'
  ? resolve(import.meta.dirname, '../../../docs/screenshots')
  : resolve(E2E_BUILD_DIR, 'screenshots');

/** The path for screenshot `name` (e.g. "inbox.png"), its folder created. */
export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return resolve(SCREENSHOTS_DIR, name);
}
