/**
 * @module On a done action: reviewers who raised their rating after it was done — the public,
 * outer loop closing, seen on the page the feedback came from.
 */
import type { RatingRise } from '../../shared/queries/outer-loop';
import { riseWords } from './source-words';

export function OuterLoopNote({ rises }: { rises: readonly RatingRise[] }) {
  if (rises.length === 0) return null;
  return (
    <section class="pp-section pp-outer-loop" aria-labelledby="outer-loop-heading">
      <h3 id="outer-loop-heading">The loop is closing in public</h3>
      <ul>
        {rises.map((rise) => <li key={rise.captureId}>{riseWords(rise)}</li>)}
      </ul>
    </section>
  );
}
