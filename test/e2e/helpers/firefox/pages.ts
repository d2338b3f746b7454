/**
 * @module Page objects for Firefox, one per surface, with the same steps as the Chromium ones
 * (helpers/pages.ts, helpers/popup-page.ts): the options page, a web page captured from, the popup
 * and the sidebar. Specs read as what a person does; every element is found by role and name.
 */
import { waitFor } from '../../../integration/helpers/wait-for';
import { WIDGET_ID, type FirefoxProfile } from './launch';
import type { ElementRef } from './marionette';
import type { FirefoxTab, Name } from './tab';

export class FirefoxOptionsPage {
  private constructor(readonly tab: FirefoxTab) {}

  static async open(profile: FirefoxProfile): Promise<FirefoxOptionsPage> {
    const tab = await profile.openExtensionPage('options.html');
    await tab.getByRole('heading', 'Connection');
    return new FirefoxOptionsPage(tab);
  }

  nameField(): Promise<ElementRef> {
    return this.tab.getByRole('textbox', 'Your name');
  }

  async join(inviteCode: string, name: string): Promise<void> {
    await this.tab.fill(await this.tab.getByRole('textbox', 'Invite code'), inviteCode);
    await this.tab.fill(await this.nameField(), name);
    await this.tab.clickRole('button', 'Connect');
  }

  state(): Promise<string> {
    return this.tab.evaluate<string>('return document.querySelector(\'[data-testid="connection-state"]\')?.innerText ?? "";');
  }

  async waitForState(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    return waitFor(`options page to say ${pattern}`, async () => {
      const words = await this.state();
      return pattern.test(words) ? words : null;
    }, { timeoutMs, intervalMs: 100 });
  }

  /** What the toolbar button shows, read through the extension's own API from this page. */
  badge(): Promise<{ text: string; color: number[]; title: string }> {
    return this.tab.evaluateAsync(`const button = browser.browserAction;
      return { text: await button.getBadgeText({}), color: await button.getBadgeBackgroundColor({}), title: await button.getTitle({}) };`);
  }

  /**
   * Starts recording the notifications the extension shows. Headless Firefox has no alert service:
   * it closes each notification at once (so `getAll()` is empty), firing `onClosed` with its id.
   */
  async watchNotifications(): Promise<void> {
    await this.tab.evaluate(`
      const note = (id) => {
        const seen = JSON.parse(sessionStorage.getItem('closeloop-e2e-notified') ?? '[]');
        if (!seen.includes(id)) sessionStorage.setItem('closeloop-e2e-notified', JSON.stringify([...seen, id]));
      };
      browser.notifications.onShown?.addListener(note);
      browser.notifications.onClosed.addListener(note);`);
  }

  /** Ids of the notifications shown since `watchNotifications()`, and of those still open. */
  async notifications(): Promise<string[]> {
    const open = await this.tab.evaluateAsync<string[]>('return Object.keys(await browser.notifications.getAll());');
    const seen = JSON.parse(await this.tab.evaluate<string>('return sessionStorage.getItem("closeloop-e2e-notified") ?? "[]";')) as string[];
    return [...new Set([...seen, ...open])];
  }
}

export class FirefoxCapturePage {
  private constructor(readonly tab: FirefoxTab) {}

  static async open(profile: FirefoxProfile, url: string): Promise<FirefoxCapturePage> {
    return new FirefoxCapturePage(await profile.open(url));
  }

  /** Selects a paragraph with a real triple click until the in-page button shows (the content script may load after the page). */
  async selectParagraph(selector: string): Promise<void> {
    const paragraph = await this.tab.querySelector(selector);
    await waitFor('the in-page capture button after selecting', async () => {
      await this.tab.tripleClick(paragraph);
      return (await this.tab.queryAllByRole('button', 'Capture feedback')).length > 0;
    }, { timeoutMs: 20_000, intervalMs: 200 });
  }

