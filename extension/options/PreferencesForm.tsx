/** @module Preferences: the in-page capture button, what the badge counts, notifications and the weekly digest, the shortcut. */
import type { Preferences } from '../settings/settings';
import { browserWords, type BrowserWords } from '../ui/browser-words';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const hourLabel = (hour: number) => new Date(2026, 0, 1, hour).toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });

export interface PreferencesFormProps {
  preferences: Preferences;
  onChange(change: Partial<Preferences>): void;
  /** Where this browser keeps its shortcut settings (Chromium or Firefox). */
  words?: BrowserWords;
}

export function PreferencesForm({ preferences, onChange, words = browserWords() }: PreferencesFormProps) {
  return (
    <section class="cl-card" aria-labelledby="prefs-heading">
      <h2 id="prefs-heading">Preferences</h2>
      <label class="cl-check">
        <input type="checkbox" checked={preferences.inPageButton}
          onChange={(e) => onChange({ inPageButton: e.currentTarget.checked })} />
        <span>Show a “Capture feedback” button next to text I select on web pages</span>
      </label>
      <label class="cl-check">
        <input type="checkbox" checked={preferences.notifications}
          onChange={(e) => onChange({ notifications: e.currentTarget.checked })} />
        <span>Notify me when an action is assigned to me or one of mine falls overdue, when the board decides on my proposal, and the day before the change board</span>
      </label>
      <fieldset class="cl-fieldset" disabled={!preferences.notifications}>
        <legend>Weekly digest</legend>
        <label class="cl-check">
          <input type="checkbox" checked={preferences.weeklyDigest}
            onChange={(e) => onChange({ weeklyDigest: e.currentTarget.checked })} />
          <span>Once a week: overdue, due this week, new captures, escalations</span>
        </label>
        <div class="cl-row">
          <label>
            <span>Day</span>{' '}
            <select value={String(preferences.digestDay)} disabled={!preferences.weeklyDigest}
              onChange={(e) => onChange({ digestDay: Number(e.currentTarget.value) })}>
              {DAYS.map((day, i) => <option key={day} value={String(i)}>{day}</option>)}
            </select>
          </label>
          <label>
            <span>Time</span>{' '}
            <select value={String(preferences.digestHour)} disabled={!preferences.weeklyDigest}
              onChange={(e) => onChange({ digestHour: Number(e.currentTarget.value) })}>
              {Array.from({ length: 24 }, (_, hour) => <option key={hour} value={String(hour)}>{hourLabel(hour)}</option>)}
            </select>
          </label>
        </div>
      </fieldset>
      <fieldset class="cl-fieldset">
        <legend>The toolbar badge counts</legend>
        <label class="cl-check">
          <input type="radio" name="badge" checked={preferences.badge === 'due'} onChange={() => onChange({ badge: 'due' })} />
          <span>My open actions that are due or overdue</span>
        </label>
        <label class="cl-check">
          <input type="radio" name="badge" checked={preferences.badge === 'inbox'} onChange={() => onChange({ badge: 'inbox' })} />
          <span>New captures in the inbox</span>
        </label>
        <label class="cl-check">
          <input type="radio" name="badge" checked={preferences.badge === 'replies'} onChange={() => onChange({ badge: 'replies' })} />
          <span>Customers waiting for a reply</span>
        </label>
      </fieldset>
      <p class="cl-muted">
        Capture shortcut: <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>C</kbd>, then <kbd>Enter</kbd> to save.
        Change it at <code>{words.shortcutsPage}</code>{words.shortcutsSteps ? ` (${words.shortcutsSteps})` : ''}.
      </p>
    </section>
  );
}
