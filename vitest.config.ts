import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Four suites, one command: `npm test` runs them all. Timed targets live in `npm run bench*`,
// never here: these machines are shared and noisy.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}'],
          exclude: ['test/unit/extension/**', 'test/unit/capture/**', 'test/unit/popup/**'],
          environment: 'node',
        },
      },
      {
        // Extension code runs against WXT's in-memory fake browser (storage, runtime, tabs ...).
        plugins: [WxtVitest()],
        test: {
          name: 'extension',
          include: ['test/unit/{extension,capture,popup}/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The built extension in Debian's Chromium, a real sync server, real IndexedDB. One file at
        // a time, and after the other suites (groupOrder): each file runs browser profiles and a
        // server, and on a 2-core machine they should not compete with hundreds of unit tests.
        test: {
          name: 'e2e',
          sequence: { groupOrder: 1 },
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
