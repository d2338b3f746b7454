#!/usr/bin/env node
// @module Makes `npm start` and `npm test` work on a fresh clone: installs dependencies when they
// are missing or older than the lockfile, and (for tests, as root) Debian's Chromium when absent.
// Plain Node on purpose: it runs before any dependency exists.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantBrowser = process.argv.includes('--browser');

function run(command) {
  console.error(`[setup] ${command}`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs)) {
  try {
    run(existsSync(lock) ? 'npm ci --no-audit --no-fund' : 'npm install --no-audit --no-fund');
  } catch {
    // Registry mirrors that serve only this platform's packages make `npm ci` refuse the lockfile
    // (rollup's other-platform optional packages are missing there); `npm install` honours the
    // same locked versions and skips what it cannot fetch.
    console.error('[setup] npm ci refused the lockfile; installing the locked versions with npm install instead.');
    run('npm install --no-audit --no-fund');
  }
}

if (wantBrowser && !process.env.CHROMIUM_PATH && !existsSync('/usr/bin/chromium')) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    run('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium');
  } else {
    console.error('[setup] Chromium is missing: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH.');
    process.exit(1);
  }
}