  /**
   * Alt+Shift+C. Keys sent through WebDriver reach the page, not the browser's own shortcut
   * handling, so this fires the key element Firefox registered for the add-on's command (what a
   * real key press triggers): it fails if the manifest's shortcut was not registered as Alt+Shift+C.
   */
  async pressShortcut(profile: FirefoxProfile): Promise<void> {
    await this.tab.url(); // makes this tab Marionette's current one, so its window is the one used
    const fired = await profile.inBrowserWindow<string>(`
      const key = [...document.querySelectorAll('keyset[id^="ext-keyset-id-${WIDGET_ID}"] key')]
        .find((k) => k.getAttribute('key')?.toUpperCase() === 'C' && k.getAttribute('modifiers') === 'alt,shift');
      if (!key) return 'no Alt+Shift+C key registered';
      key.doCommand();
      return 'fired';`);
    if (fired !== 'fired') throw new Error(fired);
  }

  async openDialogFromButton(): Promise<ElementRef> {
    await this.tab.clickRole('button', 'Capture feedback');
    return this.tab.getByRole('dialog', 'Capture feedback');
  }

  /** Every CSS Custom Highlight on the page as [highlight name, highlighted text], the content script's included. */
  highlights(): Promise<[string, string][]> {
    return this.tab.evaluate(`const out = [];
      for (const [name, highlight] of CSS.highlights) for (const range of highlight) out.push([name, range.toString()]);
      return out;`);
  }

  /** Scrolls the element to the middle of the view and points at (dx, dy) from its top left corner. */
  async hoverOver(selector: string, dx: number, dy: number): Promise<void> {
    const box = await this.tab.evaluate<{ x: number; y: number }>(`const el = document.querySelector(arguments[0]);
      el.scrollIntoView({ block: 'center' });
      const rect = el.getBoundingClientRect();
      return { x: rect.left, y: rect.top };`, selector);
    await this.tab.hover(box.x + dx, box.y + dy);
  }

  /** Clicks Save and returns what the dialog said (recorded in the page as it says it: the confirmation is brief). */
  async save(dialog: ElementRef): Promise<string> {
    await this.tab.evaluate(`
      const root = document.querySelector('closeloop-capture-dialog')?.shadowRoot;
      const seen = (window.wrappedJSObject ?? window).__closeloopSaid = [];
      const record = () => {
        for (const el of root.querySelectorAll('[role="status"], [role="alert"]')) {
          const text = (el.textContent ?? '').trim();
          if (text) seen.push(el.getAttribute('role') + ':' + text);
        }
      };
      new MutationObserver(record).observe(root, { subtree: true, childList: true, characterData: true });`);
    await this.tab.click(await this.tab.getByRole('button', 'Save', { within: dialog }));
    return waitFor('the save confirmation', async () => {
      const said = await this.tab.evaluate<string[]>('return Array.from((window.wrappedJSObject ?? window).__closeloopSaid ?? []);');
      const saved = said.find((line) => line.startsWith('status:Saved'));
      if (saved) return saved.slice('status:'.length);
      const problem = said.find((line) => line.startsWith('alert:'));
      if (problem) throw new Error(`the dialog says: ${problem.slice('alert:'.length)}`);
      return null;
    }, { timeoutMs: 30_000, intervalMs: 50 });
  }
}

/** The triage app: the popup (opened as a page at its natural 400x600) or the sidebar's page. */
export class FirefoxTriagePage {
  private constructor(readonly tab: FirefoxTab) {}

  static async open(profile: FirefoxProfile, page: 'popup.html' | 'sidepanel.html' = 'popup.html', size = { width: 400, height: 600 }): Promise<FirefoxTriagePage> {
    const tab = await profile.openExtensionPage(page, 'window');
    await tab.setViewport(size.width, size.height);
    await tab.getByRole('tab', 'Inbox');
    return new FirefoxTriagePage(tab);
  }

  async showActions(view: 'Mine' | 'All' | 'Overdue' | 'Quick wins'): Promise<void> {
    await this.tab.clickRole('tab', 'Actions');
    await this.tab.clickRole('tab', view);
  }

  waitForText(text: Name, timeoutMs?: number): Promise<void> {
    return this.tab.waitForText(text, timeoutMs);
  }

  screenshot(path: string): Promise<void> {
    return this.tab.screenshot(path);
  }
}
