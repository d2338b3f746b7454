/**
 * @module Follows what the content script obeys of the effective settings (the person's setting with
 * the administrator's policy on top): the in-page button and redaction, re-read whenever either changes.
 */
import { browser } from 'wxt/browser';
import { applyPolicy, DEFAULT_PREFERENCES, readPolicy, type EffectiveSettings, type Settings } from '../settings/settings';
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

/** What the content script obeys, read together (one settings read, one policy read). */
export interface PageSettings {
  inPageButton: boolean;
  /** The policy's word on redaction; null leaves it to the workspace's setting. */
  redaction: boolean | null;
}

const PAGE_DEFAULTS: PageSettings = { inPageButton: DEFAULT_PREFERENCES.inPageButton, redaction: null };

/** Calls `onChange` with the in-page button's current value, then again whenever it changes; returns the stop function. */
export function watchInPageButton(onChange: (enabled: boolean) => void, sources: PreferenceSources = defaultPreferenceSources()): () => void {
  let current: boolean | null = null;
  return watchPageSettings((settings) => {
    if (settings.inPageButton === current) return;
    current = settings.inPageButton;
    onChange(current);
  }, sources);
}

/**
 * Calls `onChange` with the page settings once read, then whenever either source changes them.
 * Until the first read answers (up to POLICY_TIMEOUT_MS) callers keep the defaults: no word from
 * the policy, so redaction follows the workspace, which is on unless it says otherwise.
 */
export function watchPageSettings(onChange: (settings: PageSettings) => void, sources: PreferenceSources = defaultPreferenceSources()): () => void {
  let stopped = false;
  let latest = 0;
  let current = '';

  const refresh = async () => {
    const ticket = ++latest;
    let next = PAGE_DEFAULTS;
    try {
      const [stored, { policy, problems }] = await Promise.all([sources.readSettings(), readPolicy(sources.managed)]);
      const effective: EffectiveSettings = applyPolicy(stored, policy, problems);
      next = { inPageButton: effective.preferences.inPageButton, redaction: effective.redaction };
    } catch {
      // Storage unreadable (the extension is being updated): keep the defaults rather than fail the page.
    }
    // Reads can finish out of order; only the newest one speaks.
    const key = JSON.stringify(next);
    if (stopped || ticket !== latest || key === current) return;
    current = key;
    onChange(next);
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
