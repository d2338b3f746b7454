/**
 * @module The counters behind one dashboard filter: per day, what was captured and done, the
 * durations that end that day, monthly cohorts, overdue spans as +1/-1 steps, and per owner.
 * Facts are added with +1 and removed with -1; entries that fall to zero are dropped, so the
 * counters after any sequence of changes are exactly those built from scratch.
 */
import { CHANNELS, SENTIMENTS, type Channel } from '../schema/constants';
import { monthOf } from './calendar';
import type { ActionFact, CaptureFact, SentimentKey, Timed } from './facts';

export interface CaptureDay {
  captures: number;
  channel: Record<Channel, number>;
  sentiment: Record<SentimentKey, number>;
  ratingSum: number;
  rated: number;
  tags: Map<string, number>;
  /** Captures of that day marked "reply needed", and those replied to. */
  needReply: number;
  replied: number;
}

export interface ActionDay {
  created: number;
  done: number;
  proposed: number;
  accepted: number;
  declined: number;
}

export interface OwnerCounts {
  open: number;
  /** Open actions by due date (overdue is judged at query time, against the viewer's date). */
  due: Map<string, number>;
  /** Done actions by the day they were done. */
  done: Map<string, number>;
}

export interface Cube {
  captures: Map<string, CaptureDay>;
  actions: Map<string, ActionDay>;
  /** Durations in days by the day they ended. */
  toAction: Map<string, number[]>;
  toDone: Map<string, number[]>;
  toReply: Map<string, number[]>;
  /** By the month actions were created: how many, and how many of those are done. */
  cohorts: Map<string, { created: number; done: number }>;
  /** +1 the day an action becomes overdue, -1 the day it stops. */
  overdue: Map<string, number>;
  owners: Map<string, OwnerCounts>;
}

export function emptyCube(): Cube {
  return { captures: new Map(), actions: new Map(), toAction: new Map(), toDone: new Map(), toReply: new Map(), cohorts: new Map(), overdue: new Map(), owners: new Map() };
}

export function isEmptyCube(cube: Cube): boolean {
  return Object.values(cube).every((map: Map<string, unknown>) => map.size === 0);
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function bump(map: Map<string, number>, key: string, delta: number): void {
  const next = (map.get(key) ?? 0) + delta;
  if (next === 0) map.delete(key);
  else map.set(key, next);
}

function duration(map: Map<string, number[]>, timed: Timed | null, sign: 1 | -1): void {
  if (!timed) return;
  const list = map.get(timed.day) ?? [];
  if (sign > 0) {
    list.push(timed.days);
    map.set(timed.day, list);
    return;
  }
  const at = list.indexOf(timed.days);
  if (at >= 0) list.splice(at, 1);
  if (list.length === 0) map.delete(timed.day);
}

export function addCapture(cube: Cube, fact: CaptureFact, sign: 1 | -1): void {
  if (!fact.counted) return;
  let day = cube.captures.get(fact.day);
  if (!day) {
    day = { captures: 0, channel: zeroes(CHANNELS), sentiment: zeroes([...SENTIMENTS, 'unset'] as const), ratingSum: 0, rated: 0, tags: new Map(), needReply: 0, replied: 0 };
    cube.captures.set(fact.day, day);
  }
  day.captures += sign;
  day.channel[fact.channel] += sign;
  day.sentiment[fact.sentiment] += sign;
  if (fact.rating !== null) {
    day.ratingSum += sign * fact.rating;
    day.rated += sign;
  }
  for (const tag of fact.tags) bump(day.tags, tag, sign);
  if (fact.reply !== 'none') day.needReply += sign;
  if (fact.reply === 'replied') day.replied += sign;
  if (day.captures === 0) cube.captures.delete(fact.day);
  duration(cube.toAction, fact.linked, sign);
  duration(cube.toReply, fact.replied, sign);
}

export function addAction(cube: Cube, fact: ActionFact, sign: 1 | -1): void {
  const dayCounts = (day: string) => {
    let counts = cube.actions.get(day);
    if (!counts) cube.actions.set(day, (counts = { created: 0, done: 0, proposed: 0, accepted: 0, declined: 0 }));
    return counts;
  };
  const touched = new Set<string>();
  const count = (day: string, field: keyof ActionDay) => {
    dayCounts(day)[field] += sign;
    touched.add(day);
  };
  if (fact.taken) count(fact.createdDay, 'created');
  if (fact.proposed) count(fact.createdDay, 'proposed');
  if (fact.decision) count(fact.decision.day, fact.decision.outcome);
  if (fact.done) count(fact.done.day, 'done');
  for (const day of touched) if (Object.values(cube.actions.get(day)!).every((n) => n === 0)) cube.actions.delete(day);
  duration(cube.toDone, fact.done, sign);

  if (fact.taken) {
    const month = monthOf(fact.createdDay);
    const cohort = cube.cohorts.get(month) ?? { created: 0, done: 0 };
    cohort.created += sign;
    if (fact.done) cohort.done += sign;
    if (cohort.created === 0 && cohort.done === 0) cube.cohorts.delete(month);
    else cube.cohorts.set(month, cohort);
  }
  if (fact.overdue) {
    bump(cube.overdue, fact.overdue.start, sign);
    if (fact.overdue.end !== null) bump(cube.overdue, fact.overdue.end, -sign);
  }
  if (fact.open || fact.done) {
    let owner = cube.owners.get(fact.owner);
    if (!owner) cube.owners.set(fact.owner, (owner = { open: 0, due: new Map(), done: new Map() }));
    if (fact.open) {
      owner.open += sign;
      if (fact.due) bump(owner.due, fact.due, sign);
    }
    if (fact.done) bump(owner.done, fact.done.day, sign);
    if (owner.open === 0 && owner.due.size === 0 && owner.done.size === 0) cube.owners.delete(fact.owner);
  }
}

/** The cube as plain sorted JSON, for comparing two cubes. */
export function cubeJson(cube: Cube): unknown {
  const sorted = <V>(map: Map<string, V>, value: (v: V) => unknown = (v) => v) =>
    [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => [k, value(v)]);
  const numbers = (list: number[]) => [...list].sort((a, b) => a - b);
  return {
    captures: sorted(cube.captures, (d) => ({ ...d, ratingSum: Math.round(d.ratingSum * 1e6) / 1e6, tags: sorted(d.tags) })),
    actions: sorted(cube.actions),
    toAction: sorted(cube.toAction, numbers),
    toDone: sorted(cube.toDone, numbers),
    toReply: sorted(cube.toReply, numbers),
    cohorts: sorted(cube.cohorts),
    overdue: sorted(cube.overdue),
    owners: sorted(cube.owners, (o) => ({ open: o.open, due: sorted(o.due), done: sorted(o.done) })),
  };
}
