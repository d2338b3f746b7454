/**
 * @module Escalations: what the huddle must talk about first. A theme (a tag, or a cluster of
 * captures that read alike) with at least N captures in the window and no open action or
 * proposal on any of them; and customers waiting for a reply longer than the reply target.
 */
import type { Action, Capture, WorkspaceSettings } from '../schema/records';
import { isLive } from './actions';
import type { Idf } from './similarity';
import { similarityClusters, tagThemes, type Theme } from './themes';

export type Escalation =
  | (Theme & { count: number })
  | { kind: 'reply'; key: string; label: string; captureIds: [string]; count: 1; waitingSince: string };

export interface EscalationInput {
  captures: readonly Capture[];
  actions: readonly Action[];
  settings: WorkspaceSettings;
  idf: Idf;
  now: number;
}

const DAY_MS = 86_400_000;

export function findEscalations({ captures, actions, settings, idf, now }: EscalationInput): Escalation[] {
  const since = new Date(now - settings.escalationWindowDays * DAY_MS).toISOString();
  const covered = new Set<string>();
  for (const action of actions) if (isLive(action)) for (const id of action.captureIds) covered.add(id);
  const recent = captures.filter((c) => c.status !== 'archived' && c.capturedAt >= since);
  const min = settings.escalationMinCaptures;
  const unhandled = (theme: Theme) => theme.captureIds.every((id) => !covered.has(id));

  const tags = tagThemes(recent, min).filter(unhandled);
  // A cluster mostly made of an escalated tag's captures is the same theme said twice.
  const inTags = new Set(tags.flatMap((t) => t.captureIds));
  const clusters = similarityClusters(recent, idf, min)
    .filter(unhandled)
    .filter((c) => c.captureIds.filter((id) => inTags.has(id)).length * 2 < c.captureIds.length);

  const replyBefore = new Date(now - settings.replyTargetDays * DAY_MS).toISOString();
  const replies = captures
    .filter((c) => c.status !== 'archived' && c.loop.state === 'reply_needed' && c.loop.updatedAt !== null && c.loop.updatedAt <= replyBefore)
    .sort((a, b) => (a.loop.updatedAt! < b.loop.updatedAt! ? -1 : a.loop.updatedAt! > b.loop.updatedAt! ? 1 : a.id < b.id ? -1 : 1))
    .map((c): Escalation => ({
      kind: 'reply', key: `reply:${c.id}`, label: c.source.author ?? c.source.site ?? 'A customer',
      captureIds: [c.id], count: 1, waitingSince: c.loop.updatedAt!,
    }));

  return [
    ...[...tags, ...clusters].map((theme) => ({ ...theme, count: theme.captureIds.length })),
    ...replies,
  ];
}
