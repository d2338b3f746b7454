/**
 * @module The toolbar badge: my open actions that are due or overdue (or, as a preference, new
 * inbox items, or the reply queue: customers waiting for a reply). Red when one of mine is overdue. Recomputed after changes, at most every 250 ms.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { plural } from '../ui/words';
import type { Hub } from './hub';

export interface Badge {
  text: string;
  color: string;
  title: string;
}


/** The toolbar button: `action` in MV3 (Chromium), `browserAction` in Firefox's MV2 build. */
export function toolbarButton(browser: Browser): Browser['action'] {
  return (browser.action ?? (browser as unknown as { browserAction: Browser['action'] }).browserAction);
}

export function badgeFor(hub: Hub): Badge {
  const status = hub.status();
  if (status.state === 'not_joined') return { text: '', color: '#2454d6', title: 'Closeloop — join a workspace in the options' };
  if (status.state === 'refused') return { text: '!', color: '#b42318', title: `Closeloop — ${status.words}` };
  const counts = hub.query('counts', {});
  const mode = hub.query('settings', {}).preferences.badge;
  const n = mode === 'inbox' ? counts.captures.new : mode === 'replies' ? counts.repliesNeeded : counts.mine.dueOrOverdue;
  const text = n === 0 ? '' : n > 99 ? '99+' : String(n);
  const color = mode === 'due' && counts.mine.overdue > 0 ? '#b42318' : '#2454d6';
  const title = mode === 'inbox'
    ? `Closeloop — ${plural(n, 'new capture', 'new captures')} in the inbox`
    : mode === 'replies'
      ? `Closeloop — ${plural(n, 'customer is', 'customers are')} waiting for a reply`
      : `Closeloop — ${plural(n, 'of your actions is', 'of your actions are')} due or overdue`;
  return { text, color, title };
}

/** Keeps the badge current; `refresh` is for the periodic alarm (the date changes at midnight). */
export function setupBadge(browser: Browser, hub: Hub): { refresh(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let shown = '';
  const apply = () => {
    timer = null;
    const badge = badgeFor(hub);
    const key = JSON.stringify(badge);
    if (key === shown) return;
    shown = key;
    const button = toolbarButton(browser);
    void button.setBadgeText({ text: badge.text });
    void button.setBadgeBackgroundColor({ color: badge.color });
    void button.setTitle({ title: badge.title });
  };
  const schedule = () => { timer ??= setTimeout(apply, 250); };
  const off = hub.onChange(schedule);
  void hub.ready.then(schedule);
  return {
    refresh: schedule,
    stop() {
      off();
      if (timer) clearTimeout(timer);
    },
  };
}
