/**
 * @module The popup, opened as a page at its natural 400x600 size, as a person drives it: the
 * Inbox and Actions, the Huddle, the Change board, Initiatives and People. Everything is found by
 * role and name; live views update by themselves, so readers poll rather than reload.
 */
import type { Locator, Page } from 'playwright-core';
import { waitFor } from '../../integration/helpers/wait-for';
import type { Profile } from './browser';

export type PopupTab = 'Inbox' | 'Actions' | 'Huddle' | 'Board' | 'Initiatives' | 'People';
export type HuddleSection = 'Escalations' | 'New since last huddle' | 'Overdue' | 'Blocked' | 'Due this week' | 'Done since last huddle';

export interface Acceptance {
  /** The owner's name as the members list shows it. */
  owner: string;
  /** YYYY-MM-DD. */
  due: string;
  /** A new initiative by title, or an existing one by its "CX-1 Title" label. */
  newInitiative?: string;
  initiative?: string;
}

export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(profile: Profile, hash = ''): Promise<PopupPage> {
    const page = await profile.context.newPage();
    await page.setViewportSize({ width: 400, height: 600 });
    await page.goto(`chrome-extension://${profile.extensionId}/popup.html${hash}`);
    await page.getByRole('tab', { name: 'Inbox' }).waitFor();
    return new PopupPage(page);
  }

  tab(name: PopupTab): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async showActions(view: 'Mine' | 'All' | 'Overdue' | 'Quick wins'): Promise<void> {
    await this.tab('Actions').click();
    await this.page.getByRole('tab', { name: view, exact: true }).click();
  }

  /**
   * Waits until `text` is on screen (the hub pushes changes; nothing to reload). Only visible
   * matches count: tabs visited before stay mounted, hidden, and may hold the same words.
   */
  async waitForText(text: string | RegExp, timeoutMs = 60_000): Promise<void> {
    await this.page.getByText(text).filter({ visible: true }).first().waitFor({ timeout: timeoutMs });
  }

  /** A form control by its exact label ("Owner", "Status", "Due date", ...). */
  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async openAction(title: string): Promise<string> {
    await this.page.getByText(title, { exact: true }).first().click();
    await this.field('Owner').waitFor();
    return this.routeId('action');
  }

  // ---------------------------------------------------------------- huddle

  async openHuddle(): Promise<void> {
    await this.tab('Huddle').click();
    await this.huddleSection('Escalations').waitFor();
  }

  huddleSection(name: HuddleSection): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  /** The count in a section's heading (the full number, even when only the first rows are listed). */
  async sectionCount(name: HuddleSection): Promise<number> {
    const heading = await this.huddleSection(name).getByRole('heading').textContent();
    return Number(heading?.replace(name, '').trim());
  }

  /** The rows of a section; filter with `{ hasText }` to find one. */
  sectionRows(name: HuddleSection): Locator {
    return this.huddleSection(name).getByRole('listitem');
  }

  async startHuddle(): Promise<void> {
    await this.page.getByRole('button', { name: 'Start huddle' }).click();
    await this.page.getByRole('button', { name: 'End huddle' }).waitFor();
  }

  async endHuddle(): Promise<void> {
    await this.page.getByRole('button', { name: 'End huddle' }).click();
    await this.page.getByRole('button', { name: 'Start huddle' }).waitFor();
  }

  /** Turns a tag theme's escalation into a proposal; it opens, and its id is returned. */
  async proposeEscalation(theme: string): Promise<string> {
    await this.page.getByRole('button', { name: `Propose “${theme}” to the change board` }).click();
    await this.page.getByRole('heading', { name: 'Proposal', exact: true }).waitFor();
    return this.routeId('action');
  }

  // ---------------------------------------------------------------- change board

  async openBoard(part: 'Proposals' | 'Your ranking' | 'Decisions' = 'Proposals'): Promise<void> {
    await this.tab('Board').click();
    await this.boardPart(part).click();
  }

  boardPart(part: 'Proposals' | 'Your ranking' | 'Decisions'): Locator {
    return this.page.getByRole('tablist', { name: 'Change board' }).getByRole('tab', { name: new RegExp(`^${part}`) });
  }

  /** A proposal's card on the board, by title. */
  proposal(title: string): Locator {
    return this.page.getByRole('list', { name: 'Proposals by score' }).getByRole('listitem').filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
  }

  /** Sets my ranking to exactly these proposals, first choice first (others are left unranked). */
  async rank(titles: string[]): Promise<void> {
    await this.openBoard('Your ranking');
    const ranking = this.page.getByRole('list', { name: 'Your ranking' });
    const ranked = async (): Promise<string[]> => ((await ranking.count()) === 0 ? [] : ranking.locator('.pp-rank-title').allTextContents());
    for (const title of await ranked()) {
      if (!titles.includes(title)) await this.page.getByRole('button', { name: `Take ${title} out of your ranking` }).click();
    }
    for (const title of titles) {
      const add = this.page.getByRole('button', { name: `Rank ${title}`, exact: true });
      if (await add.count()) await add.click();
    }
    for (let i = 0; i < titles.length; i++) {
      const title = titles[i]!;
      await waitFor(`"${title}" to be ranked`, async () => (await ranked()).includes(title));
      while ((await ranked()).indexOf(title) > i) {
        const at = (await ranked()).indexOf(title);
        await this.page.getByRole('button', { name: `Move ${title} up` }).click();
        await waitFor(`"${title}" to move up`, async () => (await ranked()).indexOf(title) === at - 1);
      }
    }
  }

  async startBoard(): Promise<void> {
    await this.tab('Board').click();
    await this.page.getByRole('button', { name: 'Start board meeting' }).click();
    await this.page.getByRole('button', { name: 'End board meeting' }).waitFor();
  }

  /** Ends the board meeting (with this next date, or the default one cadence ahead); returns the notice. */
  async endBoard(nextBoardDate?: string): Promise<string> {
    await this.tab('Board').click();
    await this.page.getByRole('button', { name: 'End board meeting' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'End the board meeting' });
    if (nextBoardDate) await dialog.getByLabel('Next change board').fill(nextBoardDate);
    await dialog.getByRole('button', { name: 'End board meeting' }).click();
    const notice = this.page.getByText(/^Board meeting ended\. Next change board: /);
    await notice.waitFor();
    return (await notice.textContent())!;
  }

  async accept(title: string, acceptance: Acceptance): Promise<void> {
    await this.openBoard('Proposals');
    await this.page.getByRole('button', { name: `Accept ${title}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Accept the proposal' });
    await dialog.getByLabel('Owner', { exact: true }).selectOption({ label: acceptance.owner });
    await dialog.getByLabel('Due date', { exact: true }).fill(acceptance.due);
    if (acceptance.newInitiative) {
      await dialog.getByLabel('Initiative', { exact: true }).selectOption({ label: 'New initiative…' });
      await dialog.getByLabel('New initiative title').fill(acceptance.newInitiative);
    } else if (acceptance.initiative) {
      await dialog.getByLabel('Initiative', { exact: true }).selectOption({ label: acceptance.initiative });
    }
    await dialog.getByRole('button', { name: 'Accept', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  async decline(title: string, reason: string): Promise<void> {
    await this.openBoard('Proposals');
    await this.page.getByRole('button', { name: `Decline ${title}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Decline the proposal' });
    await dialog.getByLabel('Reason').fill(reason);
    await dialog.getByRole('button', { name: 'Decline', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Opens a proposal (decided or not) from the board's lists or any list showing its title. */
  async openProposal(title: string): Promise<string> {
    await this.page.getByRole('button', { name: title, exact: true }).first().click();
    await this.page.getByRole('textbox', { name: 'Title', exact: true }).waitFor();
    return this.routeId('action');
  }

  /** On an action's page: the change board's decision, as "Accepted" or "Declined", and the reason. */
  async decision(): Promise<{ outcome: string; reason: string | null }> {
    const region = this.page.getByRole('region', { name: 'Change board decision' });
    await region.waitFor();
    const outcome = (await region.locator('.pp-decision-line strong').textContent())!;
    const reason = region.locator('.pp-decision-reason');
    return { outcome, reason: (await reason.count()) ? await reason.textContent() : null };
  }

  // ---------------------------------------------------------------- initiatives and people

  async openInitiatives(): Promise<void> {
    await this.tab('Initiatives').click();
    await this.page.getByRole('heading', { name: 'Transformation map' }).waitFor();
  }

  /** An initiative's card on the transformation map, by title. */
  initiative(title: string): Locator {
    return this.page.locator('.pp-initiative').filter({ has: this.page.getByRole('button', { name: title, exact: true }) });
  }

  /** The progress of an initiative in words, as read out: "0 of 1 done", "2 of 5 done, 1 overdue". */
  async initiativeProgress(title: string): Promise<string> {
    await this.initiative(title).waitFor();
    return (await this.initiative(title).getByRole('progressbar').getAttribute('aria-valuetext'))!;
  }

  async openInitiative(title: string): Promise<string> {
    await this.initiative(title).getByRole('button', { name: title, exact: true }).click();
    await this.page.getByRole('heading', { name: new RegExp(`^CX-\\d+ ${escape(title)}$`) }).waitFor();
    return this.routeId('initiative');
  }

  async openPeople(): Promise<void> {
    await this.tab('People').click();
    await this.page.getByRole('list', { name: 'People' }).waitFor();
  }

  /** Opens one member's list from People (the Actions tab, filtered to them). */
  async openOwnerList(name: string): Promise<void> {
    await this.openPeople();
    await this.page.getByRole('list', { name: 'People' }).getByRole('button', { name: new RegExp(`^${escape(name)}`) }).click();
    await this.page.getByRole('heading', { name: `${name}’s actions` }).waitFor();
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }

  private routeId(kind: 'action' | 'initiative'): Promise<string> {
    return waitFor(`the ${kind} route`, () => new RegExp(`#${kind}/(${kind === 'action' ? 'act' : 'ini'}_[0-9a-z]+)`).exec(this.page.url())?.[1]);
  }
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
