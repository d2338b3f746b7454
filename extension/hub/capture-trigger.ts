/**
 * @module The two browser-level ways to start a capture: the "Capture feedback" context-menu item
 * on a selection and the keyboard command. Both ask the tab's content script to open the dialog,
 * injecting the script first into tabs that were open before the extension was installed.
 */
import type { WxtBrowser as Browser } from 'wxt/browser';

export const CONTEXT_MENU_ID = 'closeloop-capture';
export const CAPTURE_COMMAND = 'capture-selection';
export const OPEN_CAPTURE_MESSAGE = { type: 'closeloop:open-capture' } as const;

export function createCaptureMenu(browser: Browser): void {
  browser.contextMenus.removeAll(() => {
    browser.contextMenus.create({ id: CONTEXT_MENU_ID, title: 'Capture feedback', contexts: ['selection'] });
  });
}

export async function openCaptureInTab(browser: Browser, tabId: number | undefined): Promise<void> {
  if (tabId === undefined || tabId < 0) return;
  try {
    await browser.tabs.sendMessage(tabId, OPEN_CAPTURE_MESSAGE);
  } catch {
    // No content script yet (tab predates the install, or it was reloaded mid-update): inject, then ask again.
    try {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
      await browser.tabs.sendMessage(tabId, OPEN_CAPTURE_MESSAGE);
    } catch (error) {
      console.warn('[closeloop] cannot capture on this page (browser pages and the web store are off limits):', error);
    }
  }
}
