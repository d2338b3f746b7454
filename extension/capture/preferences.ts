/**
 * @module Follows the effective "in-page button" preference: the person's setting with the
 * administrator's policy on top, re-read whenever either changes.
 */
import { browser } from 'wxt/browser';
import { applyPolicy, DEFAULT_PREFERENCES, readPolicy, type Settings } from '../settings/settings';
import { settingsItem } from '../settings/settings-item';

export interface PreferenceSources {
  readSettings(): Promise<Settings>;
  watchSettings(onChange: () => void): () => void;
  managed: { get(): Promise<Record<string, unknown>> } | undefined;
  watchManaged(onChange: () => void): () => void;
}

export function defaultPreferenceSources(): PreferenceSources {
  return {
    readSettings: () => settingsItem.getValue(),
    watchSettings: (onChange) => settingsItem.watch(() => onChange()),
    managed: browser.storage.managed as PreferenceSources['managed'],
    watchManaged(onChange) {
      const listener = (_changes: unknown, area: string) => { if (area === 'managed') onChange(); };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/** Calls `onChange` with the current value, then again whenever it changes; returns the stop function. */
export function watchInPageButton(onChange: (enabled: boolean) => void, sources: PreferenceSources = defaultPreferenceSources()): () => void {
  let stopped = false;
  let latest = 0;
  let current: boolean | null = null;

  const refresh = async () => {
    const ticket = ++latest;
    let enabled = DEFAULT_PREFERENCES.inPageButton;
    try {
      const [stored, { policy, problems }] = await Promise.all([sources.readSettings(), readPolicy(sources.managed)]);
      enabled = applyPolicy(stored, policy, problems).preferences.inPageButton;
    } catch {
      // Storage unreadable (the extension is being updated): keep the default rather than fail the page.
    }
    // Reads can finish out of order; only the newest one speaks.
    if (stopped || ticket !== latest || enabled === current) return;
    current = enabled;
    onChange(enabled);
  };

  const unwatchSettings = sources.watchSettings(() => void refresh());
  const unwatchManaged = sources.watchManaged(() => void refresh());
  void refresh();
  return () => {
    stopped = true;
    unwatchSettings();
    unwatchManaged();
  };
}
