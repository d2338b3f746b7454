/**
 * @module The hook a view calls to leave its first-paint marks (paint-marks.ts), so the benchmark
 * can time its route: pass what the view shows once it is real content (not a "Loading…"
 * placeholder), with whether it came from the cache. A layout effect runs after the DOM is
 * committed and before the browser paints it, the same moment the benchmark's floor page marks.
 */
import { useLayoutEffect, useMemo } from 'preact/hooks';
import { viewMarks, type MarkTimeline } from './paint-marks';

export function useFirstPaint(performance: MarkTimeline, view: string, content: { fromCache: boolean } | null | undefined): void {
  const marks = useMemo(() => viewMarks(performance, view), [view]);
  useLayoutEffect(() => {
    if (content) marks.committed(content.fromCache);
  }, [content]);
}
