/**
 * @module User Timing measures of the content script's own work (`closeloop:refind`,
 * `closeloop:redact-find`, `closeloop:redact-apply`), for `npm run bench:capture`. Only in builds
 * made with VITE_CLOSELOOP_MARKS=1: ordinary builds put nothing in a page's performance timeline.
 */
const ON = import.meta.env?.VITE_CLOSELOOP_MARKS === '1';

/** The time to pass as `start`; 0 when measures are off (nothing is read then). */
export function markStart(): number {
  return ON ? performance.now() : 0;
}

export function measure(name: string, start: number, detail?: Record<string, unknown>): void {
  if (!ON) return;
  try {
    performance.measure(name, { start, end: performance.now(), ...(detail ? { detail } : {}) });
  } catch {
    // A page that replaced `performance` with its own: no figures from it.
  }
}
