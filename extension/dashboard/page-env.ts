/**
 * @module The environment of the dashboard and report pages as one defaulted parameter: the browser
 * APIs they use (tabs, downloads), the clock and the window. Tests pass fakes.
 */
import { browser } from 'wxt/browser';
import { defaultSaveEnv, type DownloadsApi, type SaveEnv } from '../export/downloads';

export interface PageEnv {
  openTab(path: string): Promise<unknown>;
  save: SaveEnv;
  now(): number;
  window: Window;
}

export function pageEnv(overrides: Partial<PageEnv> = {}): PageEnv {
  return {
    openTab: (path) => browser.tabs.create({ url: browser.runtime.getURL(path as '/dashboard.html') }),
    save: defaultSaveEnv(browser.downloads as unknown as DownloadsApi),
    now: () => Date.now(),
    window: globalThis.window,
    ...overrides,
  };
}
