/**
 * @module What the dashboard shows for one filter and one range, read from its counters: captures
 * by week, tag themes against the period before, loop speed, closure by month, overdue over time,
 * the reply rate and each owner's load. Costs the number of days and owners, not of records.
 */
import { CHANNELS, SENTIMENTS, type Channel } from '../schema/constants';
import { addDays } from '../util/dates';
import { monthsIn, weekOf, weeksIn } from './calendar';
import { emptyCube, type Cube } from './cube';
import type { SentimentKey } from './facts';
import { inRange, previousRange, themeRanges, type DayRange, type PeriodId } from './periods';

export interface Speed {
  /** How many went through it in the range. */
  count: number;
  /** Days, one decimal; null when none did. */
  median: number | null;
  p90: number | null;
}

export interface WeekBucket {
  /** The Monday of the week. */
  week: string;
  total: number;
  channel: Record<Channel, number>;
  sentiment: Record<SentimentKey, number>;
}

export interface ThemeChange {
  kind: 'tag' | 'cluster';
  key: string;
  label: string;
  current: number;
  previous: number;
  change: number;
}

export interface OwnerLoad {
  /** Member id; null for work nobody owns. */
  id: string | null;
  name: string;
  open: number;
  overdue: number;
  /** Done in the range. */
  done: number;
}

export interface DashboardData {
  range: DayRange;
  previous: DayRange;
  /** The windows themes are compared over (for "all time", the last 90 days and the 90 before). */
  themeWindows: { current: DayRange; previous: DayRange };
  totals: {
    captures: number;
    previousCaptures: number;
    /** Mean rating of the range's rated captures, 1-5. */
    meanRating: number | null;
    actionsCreated: number;
    actionsDone: number;
    proposals: number;
    accepted: number;
    declined: number;
    overdueNow: number;
  };
  weeks: WeekBucket[];
  tagThemes: { rising: ThemeChange[]; falling: ThemeChange[] };
  speed: { toAction: Speed; toDone: Speed; toReply: Speed };
  closure: { month: string; created: number; done: number; rate: number | null }[];
  overdue: { day: string; count: number }[];
  replies: { needed: number; replied: number; rate: number | null };
  owners: OwnerLoad[];
}

export interface DashboardContext {
  /** The viewer's local date: "overdue now" is judged against it, as everywhere else. */
  today: string;
  memberName(id: string): string | undefined;
}

/** Themes listed each way. */
export const THEMES_LISTED = 6;

