/** @module The top bar of a detail view: back to the list, the view's heading, and its main buttons. */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';

export interface DetailBarProps {
  headingId: string;
  heading: string;
  backLabel: string;
  backText: string;
  onBack(): void;
  children?: ComponentChildren;
}

export function DetailBar({ headingId, heading, backLabel, backText, onBack, children }: DetailBarProps) {
  const ref = useRef<HTMLHeadingElement>(null);
  // Moving focus to the heading tells a screen reader the view changed, and Tab continues from there.
  useLayoutEffect(() => ref.current?.focus({ preventScroll: true }), []);
  return (
    <div class="pp-detail-bar">
      <button type="button" class="pp-back" aria-label={backLabel} onClick={onBack}>
        <span aria-hidden="true">←</span> {backText}
      </button>
      <h2 id={headingId} ref={ref} tabIndex={-1} class="pp-detail-heading">{heading}</h2>
      <div class="pp-detail-tools">{children}</div>
    </div>
  );
}
