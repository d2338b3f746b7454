/**
 * @module The popup's environment as one defaulted parameter: the browser APIs it uses, the clock,
 * the window (hash, timers) and the performance timeline. Tests pass WXT's fake browser, a fixed
 * clock and zero delays; the real popup gets the defaults.
 */
import { browser } from 'wxt/browser';
import type { DownloadsApi } from '../export/downloads';
import type { MarkTimeline } from './paint-marks';

/** Only the browser APIs the popup needs, so a fake browser or a hand-made stub fits. */
export interface PopupBrowser {
  runtime: { openOptionsPage(): Promise<void>; getURL(path: string): string };
  tabs: { create(properties: { url: string }): Promise<unknown> };
  storage: {
    local: { get(keys: string): Promise<Record<string, unknown>> };
    onChanged: {
      addListener(listener: StorageListener): void;
      removeListener(listener: StorageListener): void;
    };
  };
  /** Saving exports (the `downloads` permission). */
  downloads: DownloadsApi;
}

type StorageListener = (changes: Record<string, { newValue?: unknown }>, area: string) => void;

export interface PopupEnv {
  browser: PopupBrowser;
  /** Milliseconds since the epoch; ages ("3 h ago") and "today" (for overdue) come from it. */
  now(): number;
  /** Location hash (routing), history and timers. */
  window: Window;
  performance: MarkTimeline;
  /**
   * How long scrolling may run before the list asks the hub for the rows now in view. Short: the
   * hub answers in a few milliseconds; the wait only stops a fling from sending a request per frame.
   */
  scrollFetchMs: number;
  /** Height of the lists' viewport in px; measured when absent (tests set it: happy-dom has no layout). */
  listViewport?: number;
}

export function popupEnv(overrides: Partial<PopupEnv> = {}): PopupEnv {
  return {
    browser: browser as unknown as PopupBrowser,
    now: () => Date.now(),
    window: globalThis.window,
    performance: globalThis.performance,
    scrollFetchMs: 24,
    ...overrides,
  };
}
