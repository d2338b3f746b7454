/** @module The head of one owner's list (a check-in, from People): whose list it is, and the way back. */
import { useLayoutEffect, useRef } from 'preact/hooks';

export function OwnerBar({ heading, back, onBack }: { heading: string; back: { text: string; label: string }; onBack(): void }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => ref.current?.focus({ preventScroll: true }), [heading]);
  return (
    <div class="pp-detail-bar pp-owner-bar">
      <button type="button" class="pp-back" aria-label={back.label} onClick={onBack}><span aria-hidden="true">←</span> {back.text}</button>
      <h2 ref={ref} tabIndex={-1} class="pp-detail-heading">{heading}</h2>
    </div>
  );
}
