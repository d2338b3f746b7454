/**
 * @module Scheduling around the first paint. `afterNextPaint` runs a task once the current render
 * has reached the screen: a timer set from inside an animation frame fires after that frame is
 * painted. A hidden page gets no frames, so it runs at once there, and a timeout makes sure it runs
 * even if no frame ever comes. `whenIdle` runs work nobody is waiting for when the page is idle.
 */

/** The window functions used; a test passes its own. */
export type PaintWindow = Pick<Window, 'setTimeout' | 'clearTimeout'> & {
  requestAnimationFrame?: Window['requestAnimationFrame'];
  requestIdleCallback?: Window['requestIdleCallback'];
  document?: { visibilityState?: string };
};

/** The longest a task waits for a frame (a throttled or stalled renderer). */
export const PAINT_WAIT_LIMIT_MS = 250;

export function afterNextPaint(win: PaintWindow, task: () => void): void {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    win.clearTimeout(limit);
    task();
  };
  const limit = win.setTimeout(run, PAINT_WAIT_LIMIT_MS);
  if (!win.requestAnimationFrame || win.document?.visibilityState === 'hidden') return run();
  win.requestAnimationFrame(() => win.setTimeout(run, 0));
}

/** Runs `task` in idle time, within a second at the latest. */
export function whenIdle(win: PaintWindow, task: () => void): void {
  if (win.requestIdleCallback) win.requestIdleCallback(() => task(), { timeout: 1_000 });
  else win.setTimeout(task, 200);
}
