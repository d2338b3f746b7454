/**
 * @module Wires capture into a page: the background's "open capture" message (context menu, keyboard
 * command), the in-page button when the preference allows it, and the one dialog they both open.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { OPEN_CAPTURE_MESSAGE } from '../hub/capture-trigger';
import { connectHub } from '../messaging/hub-client';
import { createCaptureController } from './capture-controller';
import { createInPageButton } from './in-page-button';
import { canCaptureHere } from './page-guard';
import { signal } from '@preact/signals';
import { watchPageSettings } from './preferences';
import { judgeAll, reportSources } from './refind/report-sources';
import { setupRefind } from './refind/setup-refind';
import type { IndexStorage } from './refind/page-presence';
import { isTrustedEvent } from './trust';
import { createUiLayer } from './ui-layer';

export function setupCapture(ctx: ContentScriptContext, win: Window = window): void {
  if (!canCaptureHere(win)) return;
  const dialogLayer = createUiLayer(ctx, 'closeloop-capture-dialog', 'modal');
  const buttonLayer = createUiLayer(ctx, 'closeloop-capture-button', 'inline');
  const highlightLayer = createUiLayer(ctx, 'closeloop-highlights', 'inline');
  const isOwn = (target: EventTarget | Node | null) =>
    target instanceof Node && (dialogLayer.owns(target) || buttonLayer.owns(target) || highlightLayer.owns(target));

  // The policy's word on redaction, once read; until then (and when it says nothing) the workspace decides.
  const redaction = signal<boolean | null>(null);
  const controller = createCaptureController({ win, layer: dialogLayer, connect: () => connectHub(), isTrusted: isTrustedEvent, redaction });
  const button = createInPageButton({ win, layer: buttonLayer, isTrusted: isTrustedEvent, isOwn, onActivate: () => controller.open() });

  // Only the extension can message a content script, so this message needs no further proof.
  const onMessage = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void) => {
    if ((message as { type?: unknown } | null)?.type !== OPEN_CAPTURE_MESSAGE.type) return;
    button.hide();
    controller.open();
    // Answer at once: without an answer the background would think no script is here and inject a second one.
    sendResponse({ opened: true });
  };
  browser.runtime.onMessage.addListener(onMessage);

  let buttonOn: boolean | null = null;
  const stopPreference = watchPageSettings((settings) => {
    redaction.value = settings.redaction;
    if (settings.inPageButton === buttonOn) return;
    buttonOn = settings.inPageButton;
    if (buttonOn) button.start();
    else button.stop();
  });

  const stopRefind = setupRefind({
    win, layer: highlightLayer, connect: () => connectHub(), isTrusted: isTrustedEvent, isOwn: (node) => isOwn(node),
    storage: { get: (keys) => browser.storage.local.get(keys), onChanged: browser.storage.onChanged } as IndexStorage,
    onSettled(captures, settled, connect, urls) {
      void reportSources(judgeAll(captures, settled, { doc: win.document, pageUrl: win.location.href }), urls, connect);
    },
  });

  ctx.onInvalidated(() => {
    try {
      browser.runtime.onMessage.removeListener(onMessage);
    } catch {
      // An orphaned script (the extension was updated) may no longer reach the runtime; nothing to undo then.
    }
    stopPreference();
    stopRefind();
    button.stop();
    controller.close();
  });
}
