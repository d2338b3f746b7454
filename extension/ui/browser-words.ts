/**
 * @module What a person is told that differs between Chromium and Firefox. The build decides
 * (`wxt build -b firefox` sets `import.meta.env.FIREFOX`); components take the words as a prop.
 */
export interface BrowserWords {
  /** The page where extension shortcuts are changed. */
  shortcutsPage: string;
  /** How to get there from that page, when it takes more than opening it. */
  shortcutsSteps: string | null;
}

export const CHROMIUM_WORDS: BrowserWords = { shortcutsPage: 'chrome://extensions/shortcuts', shortcutsSteps: null };
export const FIREFOX_WORDS: BrowserWords = { shortcutsPage: 'about:addons', shortcutsSteps: 'the gear menu → Manage Extension Shortcuts' };

export function browserWords(firefox: boolean = import.meta.env.FIREFOX === true): BrowserWords {
  return firefox ? FIREFOX_WORDS : CHROMIUM_WORDS;
}
