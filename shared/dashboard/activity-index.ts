/**
 * @module What the dashboard needs from the activity log, indexed as entries arrive: when each
 * capture was linked to each action, when captures were marked "reply needed", and which actions
 * began as proposals. Entries never change once written, so the index only grows; every answer
 * depends on the set of entries, not the order they arrived in.
 */
import type { ActivityEntry } from '../schema/records';

export class ActivityIndex {
  /** action id -> capture id -> the earliest time it was linked. */
  private readonly links = new Map<string, Map<string, string>>();
  /** capture id -> times it was marked "reply needed", sorted. */
  private readonly replyMarks = new Map<string, string[]>();
  private readonly proposals = new Set<string>();
  private readonly seen = new Set<string>();

  /** Takes one entry; returns the records whose dashboard facts it can change. */
  add(entry: ActivityEntry): { capture?: string; action?: string } {
    if (this.seen.has(entry.id)) return {};
    this.seen.add(entry.id);
    if (entry.verb === 'action.linked' && entry.targetKind === 'action' && typeof entry.to === 'string') {
      let byCapture = this.links.get(entry.targetId);
      if (!byCapture) this.links.set(entry.targetId, (byCapture = new Map()));
      const known = byCapture.get(entry.to);
      if (known !== undefined && known <= entry.at) return {};
      byCapture.set(entry.to, entry.at);
      return { capture: entry.to };
    }
    if (entry.verb === 'capture.loop' && entry.targetKind === 'capture' && entry.to === 'reply_needed') {
      const marks = this.replyMarks.get(entry.targetId) ?? [];
      marks.push(entry.at);
      marks.sort();
      this.replyMarks.set(entry.targetId, marks);
      return { capture: entry.targetId };
    }
    if (entry.verb === 'action.proposed' && entry.targetKind === 'action') {
      this.proposals.add(entry.targetId);
      return { action: entry.targetId };
    }
    return {};
  }

  /** When `captureId` was first linked to `actionId`, if the log says. */
  linkedAt(actionId: string, captureId: string): string | undefined {
    return this.links.get(actionId)?.get(captureId);
  }

  /** The last time the capture was marked "reply needed" at or before `at`. */
  replyNeededBefore(captureId: string, at: string): string | undefined {
    const marks = this.replyMarks.get(captureId);
    if (!marks) return undefined;
    let found: string | undefined;
    for (const mark of marks) if (mark <= at) found = mark;
    return found;
  }

  wasProposed(actionId: string): boolean {
    return this.proposals.has(actionId);
  }
}
