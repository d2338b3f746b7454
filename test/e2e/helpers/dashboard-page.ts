/** @module The dashboard and report pages as a person drives them: charts by name, their tables, the export form. */
import type { Locator, Page } from 'playwright-core';

export const CHARTS = [
  'Captures per week', 'Tags rising and falling', 'Topics rising and falling', 'Loop speed',
  'Closure rate by month', 'Overdue actions over time', 'Reply rate', 'By owner',
] as const;

export class DashboardPage {
  constructor(readonly page: Page) {}

  async waitForCharts(): Promise<void> {
    for (const name of CHARTS) await this.chart(name).waitFor({ timeout: 60_000 });
  }

  /** A chart's figure, found by its title. */
  chart(name: (typeof CHARTS)[number]): Locator {
    return this.page.getByRole('figure', { name, exact: true });
  }

  /** The picture inside a chart: an SVG image whose accessible name starts with what it shows. */
  picture(name: (typeof CHARTS)[number]): Locator {
    return this.chart(name).getByRole('img');
  }

  async showTable(name: (typeof CHARTS)[number]): Promise<string[][]> {
    await this.chart(name).getByRole('button', { name: 'Show as table' }).click();
    const table = this.chart(name).getByRole('table');
    await table.waitFor();
    return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())));
  }

  async choose(label: 'Period' | 'Site' | 'Channel' | 'Tag', option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }
}
