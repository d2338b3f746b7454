/** @module The popup, opened as a page at its natural 400x600 size, as a person drives it. */
import type { Locator, Page } from 'playwright-core';
import { waitFor } from '../../integration/helpers/wait-for';
import type { Profile } from './browser';

export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(profile: Profile, hash = ''): Promise<PopupPage> {
    const page = await profile.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${profile.extensionId}/popup.html${hash}`);
    await page.getByRole('tab', { name: 'Inbox' }).waitFor();
    return new PopupPage(page);
  }

  tab(name: 'Inbox' | 'Actions'): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async showActions(view: 'Mine' | 'All' | 'Overdue' | 'Quick wins'): Promise<void> {
    await this.tab('Actions').click();
    await this.page.getByRole('tab', { name: view, exact: true }).click();
  }

  /** Waits until `text` is on screen (the hub pushes changes; nothing to reload). */
  async waitForText(text: string | RegExp, timeoutMs = 60_000): Promise<void> {
    await this.page.getByText(text).first().waitFor({ timeout: timeoutMs });
  }

  /** A form control by its exact label ("Owner", "Status", "Due date", ...). */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async openAction(title: string): Promise<string> {
    await this.page.getByText(title, { exact: true }).first().click();
    await this.field('Owner').waitFor();
    return waitFor('the action route', () => /#action\/(act_[0-9a-z]+)/.exec(this.page.url())?.[1]);
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
