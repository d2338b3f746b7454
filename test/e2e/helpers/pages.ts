/**
 * @module Page objects, one per surface a person uses: the options page and a web page they
 * capture from. Specs read as the steps a person takes; every locator is a role and a name.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { waitFor } from '../../integration/helpers/wait-for';
import type { Profile } from './browser';

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(profile: Profile): Promise<OptionsPage> {
    const options = new OptionsPage(await profile.openExtensionPage('options.html'));
    await options.page.getByRole('heading', { name: 'Connection' }).waitFor();
    return options;
  }

  async join(inviteCode: string, name: string): Promise<void> {
    await this.page.getByLabel('Invite code').fill(inviteCode);
    await this.page.getByLabel('Your name').fill(name);
    await this.page.getByRole('button', { name: 'Connect' }).click();
  }

  /** The connection state in words, as the page shows it. */
  state(): Promise<string> {
    return this.page.getByTestId('connection-state').innerText();
  }

  async waitForState(pattern: RegExp, timeoutMs = 60_000): Promise<string> {
    return waitFor(`options page to say ${pattern}`, async () => {
      const words = await this.state();
      return pattern.test(words) ? words : null;
    }, { timeoutMs, intervalMs: 100 });
  }

  async captureCount(): Promise<number> {
    return Number(await this.page.getByTestId('capture-count').innerText());
  }

  /** The People section (admins only). */
  people(): Locator {
    return this.page.getByRole('region', { name: 'People' });
  }

  /** Invites a person from the People section and returns the code it shows to copy. */
  async invitePerson(name: string, role: 'editor' | 'viewer' | 'admin' = 'editor'): Promise<string> {
    const people = this.people();
    await people.getByLabel('Name', { exact: true }).fill(name);
    await people.getByRole('combobox', { name: 'Role' }).selectOption(role);
    await people.getByRole('button', { name: 'Invite', exact: true }).click();
    return people.getByLabel(`Invite code for ${name}`).inputValue();
  }

  /** Revokes a person from the People section, answering its question. */
  async revokePerson(name: string): Promise<void> {
    const people = this.people();
    await people.getByRole('button', { name: `Revoke ${name}` }).click();
    await people.getByRole('alertdialog').getByRole('button', { name: `Revoke ${name}` }).click();
    await people.getByText(`${name} was revoked and disconnected.`).waitFor();
  }

  /** What the Connection section says went wrong, in words (empty when nothing did). */
  async problem(): Promise<string> {
    const text = this.page.getByRole('region', { name: 'Connection' }).locator('p.cl-muted');
    return (await text.count()) ? text.first().innerText() : '';
  }
}

export class CapturePage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, url: string): Promise<CapturePage> {
    const page = await context.newPage();
    await page.goto(url);
    return new CapturePage(page);
  }

  /**
   * Selects a paragraph the way a person does, with a real triple click, until the in-page button
   * shows: the content script loads at document_idle, so a click right after navigation can come
   * before it listens (a person would simply select again).
   */
  async selectParagraph(selector: string): Promise<void> {
    await waitFor('the in-page capture button after selecting', async () => {
      await this.page.locator(selector).click({ clickCount: 3 });
      return this.captureButton().isVisible({ timeout: 1_000 }).catch(() => false)
        || (await this.captureButton().waitFor({ timeout: 1_000 }).then(() => true, () => false));
    }, { timeoutMs: 20_000, intervalMs: 200 });
  }

  /** The small in-page button that appears next to a selection. */
  captureButton(): Locator {
    return this.page.getByRole('button', { name: 'Capture feedback' });
  }

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Capture feedback' });
  }

  async openDialogFromButton(): Promise<Locator> {
    await this.captureButton().click();
    await this.dialog().waitFor();
    return this.dialog();
  }

  async addTag(tag: string): Promise<void> {
    await this.dialog().getByRole('combobox', { name: 'Tags' }).fill(tag);
    await this.dialog().getByRole('combobox', { name: 'Tags' }).press('Enter');
  }

  /**
   * Clicks Save and returns the confirmation the dialog showed. The confirmation stays up for
   * 1.5 s; on a loaded machine a poll from the test can take longer than that, so an observer in
   * the page (the dialog's shadow root is open) records what the dialog says as it says it.
   */
  async save(): Promise<string> {
    await this.page.evaluate(() => {
      const root = document.querySelector('closeloop-capture-dialog')?.shadowRoot;
      const seen: string[] = [];
      (window as unknown as { __closeloopSaid: string[] }).__closeloopSaid = seen;
      if (!root) return;
      const record = () => {
        for (const el of root.querySelectorAll('[role="status"], [role="alert"]')) {
          const text = (el.textContent ?? '').trim();
          if (text && seen.at(-1) !== text) seen.push(`${el.getAttribute('role')}:${text}`);
        }
      };
      new MutationObserver(record).observe(root, { subtree: true, childList: true, characterData: true });
    });
    await this.dialog().getByRole('button', { name: 'Save', exact: true }).click();
    return waitFor('the save confirmation', async () => {
      const said = await this.page.evaluate(() => (window as unknown as { __closeloopSaid?: string[] }).__closeloopSaid ?? []);
      const saved = said.find((line) => line.startsWith('status:Saved'));
      if (saved) return saved.slice('status:'.length);
      const problem = said.find((line) => line.startsWith('alert:'));
      if (problem) throw new Error(`the dialog says: ${problem.slice('alert:'.length)}`);
      return null;
    }, { timeoutMs: 30_000, intervalMs: 50 });
  }
}
