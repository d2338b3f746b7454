#!/usr/bin/env node
// @module Makes `npm start` and `npm test` work on a fresh clone: installs dependencies when they
// are missing or older than the lockfile (`npm ci`, which never rewrites package-lock.json), and
// for tests, as root, Debian's Chromium and Firefox ESR when absent.
// Plain Node on purpose: it runs before any dependency exists.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const wantBrowsers = process.argv.includes('--browser');

function run(command) {
  console.error(`[setup] ${command}`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
if (!existsSync(installed) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(installed).mtimeMs)) {
  // The committed lockfile lists every platform's optional packages (rollup's native builds), so
  // `npm ci` accepts it anywhere. --loglevel=error: npm's warnings about dependencies' engines and
  // install scripts are about packages we do not run at install time, and only bury real errors.
  try {
    run('npm ci --no-audit --no-fund --loglevel=error');
  } catch {
    console.error('[setup] `npm ci` failed (see above). package-lock.json was not changed; fix the cause (network, registry, Node version) and run it again.');
    process.exit(1);
  }
}

/** Debian packages the browser tests need: [what, where it is installed, Debian package, env override]. */
const browsers = [
  ['Chromium', '/usr/bin/chromium', 'chromium', 'CHROMIUM_PATH'],
  ['Firefox ESR', '/usr/bin/firefox-esr', 'firefox-esr', 'FIREFOX_PATH'],
];
const missing = wantBrowsers ? browsers.filter(([, path, , env]) => !process.env[env] && !existsSync(path)) : [];
if (missing.length > 0) {
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    run(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.map(([, , pkg]) => pkg).join(' ')}`);
  } else {
    for (const [name, path, pkg, env] of missing) {
      console.error(`[setup] ${name} is missing at ${path}: install it (Debian: apt-get install ${pkg}) or set ${env}.`);
    }
    process.exit(1);
  }
}
