/**
 * @module The keyboard's way to the highlights and the card they show: one small marker button at
 * the start of each re-found quote (in tab order after the page), which shows the card on focus
 * or hover and opens the capture on Enter or click. Hovering the highlighted text itself shows the
 * card too (see setup-refind.ts).
 */
import type { ReadonlySignal } from '@preact/signals';
import type { PageCapture } from '../../messaging/protocol';
import { quoteStart } from '../../popup/format';
import type { TrustCheck } from '../trust';
import { HighlightCard } from './HighlightCard';

export interface Marker {
  id: string;
  left: number;
  top: number;
  /** Where the card goes: just below the quote's first line. */
  below: number;
}

export interface HighlightLayerProps {
  captures: ReadonlySignal<readonly PageCapture[]>;
  markers: ReadonlySignal<readonly Marker[]>;
  active: ReadonlySignal<string | null>;
  color: ReadonlySignal<string>;
  isTrusted: TrustCheck;
  onShow(id: string): void;
  onHide(): void;
  onOpen(id: string): void;
  onCardEnter(): void;
}

export function HighlightLayer({ captures, markers, active, color, isTrusted, onShow, onHide, onOpen, onCardEnter }: HighlightLayerProps) {
  const byId = new Map(captures.value.map((c) => [c.id, c]));
  const current = active.value ? byId.get(active.value) : undefined;
  const marker = current ? markers.value.find((m) => m.id === current.id) : undefined;
  return (
    <div class="cl-hl-layer">
      {markers.value.map((m) => {
        const capture = byId.get(m.id);
        if (!capture) return null;
        const action = capture.actions[0];
        const label = `Captured feedback “${quoteStart(capture.text, 6)}”: ${action ? `action ${action.title}` : 'no action yet'}`;
        return (
          <button key={m.id} type="button" class="cl-hl-marker" aria-label={label} style={{ left: `${m.left}px`, top: `${m.top}px`, background: color.value }}
            onFocus={() => onShow(m.id)} onBlur={onHide} onMouseEnter={() => onShow(m.id)} onMouseLeave={onHide}
            onClick={(e) => { if (isTrusted(e)) onOpen(m.id); }} />
        );
      })}
      {current && marker && (
        <HighlightCard capture={current} spot={{ left: marker.left, top: marker.below }} isTrusted={isTrusted}
          onOpen={onOpen} onEnter={onCardEnter} onLeave={onHide} />
      )}
    </div>
  );
}
