/**
 * @module The few facts of each capture and action the dashboard counts, derived from the record,
 * the records it links to and the activity log. A fact is a pure function of the document, so
 * facts kept up to date change by change equal facts computed from scratch.
 */
import { isOpen } from '../queries/actions';
import type { Channel, Sentiment } from '../schema/constants';
import type { Action, Capture } from '../schema/records';
import { addDays } from '../util/dates';
import type { ActivityIndex } from './activity-index';
import { dayOf, daysBetween } from './calendar';
import { ALL_KEY, captureKeys } from './keys';

export type SentimentKey = Sentiment | 'unset';

/** Something that ended on a day and took a number of days. */
export interface Timed {
  day: string;
  days: number;
}

export interface CaptureFact {
  id: string;
  day: string;
  /** The filter keys it counts under. */
  keys: string[];
  /** False for archived captures: they keep their keys (for their actions) but are not counted. */
  counted: boolean;
  channel: Channel;
  sentiment: SentimentKey;
  tags: string[];
  /** The rating on a 1-5 scale, when the page gave one. */
  rating: number | null;
  reply: 'none' | 'needed' | 'replied';
  /** Capture -> the first action citing it. */
  linked: Timed | null;
  /** "Reply needed" -> replied. */
  replied: Timed | null;
  actionIds: string[];
}

export interface ActionFact {
  id: string;
  keys: string[];
  createdDay: string;
  /** Work the team took on: not a proposal still waiting, not a declined one. */
  taken: boolean;
  proposed: boolean;
  decision: { outcome: 'accepted' | 'declined'; day: string } | null;
  /** Created -> done. */
  done: Timed | null;
  /** Member id, or "" when nobody owns it. */
  owner: string;
  open: boolean;
  due: string | null;
  /** Days it was overdue: from the day after its due date (or the day it became work) until it was closed. */
  overdue: { start: string; end: string | null } | null;
  captureIds: string[];
}

/** A rating as 1-5 stars whatever the site's scale. */
export function fiveStar(rating: number | null, ratingMax: number | null): number | null {
  if (rating === null) return null;
  if (ratingMax !== null && ratingMax > 0) return (rating / ratingMax) * 5;
  return rating <= 5 ? rating : null;
}

export function captureFact(capture: Capture, actionOf: (id: string) => Action | undefined, log: ActivityIndex): CaptureFact {
  const tags = [...capture.tags].sort();
  let linkedAt: string | null = null;
  for (const actionId of capture.actionIds) {
    const action = actionOf(actionId);
    if (!action) continue;
    const at = log.linkedAt(actionId, capture.id) ?? action.createdAt;
    const effective = at < capture.capturedAt ? capture.capturedAt : at;
    if (linkedAt === null || effective < linkedAt) linkedAt = effective;
  }
  const loop = capture.loop;
  const repliedAt = loop.state === 'replied' ? loop.updatedAt : null;
  const neededAt = repliedAt ? log.replyNeededBefore(capture.id, repliedAt) : undefined;
  return {
    id: capture.id,
    day: dayOf(capture.capturedAt),
    keys: captureKeys(capture.source.site, capture.channel, tags).sort(),
    counted: capture.status !== 'archived',
    channel: capture.channel,
    sentiment: capture.sentiment ?? 'unset',
    tags,
    rating: fiveStar(capture.source.rating, capture.source.ratingMax),
    reply: loop.state === 'reply_needed' ? 'needed' : loop.state === 'replied' ? 'replied' : 'none',
    linked: linkedAt ? { day: dayOf(linkedAt), days: daysBetween(capture.capturedAt, linkedAt) } : null,
    replied: repliedAt && neededAt ? { day: dayOf(repliedAt), days: daysBetween(neededAt, repliedAt) } : null,
    actionIds: [...capture.actionIds].sort(),
  };
}

export function actionFact(action: Action, keysOf: (captureId: string) => readonly string[] | undefined, log: ActivityIndex): ActionFact {
  const keys = new Set<string>([ALL_KEY]);
  for (const id of action.captureIds) for (const key of keysOf(id) ?? []) keys.add(key);
  const decision = action.decision ? { outcome: action.decision.outcome, day: dayOf(action.decision.at) } : null;
  const proposed = action.status === 'proposed' || decision !== null || log.wasProposed(action.id);
  const declined = decision?.outcome === 'declined';
  const doneAt = action.status === 'done' ? action.doneAt ?? action.statusChangedAt : null;
  const closedAt = doneAt ?? (action.status === 'wont_do' ? action.statusChangedAt : null);
  const open = isOpen(action);
  return {
    id: action.id,
    keys: [...keys].sort(),
    createdDay: dayOf(action.createdAt),
    taken: action.status !== 'proposed' && !declined,
    proposed,
    decision,
    done: doneAt ? { day: dayOf(doneAt), days: daysBetween(action.createdAt, doneAt) } : null,
    owner: action.assignee ?? '',
    open,
    due: action.dueDate,
    overdue: overdueSpan(action, decision?.outcome === 'accepted' ? action.decision!.at : action.createdAt, closedAt),
    captureIds: [...action.captureIds].sort(),
  };
}

function overdueSpan(action: Action, workFrom: string, closedAt: string | null): ActionFact['overdue'] {
  if (action.dueDate === null || action.status === 'proposed') return null;
  if (action.decision?.outcome === 'declined') return null;
  const afterDue = addDays(action.dueDate, 1);
  const start = afterDue > dayOf(workFrom) ? afterDue : dayOf(workFrom);
  const end = closedAt ? dayOf(closedAt) : null;
  return end !== null && end <= start ? null : { start, end };
}
