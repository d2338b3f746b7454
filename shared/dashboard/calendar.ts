/**
 * @module Days, weeks and months of the dashboard, all in UTC: a day is `YYYY-MM-DD`, a week is
 * named by its Monday, a month is `YYYY-MM`.
 */
import { addDays } from '../util/dates';

export const DAY_MS = 86_400_000;

/** The UTC day of an ISO timestamp. */
export const dayOf = (timestamp: string): string => timestamp.slice(0, 10);
export const monthOf = (day: string): string => day.slice(0, 7);
export const utcDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** The Monday of the week `day` is in. */
export function weekOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 ... Sunday 6
  return addDays(day, -weekday);
}

/** Whole and fractional days between two timestamps, never negative. */
export function daysBetween(from: string, to: string): number {
  return Math.max(0, (Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** Days from `start` to `end` inclusive (1 when they are the same day). */
export function dayCount(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Every Monday from the week of `start` to the week of `end`. */
export function weeksIn(start: string, end: string): string[] {
  const weeks: string[] = [];
  for (let w = weekOf(start); w <= end; w = addDays(w, 7)) weeks.push(w);
  return weeks;
}

/** Every month from `start`'s to `end`'s. */
export function monthsIn(start: string, end: string): string[] {
  const months: string[] = [];
  let [y, m] = start.split('-').map(Number) as [number, number];
  const last = monthOf(end);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    months.push(month);
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return months;
}

/** The first and last day of a `YYYY-MM` month. */
export function monthRange(month: string): { start: string; end: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { start: `${month}-01`, end: new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10) };
}
