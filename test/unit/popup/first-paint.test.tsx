// @vitest-environment happy-dom
/** @module What keeps work off the first paint: tasks after the next frame, idle work, views loaded on first use. */
import { act, cleanup, render, screen } from '@testing-library/preact';
import type { JSX } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextPaint, PAINT_WAIT_LIMIT_MS, whenIdle, type PaintWindow } from '../../../extension/popup/after-paint';
import { lazyView, preloadViews } from '../../../extension/popup/lazy-view';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Lets a dynamic import settle and Preact re-render. */
const flush = (then: () => void = () => {}) => act(async () => {
  then();
  await new Promise((resolve) => setTimeout(resolve, 0));
});

function fakeWindow(visibility = 'visible') {
  vi.useFakeTimers();
  const frames: FrameRequestCallback[] = [];
  const win: PaintWindow = {
    setTimeout: ((fn: () => void, ms?: number) => setTimeout(fn, ms)) as never,
    clearTimeout: ((id: number) => clearTimeout(id)) as never,
    requestAnimationFrame: (fn) => frames.push(fn),
    document: { visibilityState: visibility },
  };
  const frame = () => frames.splice(0).forEach((fn) => fn(0));
  return { win, frame };
}

describe('after the next paint', () => {
  it('runs a task after the next frame, once, and not before it', () => {
    const { win, frame } = fakeWindow();
    const task = vi.fn();
    afterNextPaint(win, task);
    vi.advanceTimersByTime(10);
    expect(task).not.toHaveBeenCalled();
    frame();
    expect(task).not.toHaveBeenCalled(); // the frame is still being produced
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(PAINT_WAIT_LIMIT_MS);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('runs at once in a hidden page, and after the limit when no frame comes', () => {
    const hidden = fakeWindow('hidden');
    const now = vi.fn();
    afterNextPaint(hidden.win, now);
    expect(now).toHaveBeenCalledTimes(1);
    const stalled = fakeWindow();
    const late = vi.fn();
    afterNextPaint(stalled.win, late);
    vi.advanceTimersByTime(PAINT_WAIT_LIMIT_MS - 1);
    expect(late).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('runs idle work in idle time, or soon after without requestIdleCallback', () => {
    const { win } = fakeWindow();
    const idle = vi.fn();
    whenIdle(win, idle);
    vi.advanceTimersByTime(200);
    expect(idle).toHaveBeenCalledTimes(1);
    let queued: (() => void) | null = null;
    whenIdle({ ...win, requestIdleCallback: ((fn: () => void) => { queued = fn; return 1; }) as never }, idle);
    expect(idle).toHaveBeenCalledTimes(1);
    queued!();
    expect(idle).toHaveBeenCalledTimes(2);
  });
});

describe('a view loaded on first use', () => {
  it('says it is loading, then renders the view; once loaded it renders at once', async () => {
    let resolve!: (component: (props: { name: string }) => JSX.Element) => void;
    const load = vi.fn(() => new Promise<(props: { name: string }) => JSX.Element>((r) => { resolve = r; }));
    const Greeting = lazyView('the greeting', load);
    render(<Greeting name="Dana" />);
    expect(screen.getByRole('status').textContent).toBe('Loading the greeting…');
    await flush(() => resolve(({ name }) => <p>Hello {name}</p>));
    expect(screen.getByText('Hello Dana')).toBeTruthy();
    cleanup();
    render(<Greeting name="Sam" />);
    expect(screen.getByText('Hello Sam')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says so when its code cannot be loaded, and tries again on the next visit', async () => {
    let fail = true;
    const Flaky = lazyView('the flaky view', async () => {
      if (fail) throw new Error('chunk missing');
      return () => <p>Loaded at last</p>;
    });
    render(<Flaky />);
    await flush();
    expect(screen.getByRole('alert').textContent).toMatch(/Could not load the flaky view/);
    cleanup();
    fail = false;
    render(<Flaky />);
    await flush();
    expect(screen.getByText('Loaded at last')).toBeTruthy();
  });

  it('preloads every declared view, including views declared by a view it loaded', async () => {
    const inner = vi.fn(async () => () => <p>Inner</p>);
    let Inner: ReturnType<typeof lazyView> | null = null;
    const outer = vi.fn(async () => {
      Inner ??= lazyView('the inner view', inner);
      return () => <p>Outer</p>;
    });
    lazyView('the outer view', outer);
    await preloadViews();
    expect(outer).toHaveBeenCalledTimes(1);
    expect(inner).toHaveBeenCalledTimes(1);
    const InnerView = Inner!;
    render(<InnerView />);
    expect(screen.getByText('Inner')).toBeTruthy();
  });
});
