/**
 * @module The reminders that keep the cadence going: the change board the day before it meets,
 * and the weekly digest at the member's chosen day and hour ("N overdue, N due this week, N new
 * captures, N escalations"). Pure functions of the hub and the clock; the notifier shows them.
 */
import { digestWords } from '../../shared/queries/digest';
import { addDays, localCalendarDate } from '../../shared/util/dates';
import type { Preferences } from '../settings/settings';
import type { Hub } from './hub';
import { notificationId, type Announcement } from './notification-ids';

export interface ReminderState {
  /** Board dates already reminded of. */
  boardReminded: string[];
  /** The scheduled digest time (ISO) last announced, or the baseline when reminders started. */
  lastDigest: string | null;
}

/** The latest scheduled digest moment at or before `now` (local time), as epoch milliseconds. */
export function lastDigestMoment(now: number, day: number, hour: number): number {
  const at = new Date(now);
  at.setHours(hour, 0, 0, 0);
  at.setDate(at.getDate() - ((at.getDay() - day + 7) % 7));
  if (at.getTime() > now) at.setDate(at.getDate() - 7);
  return at.getTime();
}

/** A digest is still worth sending this long after its moment (the browser was closed at 09:00). */
const DIGEST_GRACE_MS = 12 * 60 * 60 * 1000;

export function cadenceReminders(
  hub: Hub, previous: ReminderState | null, now: number, preferences: Preferences,
): { next: ReminderState; announce: Announcement[] } {
  const announce: Announcement[] = [];
  const moment = lastDigestMoment(now, preferences.digestDay, preferences.digestHour);
  const momentIso = new Date(moment).toISOString();
  // The first check sets a baseline: joining on a Wednesday does not bring Monday's digest.
  const lastDigest = previous?.lastDigest ?? momentIso;
  if (preferences.weeklyDigest && momentIso > lastDigest && now - moment <= DIGEST_GRACE_MS) {
    const digest = hub.query('digest', {});
    announce.push({ id: notificationId('digest', momentIso), title: 'Your week in Closeloop', message: `${digestWords(digest)}.` });
  }
  const reminded = new Set(previous?.boardReminded ?? []);
  const next = hub.query('workspaceSettings', {}).nextBoardDate;
  const tomorrow = addDays(localCalendarDate(now), 1);
  if (next === tomorrow && !reminded.has(next)) {
    const proposals = hub.query('board', {}).proposals.length;
    announce.push({
      id: notificationId('board', next),
      title: 'Change board tomorrow',
      message: proposals === 0 ? 'No proposals waiting yet.' : `${proposals} proposal${proposals === 1 ? '' : 's'} waiting: rank them before the board.`,
    });
    reminded.add(next);
  }
  // Only dates still ahead are worth remembering.
  const today = localCalendarDate(now);
  return {
    next: { boardReminded: [...reminded].filter((date) => date >= today), lastDigest: momentIso > lastDigest ? momentIso : lastDigest },
    announce,
  };
}
