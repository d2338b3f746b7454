/**
 * The huddle is computed once per workspace state: every open Huddle and the cache writer share the
 * answer until the document changes, the minute turns, or other section limits are asked for.
 */
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { memoHuddle } from '../../../extension/hub/queries/huddle-memo';
import { addCapture } from '../../../shared/mutations/captures';
import { registerMember } from '../../../shared/mutations/members';
import type { HuddleView } from '../../../shared/queries/huddle';
import { createWorkspaceView } from '../../../shared/read/workspace-view';
import { sampleCapture } from '../../helpers/workspace';

function setUp() {
  const doc = new Y.Doc();
  const ctx = { doc, actor: 'mem_ana', now: () => Date.UTC(2026, 10, 22, 9) };
  registerMember(ctx, { name: 'Ana', role: 'editor' });
  const view = createWorkspaceView(doc);
  let computed = 0;
  const ask = (now: number, limits: object = {}) => memoHuddle(view, now, limits, () => {
    computed++;
    return { computedAs: computed } as unknown as HuddleView;
  });
  return { ctx, view, ask, computations: () => computed };
}

describe('the huddle memo', () => {
  const nine = Date.UTC(2026, 10, 22, 9, 0, 5);

  it('answers a second ask in the same minute and state without computing again', () => {
    const { ask, computations } = setUp();
    const first = ask(nine);
    expect(ask(nine + 30_000)).toBe(first);
    expect(computations()).toBe(1);
  });

  it('computes again after any change to the document', () => {
    const { ctx, ask, computations } = setUp();
    const first = ask(nine);
    addCapture(ctx, sampleCapture({ text: 'Refund took weeks' }));
    const second = ask(nine);
    expect(second).not.toBe(first);
    expect(computations()).toBe(2);
    expect(ask(nine)).toBe(second);
  });

  it('computes again when the minute turns, since overdue and "due this week" are judged against now', () => {
    const { ask, computations } = setUp();
    ask(nine);
    ask(nine + 60_000);
    expect(computations()).toBe(2);
  });

  it('keeps one answer per set of section limits, and starts over past eight of them', () => {
    const { ask, computations } = setUp();
    const plain = ask(nine);
    const all = ask(nine, { done: 100 });
    expect(all).not.toBe(plain);
    expect(ask(nine)).toBe(plain);
    expect(ask(nine, { done: 100 })).toBe(all);
    expect(computations()).toBe(2);
    for (let n = 0; n < 7; n++) ask(nine, { overdue: n }); // ten sets in all: the first two are forgotten
    const before = computations();
    ask(nine);
    expect(computations()).toBe(before + 1);
  });
});