const SENTIMENT_KEYS = [...SENTIMENTS, 'unset'] as const;
const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function dashboardData(cube: Cube | undefined, range: DayRange, period: PeriodId | null, ctx: DashboardContext): DashboardData {
  const c = cube ?? emptyCube();
  const previous = previousRange(range);
  const windows = themeRanges(period, range);
  const weeks = new Map(weeksIn(range.start, range.end).map((week) => [week, {
    week, total: 0, channel: zeroes(CHANNELS), sentiment: zeroes(SENTIMENT_KEYS),
  } as WeekBucket]));
  const totals = { captures: 0, previousCaptures: 0, meanRating: null as number | null, actionsCreated: 0, actionsDone: 0, proposals: 0, accepted: 0, declined: 0, overdueNow: 0 };
  const replies = { needed: 0, replied: 0, rate: null as number | null };
  const tags = new Map<string, { current: number; previous: number }>();
  let ratingSum = 0;
  let rated = 0;
  for (const [day, cell] of c.captures) {
    if (inRange(day, previous)) totals.previousCaptures += cell.captures;
    const current = inRange(day, windows.current);
    if (current || inRange(day, windows.previous)) {
      for (const [tag, n] of cell.tags) {
        const t = tags.get(tag) ?? { current: 0, previous: 0 };
        if (current) t.current += n;
        else t.previous += n;
        tags.set(tag, t);
      }
    }
    if (!inRange(day, range)) continue;
    totals.captures += cell.captures;
    ratingSum += cell.ratingSum;
    rated += cell.rated;
    replies.needed += cell.needReply;
    replies.replied += cell.replied;
    const bucket = weeks.get(weekOf(day))!;
    bucket.total += cell.captures;
    for (const ch of CHANNELS) bucket.channel[ch] += cell.channel[ch];
    for (const s of SENTIMENT_KEYS) bucket.sentiment[s] += cell.sentiment[s];
  }
  totals.meanRating = rated ? round(ratingSum / rated, 2) : null;
  replies.rate = replies.needed ? round(replies.replied / replies.needed, 3) : null;
  for (const [day, counts] of c.actions) {
    if (!inRange(day, range)) continue;
    totals.actionsCreated += counts.created;
    totals.actionsDone += counts.done;
    totals.proposals += counts.proposed;
    totals.accepted += counts.accepted;
    totals.declined += counts.declined;
  }
  const owners = ownerLoads(c, range, ctx);
  totals.overdueNow = owners.reduce((sum, o) => sum + o.overdue, 0);
  return {
    range, previous, themeWindows: windows, totals,
    weeks: [...weeks.values()],
    tagThemes: risingAndFalling([...tags].map(([tag, t]) => ({ kind: 'tag' as const, key: `tag:${tag}`, label: tag, ...t, change: t.current - t.previous }))),
    speed: { toAction: speed(c.toAction, range), toDone: speed(c.toDone, range), toReply: speed(c.toReply, range) },
    closure: monthsIn(range.start, range.end).map((month) => {
      const cohort = c.cohorts.get(month) ?? { created: 0, done: 0 };
      return { month, ...cohort, rate: cohort.created ? round(cohort.done / cohort.created, 3) : null };
    }),
    overdue: overdueSeries(c.overdue, range),
    replies,
    owners,
  };
}

/** The biggest rises and falls, each way; ties by name. */
export function risingAndFalling(themes: ThemeChange[]): { rising: ThemeChange[]; falling: ThemeChange[] } {
  const byName = (a: ThemeChange, b: ThemeChange) => a.label.localeCompare(b.label);
  return {
    rising: themes.filter((t) => t.change > 0).sort((a, b) => b.change - a.change || b.current - a.current || byName(a, b)).slice(0, THEMES_LISTED),
    falling: themes.filter((t) => t.change < 0).sort((a, b) => a.change - b.change || b.previous - a.previous || byName(a, b)).slice(0, THEMES_LISTED),
  };
}

function speed(durations: Map<string, number[]>, range: DayRange): Speed {
  const values: number[] = [];
  for (const [day, list] of durations) if (inRange(day, range)) values.push(...list);
  values.sort((a, b) => a - b);
  return { count: values.length, median: quantile(values, 0.5), p90: quantile(values, 0.9) };
}

/** Nearest-rank quantile of sorted values, in days to one decimal. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return round(sorted[rank]!, 1);
}

/** Overdue actions at the end of each week of the range (the last point is the range's end). */
function overdueSeries(steps: Map<string, number>, range: DayRange): { day: string; count: number }[] {
  const days = [...steps.keys()].sort();
  const points: { day: string; count: number }[] = [];
  let i = 0;
  let count = 0;
  for (const week of weeksIn(range.start, range.end)) {
    const sunday = addDays(week, 6);
    const day = sunday < range.end ? sunday : range.end;
    while (i < days.length && days[i]! <= day) count += steps.get(days[i++]!)!;
    points.push({ day, count });
  }
  return points;
}

function ownerLoads(c: Cube, range: DayRange, ctx: DashboardContext): OwnerLoad[] {
  const loads: OwnerLoad[] = [];
  for (const [owner, counts] of c.owners) {
    let overdue = 0;
    for (const [due, n] of counts.due) if (due < ctx.today) overdue += n;
    let done = 0;
    for (const [day, n] of counts.done) if (inRange(day, range)) done += n;
    if (counts.open === 0 && done === 0) continue;
    loads.push({ id: owner || null, name: owner ? ctx.memberName(owner) ?? 'Former member' : 'Unassigned', open: counts.open, overdue, done });
  }
  return loads.sort((a, b) => b.overdue - a.overdue || b.open - a.open || b.done - a.done || a.name.localeCompare(b.name));
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
