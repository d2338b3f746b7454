/**
 * @module On a capture: what the last visit of its page found — still there, edited (with the new
 * rating and what it reads now), or gone — so the team knows whether the evidence still stands.
 */
import type { Capture } from '../../shared/schema/records';
import { sourceCheckWords } from './source-words';

export function SourceCheckNote({ capture }: { capture: Capture }) {
  const words = sourceCheckWords(capture);
  const check = capture.sourceCheck;
  if (!words || !check) return null;
  return (
    <section class={`pp-section pp-source-check is-${check.state}`} aria-label="The review now">
      <p class="pp-source-check-words">{words}</p>
      {check.state === 'changed' && check.text && (
        <blockquote class="pp-quote pp-quote-small" aria-label="What the review reads now">{check.text}</blockquote>
      )}
    </section>
  );
}
