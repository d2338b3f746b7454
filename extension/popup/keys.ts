/** @module Keyboard helpers shared by the views: when a key belongs to a text field, and a document-level listener hook. */
import { useEffect, useRef } from 'preact/hooks';

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color']);

/** True when the key goes to something the person is typing in, so single-letter shortcuts must not fire. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

/** True for keys pressed inside an open dialog, which handles its own keys. */
export function inDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"]') !== null;
}

/** Listens to keydown on the document while `active`; the latest handler is always the one called. */
export function useDocumentKeys(handler: (event: KeyboardEvent) => void, active: boolean): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!active) return;
    const listener = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      latest.current(event);
    };
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, [active]);
}

/** Detail views: Esc goes back to the list, unless the person is typing or inside a dialog. */
export function useEscapeGoesBack(back: () => void, active: boolean): void {
  useDocumentKeys((event) => {
    if (event.key !== 'Escape' || isTypingTarget(event.target) || inDialog(event.target)) return;
    event.preventDefault();
    back();
  }, active);
}
