/** @module Where the capture UI may run: the top frame of ordinary web pages, never extension pages or frames. */

const PAGE_PROTOCOLS = new Set(['http:', 'https:', 'file:']);

/**
 * True for the top frame of a web page. Frames are left alone because we do not control what
 * embeds them (a hostile parent could overlay or clickjack our button); extension pages have
 * their own UI and must not get a second one.
 */
export function canCaptureHere(win: Window = window): boolean {
  try {
    if (win.top !== win.self) return false;
  } catch {
    return false; // reading `top` threw: a cross-origin frame
  }
  return PAGE_PROTOCOLS.has(win.location.protocol);
}
