/**
 * @module Decides when the in-page "Capture feedback" button shows and where: after a trusted mouseup
 * or keyup leaves a non-empty selection outside editable fields and outside our own UI, or at start
 * for a selection the person made before we listened; hidden again on scroll, resize, Esc or when
 * the selection collapses.
 */
import type { TrustCheck } from './trust';

export interface Spot {
  left: number;
  top: number;
}

export interface SelectionWatcherDeps {
  win: Window;
  isTrusted: TrustCheck;
  /** True for events and nodes that belong to our own UI (the button, the dialog). */
  isOwn(target: EventTarget | Node | null, event?: Event): boolean;
  show(spot: Spot): void;
  hide(): void;
  /** Runs after the browser settled the selection (a click inside a selection collapses it after mouseup). */
  defer?: (run: () => void) => void;
  /**
   * Whether the person has interacted with the page yet (sticky user activation). A selection that
   * is already there when watching starts is taken as theirs only then: a page script can select
   * text on load, but it cannot fake a click or a key press.
   */
  hasBeenActive?: () => boolean;
}

/** Size the button needs, for keeping it inside the viewport. */
const BUTTON = { width: 150, height: 32, gap: 6 };
const EDITABLE = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

export function watchSelection(deps: SelectionWatcherDeps): () => void {
  const { win, isTrusted, isOwn, show, hide } = deps;
  const doc = win.document;
  const defer = deps.defer ?? ((run) => { win.setTimeout(run, 0); });

  const evaluate = () => {
    const selection = win.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return hide();
    const range = selection.getRangeAt(0);
    const active = doc.activeElement;
    if (isOwn(range.commonAncestorContainer) || isOwn(active) || inEditable(range.commonAncestorContainer) || inEditable(active)) return hide();
    if (!hasVisibleText(range)) return hide();
    show(spotFor(endRect(range, doc), { width: win.innerWidth, height: win.innerHeight }));
  };

  const onSettled = (event: Event) => {
    if (!isTrusted(event) || isOwn(event.target, event)) return;
    if (event.type === 'keyup' && (event as KeyboardEvent).key === 'Escape') return;
    defer(evaluate);
  };
  const onKeyDown = (event: KeyboardEvent) => { if (event.key === 'Escape') hide(); };
  const onSelectionChange = () => {
    const selection = win.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) hide();
  };
  const onMove = (event: Event) => { if (!isOwn(event.target, event)) hide(); };

  // Capture phase on the window: a page that stops propagation of its own mouseup cannot hide selections from us.
  const listeners: [EventTarget, string, EventListener][] = [
    [win, 'mouseup', onSettled],
    [win, 'keyup', onSettled],
    [win, 'keydown', onKeyDown as EventListener],
    [doc, 'selectionchange', onSelectionChange],
    [win, 'scroll', onMove],
    [win, 'resize', onMove],
  ];
  for (const [target, type, listener] of listeners) target.addEventListener(type, listener, { capture: true, passive: true });
  // The person may have selected before we listened: the content script starts at document_idle and
  // waits for the preference (up to POLICY_TIMEOUT_MS when the browser never answers for managed
  // storage), so a mouseup in the page's first second can come before any listener. Show for it now.
  const hasBeenActive = deps.hasBeenActive ?? (() => stickyActivation(win));
  const initial = win.getSelection();
  if (initial && initial.rangeCount > 0 && !initial.isCollapsed && hasBeenActive()) defer(evaluate);
  return () => {
    for (const [target, type, listener] of listeners) target.removeEventListener(type, listener, { capture: true });
    hide();
  };
}

/** `navigator.userActivation.hasBeenActive` (Chrome 72+, Firefox 120+); true where the API is missing. */
export function stickyActivation(win: Window): boolean {
  const activation = (win.navigator as Navigator & { userActivation?: { hasBeenActive?: boolean } }).userActivation;
  return activation?.hasBeenActive !== false;
}

/** Inside a text field or editable region, where a button would get in the way of typing. */
export function inEditable(node: Node | null): boolean {
  const el = node === null ? null : node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el) return false;
  return el.closest(EDITABLE) !== null || (el as HTMLElement).isContentEditable === true;
}

/**
 * True when the range holds a non-space character. Walks from the range's start and stops at the
 * first such character, so a 1 MB selection costs a few nodes instead of the whole string that
 * `toString()` would build on every mouseup.
 */
export function hasVisibleText(range: Range): boolean {
  const { startContainer: start, startOffset, endContainer, endOffset } = range;
  if (start === endContainer && start.nodeType === 3) return /\S/.test((start.nodeValue ?? '').slice(startOffset, endOffset));
  const doc = start.ownerDocument ?? (start as Document);
  const walker = doc.createTreeWalker(range.commonAncestorContainer, 4 /* NodeFilter.SHOW_TEXT */);
  walker.currentNode = start.nodeType === 3 ? start : (start.childNodes[startOffset] ?? start);
  let node: Node | null = walker.currentNode.nodeType === 3 ? walker.currentNode : walker.nextNode();
  for (; node; node = walker.nextNode()) {
    if (range.comparePoint(node, 0) > 0) return false; // past the end
    if (!range.intersectsNode(node)) continue;
    const text = node.nodeValue ?? '';
    const from = node === start ? startOffset : 0;
    const to = node === endContainer ? endOffset : text.length;
    if (/\S/.test(text.slice(from, to))) return true;
  }
  return false;
}

/** The box at the selection's end; a triple-click ends at (next block, 0), which has no box, so fall back to the whole range. */
function endRect(range: Range, doc: Document): DOMRect {
  const end = doc.createRange();
  end.setStart(range.endContainer, range.endOffset);
  const rect = end.getBoundingClientRect();
  return rect.width === 0 && rect.height === 0 && rect.x === 0 && rect.y === 0 ? range.getBoundingClientRect() : rect;
}

/**
 * Just below the selection's end, kept inside the viewport: above the line when there is no room
 * below, and at the viewport's edge when the end is off screen (a long selection ends far below).
 */
export function spotFor(rect: { left: number; right: number; top: number; bottom: number }, viewport: { width: number; height: number }): Spot {
  const left = Math.max(BUTTON.gap, Math.min(rect.right - BUTTON.width / 2, viewport.width - BUTTON.width - BUTTON.gap));
  const below = rect.bottom + BUTTON.gap;
  const preferred = below + BUTTON.height <= viewport.height ? below : rect.top - BUTTON.height - BUTTON.gap;
  const top = Math.max(BUTTON.gap, Math.min(preferred, viewport.height - BUTTON.height - BUTTON.gap));
  return { left: Math.round(left), top: Math.round(top) };
}
