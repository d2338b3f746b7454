/**
 * @module Opens and closes the one capture dialog, whichever way it was asked for (shortcut, context
 * menu, in-page button). The selection is read and cloned synchronously at that moment; the hub
 * connection lives only as long as the dialog, so ordinary page loads never wake the background.
 */
import type { ReadonlySignal } from '@preact/signals';
import type { HubClient } from '../messaging/hub-client';
import { createDraft, type DraftReaders } from './capture-draft';
import { createCaptureModel } from './capture-model';
import { CaptureDialog } from './dialog/CaptureDialog';
import { NothingSelectedDialog } from './dialog/NothingSelectedDialog';
import type { TrustCheck } from './trust';
import type { UiLayer } from './ui-layer';

export interface CaptureControllerDeps {
  win: Window;
  layer: UiLayer;
  connect(): HubClient;
  isTrusted: TrustCheck;
  readers?: DraftReaders;
  closeDelayMs?: number;
  /** The policy's word on redaction (null: the workspace's setting decides). */
  redaction?: ReadonlySignal<boolean | null>;
}

export interface CaptureController {
  open(): void;
  close(): void;
  isOpen(): boolean;
}

export function createCaptureController(deps: CaptureControllerDeps): CaptureController {
  const { win, layer, connect, isTrusted } = deps;
  let session: { dispose(): void; range: Range | null } | null = null;

  const currentRange = (): Range | null => {
    const selection = win.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    return layer.owns(range.commonAncestorContainer) ? null : range;
  };

  const controller: CaptureController = {
    open() {
      if (session) return; // one dialog: a second shortcut press while it is open changes nothing
      const range = currentRange();
      const draft = range ? createDraft(range, win.document, win.location.href, deps.readers) : null;
      if (!draft) {
        session = { dispose() {}, range: null };
        layer.show(<NothingSelectedDialog onClose={controller.close} />);
        return;
      }
      const hub = connect();
      const model = createCaptureModel({
        hub, draft, onDone: controller.close, ...(deps.closeDelayMs !== undefined ? { closeDelayMs: deps.closeDelayMs } : {}),
        ...(deps.redaction ? { redaction: deps.redaction } : {}),
      });
      session = { dispose() { model.dispose(); hub.close(); }, range: draft.range };
      layer.show(<CaptureDialog model={model} isTrusted={isTrusted} onClose={controller.close}
        onExpand={(expander) => { controller.close(); pressExpander(expander); }}
        onWholeWords={(wider) => { controller.close(); if (restoreSelection(win, wider)) controller.open(); }} />);
    },
    close() {
      if (!session) return;
      const { dispose, range } = session;
      session = null;
      layer.hide(); // unmounting gives focus back (DialogFrame)
      dispose();
      if (range) restoreSelection(win, range);
    },
    isOpen: () => session !== null,
  };
  return controller;
}

/** Gives the person their selection back (or the one given), if the page still has it; true when it did. */
function restoreSelection(win: Window, range: Range): boolean {
  try {
    const selection = win.getSelection();
    if (!selection || !range.startContainer.isConnected) return false;
    selection.removeAllRanges();
    selection.addRange(range);
    return true;
  } catch {
    return false; // The page changed under the range; leaving the selection empty is fine.
  }
}

/** Presses the page's "read more" for the person (they asked, with a trusted click), then leaves them to select again. */
function pressExpander(expander: Element) {
  try {
    if (expander.isConnected) (expander as HTMLElement).click();
  } catch {
    // A page that throws in its own handler: nothing of ours to undo.
  }
}
