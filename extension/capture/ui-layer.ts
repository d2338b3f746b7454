/**
 * @module A piece of our UI on the page: a WXT shadow-root UI that Preact renders into, created on
 * first use. The shadow root keeps the page's selectors out, `:host { all: initial }` (WXT's reset)
 * stops inherited styles, and the listed events stop at our root so the page never sees them.
 */
import { render, type VNode } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';

/**
 * Stopped at our root: keys and text input (page shortcuts must not fire while someone types a note),
 * pointer presses (pages that act on mousedown/mouseup, e.g. their own selection popovers) and focus
 * moves (page focus traps). Capture-phase listeners on the page's window still run first; nothing
 * inside a content script can prevent that.
 */
export const ISOLATED_EVENTS = [
  'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'compositionstart', 'compositionend',
  'paste', 'copy', 'cut', 'mousedown', 'mouseup', 'click', 'dblclick', 'pointerdown', 'pointerup',
  'focusin', 'focusout', 'wheel', 'contextmenu',
];

/**
 * Open, not closed: the end-to-end tests (Playwright) find controls by role inside open shadow
 * roots only. The cost is that a page script can read what the dialog shows; it still cannot forge
 * a save (see trust.ts). Switch to 'closed' if that trade changes.
 */
export const SHADOW_MODE: 'open' | 'closed' = 'open';

export interface UiLayer {
  /** Renders `view`, mounting the UI first if needed (asynchronous the first time: WXT loads the CSS). */
  show(view: VNode): void;
  hide(): void;
  /** True for our host element and anything inside it or its shadow root. */
  owns(node: Node): boolean;
}

export function createUiLayer(ctx: ContentScriptContext, name: string, position: 'modal' | 'inline'): UiLayer {
  let ui: ShadowRootContentScriptUi<true> | null = null;
  let loading: Promise<void> | null = null;
  let wanted: VNode | null = null;

  const apply = () => {
    if (!ui) return;
    if (wanted) {
      // Mount again if the page removed our host (some pages prune unknown elements).
      if (!ui.shadowHost.isConnected) ui.mount();
      render(wanted, ui.uiContainer);
    } else if (ui.shadowHost.isConnected) {
      ui.remove();
    }
  };

  const load = () => {
    loading ??= createShadowRootUi<true>(ctx, {
      name,
      position,
      ...(position === 'modal' ? { zIndex: 2147483647 } : {}),
      // Beside <body>, not in it: a page that rewrites its body, or transforms it (which would
      // make our fixed layers scroll with it), leaves us alone.
      anchor: document.documentElement,
      append: 'last',
      mode: SHADOW_MODE,
      isolateEvents: ISOLATED_EVENTS,
      onMount: () => true,
      onRemove: () => { if (ui) render(null, ui.uiContainer); },
    }).then((created) => {
      ui = created;
      apply();
    }, (error: unknown) => {
      loading = null;
      console.warn('[closeloop] could not show the capture UI on this page:', error);
    });
    return loading;
  };

  return {
    show(view) {
      wanted = view;
      if (ui) apply();
      else void load();
    },
    hide() {
      wanted = null;
      apply();
    },
    owns(node) {
      const host = ui?.shadowHost;
      if (!host) return false;
      return node === host || host.contains(node) || (node.getRootNode() as ShadowRoot).host === host;
    },
  };
}
