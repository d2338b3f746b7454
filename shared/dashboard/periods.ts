/** @module The dashboard's periods (30, 90, 365 days, all time) as day ranges, and the period before each. */
import { addDays } from '../util/dates';
import { dayCount } from './calendar';

export const PERIODS = ['30', '90', '365', 'all'] as const;
export type PeriodId = (typeof PERIODS)[number];

/** Days from `start` to `end`, both included (UTC days, YYYY-MM-DD). */
export interface DayRange {
  start: string;
  end: string;
}

export function isPeriod(value: unknown): value is PeriodId {
  return (PERIODS as readonly unknown[]).includes(value);
}

/** The period ending `today`; "all" starts at the earliest day anything happened (or today). */
export function periodRange(period: PeriodId, today: string, earliest: string | null): DayRange {
  if (period === 'all') return { start: earliest && earliest < today ? earliest : today, end: today };
  return { start: addDays(today, -(Number(period) - 1)), end: today };
}

/** The same number of days just before `range`. */
export function previousRange(range: DayRange): DayRange {
  const days = dayCount(range.start, range.end);
  return { start: addDays(range.start, -days), end: addDays(range.start, -1) };
}

/** Themes compare like with like: the period against the one before, or for "all time" the last 90 days against the 90 before. */
export function themeRanges(period: PeriodId | null, range: DayRange): { current: DayRange; previous: DayRange } {
  const current = period === 'all' ? { start: addDays(range.end, -89), end: range.end } : range;
  return { current, previous: previousRange(current) };
}

export const inRange = (day: string, range: DayRange) => day >= range.start && day <= range.end;
