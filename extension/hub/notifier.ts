/**
 * @module Desktop notifications that keep owners on the hook: an action assigned to me by someone
 * else, one of mine falling overdue, the board's decision on my proposal, the change board
 * tomorrow and the weekly digest. What was already announced is remembered per workspace in
 * `chrome.storage.local`, so a restart of the service worker neither repeats nor loses one.
 * Clicking a notification opens what it is about.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';
import { localCalendarDate } from '../../shared/util/dates';
import { cadenceReminders } from './cadence-reminders';
import type { Hub } from './hub';
import type { NotifiedState } from './notified-store';
import { notificationId, routeOfNotification, type Announcement } from './notification-ids';
import { notifiedStore, type NotifierStore } from './notified-store';

export { notificationId, type Announcement } from './notification-ids';

export type { NotifiedState } from './notified-store';


/**
 * What to announce now, given what was announced before. `previous` null means notifications start
 * now for this workspace: existing assignments become the baseline, overdue ones are still announced.
 */
export function announcements(hub: Hub, previous: NotifiedState | null, today: string): { next: NotifiedState; announce: Announcement[] } {
  const me = hub.status().me?.id;
  const reminders = previous?.reminders ?? { boardReminded: [], lastDigest: null };
  if (!me) return { next: previous ?? { assigned: [], overdue: [], decided: [], reminders }, announce: [] };
  const mine = hub.query('actions', { filter: { view: 'mine', me, openOnly: true }, page: { offset: 0, limit: 100_000 } }).items;
  const names = new Map(hub.query('members', {}).map((m) => [m.id, m.name]));
  const known = new Set(previous?.assigned ?? mine.map((a) => a.id));
  const overdueSeen = new Set(previous?.overdue ?? []);
  const announce: Announcement[] = [];
  for (const action of mine) {
    if (!known.has(action.id)) {
      const assignedBy = hub.query('action', { id: action.id })?.history.find((e) => e.verb === 'action.assigned')?.actor;
      if (assignedBy && assignedBy !== me) {
        announce.push({
          id: notificationId('assigned', action.id),
          title: 'Assigned to you',
          message: `${names.get(assignedBy) ?? 'Someone'} gave you “${action.title}”${action.dueDate ? `, due ${action.dueDate}` : ''}.`,
        });
      }
    }
    const overdueKey = `${action.id}@${action.dueDate}`;
    if (action.dueDate && action.dueDate < today && !overdueSeen.has(overdueKey)) {
      announce.push({ id: notificationId('overdue', action.id), title: 'Overdue', message: `“${action.title}” was due ${action.dueDate}.` });
      overdueSeen.add(overdueKey);
    }
  }
  // The board's word on my proposals, when someone else gave it: saying no is news too.
  const decided = hub.query('board', {}).decisions.filter((a) => a.createdBy === me);
  const decidedKnown = new Set(previous?.decided ?? decided.map((a) => a.id));
  for (const action of decided) {
    if (decidedKnown.has(action.id) || !action.decision || action.decision.by === me) continue;
    const by = names.get(action.decision.by) ?? 'The change board';
    announce.push(action.decision.outcome === 'accepted'
      ? { id: notificationId('decided', action.id), title: 'Your proposal was accepted', message: `${by} accepted “${action.title}”.` }
      : { id: notificationId('decided', action.id), title: 'Your proposal was declined', message: `${by}: ${action.decision.reason ?? 'declined'} (“${action.title}”)` });
  }
  // Keep only what is still relevant, so the stored state stays small.
  const overdue = mine.filter((a) => overdueSeen.has(`${a.id}@${a.dueDate}`)).map((a) => `${a.id}@${a.dueDate}`);
  return { next: { assigned: mine.map((a) => a.id), overdue, decided: decided.map((a) => a.id), reminders }, announce };
}

export function setupNotifier(browser: Browser, hub: Hub, store: NotifierStore = notifiedStore, now: () => number = Date.now) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> = Promise.resolve();
  // The announced state is read from storage once per workspace, then kept here; it is written
  // back only when it changes (checks run after every document change).
  const known = new Map<string, { state: NotifiedState | null; json: string }>();
  const check = async () => {
    const status = hub.status();
    if (!status.workspace || status.state === 'loading') return;
    const workspace = status.workspace.id;
    if (!known.has(workspace)) {
      const stored = await store.load(workspace);
      known.set(workspace, { state: stored, json: JSON.stringify(stored) });
    }
    const previous = known.get(workspace)!;
    const at = now();
    const preferences = hub.query('settings', {}).preferences;
    const owned = announcements(hub, previous.state, localCalendarDate(at));
    const cadence = cadenceReminders(hub, previous.state?.reminders ?? null, at, preferences);
    const next: NotifiedState = { ...owned.next, reminders: cadence.next };
    const json = JSON.stringify(next);
    if (json !== previous.json) await store.save(workspace, next);
    known.set(workspace, { state: next, json });
    if (!preferences.notifications) return;
    for (const a of [...owned.announce, ...cadence.announce]) {
      await browser.notifications.create(a.id, {
        type: 'basic', iconUrl: browser.runtime.getURL('/icon/128.png'), title: a.title, message: a.message,
        contextMessage: `Closeloop · ${status.workspace.name}`,
      });
    }
  };
  // Checks run one at a time: two overlapping ones could announce the same thing twice.
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = null;
      running = running.then(check).catch((error) => console.warn('[closeloop] notification check failed', error));
    }, 500);
  };
  const off = hub.onChange(schedule);
  void hub.ready.then(schedule);
  browser.notifications.onClicked.addListener((id) => {
    const route = routeOfNotification(id);
    if (!route) return;
    void browser.tabs.create({ url: `${browser.runtime.getURL('/popup.html')}${route}` });
    void browser.notifications.clear(id);
  });
  return {
    refresh: schedule,
    /** Resolves when the checks scheduled so far have run (for tests). */
    settled: async () => {
      await new Promise((r) => setTimeout(r, 0)); // let a just-resolved ready/change schedule its check
      while (timer) await new Promise((r) => setTimeout(r, 50));
      await running;
    },
    stop() {
      off();
      if (timer) clearTimeout(timer);
    },
  };
}
