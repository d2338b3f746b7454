/**
 * @module The in-page button's life: watching selections while the preference is on, showing the
 * button where the watcher says, and handing a trusted press to the dialog.
 */
import { signal } from '@preact/signals';
import { SelectionButton } from './SelectionButton';
import { watchSelection, type Spot } from './selection-watcher';
import type { TrustCheck } from './trust';
import type { UiLayer } from './ui-layer';

export interface InPageButtonDeps {
  win: Window;
  layer: UiLayer;
  isTrusted: TrustCheck;
  isOwn(target: EventTarget | Node | null): boolean;
  onActivate(): void;
}

export interface InPageButton {
  /** Starts watching selections (the preference is on). */
  start(): void;
  /** Stops watching and hides the button (the preference is off, or the script is going away). */
  stop(): void;
  hide(): void;
}

export function createInPageButton({ win, layer, isTrusted, isOwn, onActivate }: InPageButtonDeps): InPageButton {
  const spot = signal<Spot | null>(null);
  let unwatch: (() => void) | null = null;
  let rendered = false;

  const hide = () => { spot.value = null; };
  const activate = () => {
    hide();
    onActivate();
  };
  const show = (at: Spot) => {
    spot.value = at;
    // Rendered once; the signal moves and hides it from then on.
    if (!rendered) {
      rendered = true;
      layer.show(<SelectionButton spot={spot} isTrusted={isTrusted} onActivate={activate} />);
    }
  };

  return {
    start() {
      unwatch ??= watchSelection({ win, isTrusted, isOwn: (target) => isOwn(target), show, hide });
    },
    stop() {
      unwatch?.();
      unwatch = null;
      hide();
    },
    hide,
  };
}
