/**
 * @module What the notifier already announced, per workspace: one versioned item each in
 * `chrome.storage.local` (`notified:<workspace>`), so a restarted service worker neither repeats
 * nor loses a notification.
 */
import { storage } from 'wxt/utils/storage';
import type { ReminderState } from './cadence-reminders';

export interface NotifiedState {
  /** My open actions already known (announced, or there when notifications started). */
  assigned: string[];
  /** `<actionId>@<dueDate>` already announced as overdue. */
  overdue: string[];
  /** My proposals whose decision is already known. */
  decided: string[];
  reminders: ReminderState;
}

export interface NotifierStore {
  load(workspace: string): Promise<NotifiedState | null>;
  save(workspace: string, state: NotifiedState): Promise<void>;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** Any stored value to a valid state, or null (then the next check starts a new baseline). */
export function parseNotified(value: unknown): NotifiedState | null {
  const v = value as Partial<NotifiedState> | null | undefined;
  if (!v || typeof v !== 'object' || !Array.isArray(v.assigned) || !Array.isArray(v.overdue)) return null;
  const r = v.reminders as Partial<ReminderState> | undefined;
  return {
    assigned: strings(v.assigned),
    overdue: strings(v.overdue),
    decided: strings(v.decided),
    reminders: { boardReminded: strings(r?.boardReminded), lastDigest: typeof r?.lastDigest === 'string' ? r.lastDigest : null },
  };
}

/**
 * Version 1 (the first release) held `{ assigned, overdue }`; version 2 adds `decided` and
 * `reminders`, which start empty: the first check treats what is there as already known.
 */
const item = (workspace: string) => storage.defineItem<NotifiedState | null>(`local:notified:${workspace}`, {
  fallback: null,
  version: 2,
  migrations: { 2: (v1: unknown) => parseNotified(v1) },
});

export const notifiedStore: NotifierStore = {
  load: async (workspace) => parseNotified(await item(workspace).getValue()),
  save: (workspace, state) => item(workspace).setValue(state),
};
