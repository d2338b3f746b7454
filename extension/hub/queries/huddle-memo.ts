/**
 * @module One huddle answer per workspace state. The huddle reads the whole workspace (escalations
 * cluster the captures): 150–250 ms for 10,000 captures on a busy 2-core machine. Every open Huddle
 * and the cache writer (view-cache-writer.ts) ask for it after each change, so one answer serves
 * them all until the document changes or the minute turns (the sections are judged against now).
 */
import type { HuddleView } from '../../../shared/queries/huddle';
import type { WorkspaceView } from '../../../shared/read/workspace-view';

interface Answer {
  version: number;
  minute: number;
  /** The record lists read: a listener that ran before the version's own still sees new lists. */
  lists: readonly unknown[];
  value: HuddleView;
}

interface Memo {
  /** Bumped on every change of the document the view reads (the activity log has no list to compare cheaply). */
  version: number;
  /** One entry per set of section limits (the key is their JSON). */
  answers: Map<string, Answer>;
}

/** Few pages ask for more than the default and one "Show all": past this many, start over. */
const MAX_ENTRIES = 8;
const memos = new WeakMap<WorkspaceView, Memo>();

function memoOf(view: WorkspaceView): Memo {
  let memo = memos.get(view);
  if (!memo) {
    const made: Memo = { version: 0, answers: new Map() };
    // Removed with the view's other listeners when the view is destroyed.
    view.onChange(() => { made.version++; });
    memos.set(view, (memo = made));
  }
  return memo;
}

export function memoHuddle(view: WorkspaceView, now: number, limits: object, compute: () => HuddleView): HuddleView {
  const memo = memoOf(view);
  const key = JSON.stringify(limits);
  const minute = Math.floor(now / 60_000);
  const lists = [view.captures(), view.actions(), view.huddles(), view.settings()];
  const hit = memo.answers.get(key);
  if (hit && hit.version === memo.version && hit.minute === minute && hit.lists.every((list, i) => list === lists[i])) return hit.value;
  const value = compute();
  if (memo.answers.size >= MAX_ENTRIES && !hit) memo.answers.clear();
  memo.answers.set(key, { version: memo.version, minute, lists, value });
  return value;
}
