import type { Locator, Page } from 'playwright-core';
import { filledRows, keyValue } from './cloudscape.js';

/** The split panel under a list: the selected resource's details and tabs, without leaving the list. */
export class SplitPanel {
  constructor(private readonly page: Page) {}

  /** What the panel shows (its content region, below the header). */
  body(): Locator {
    return this.page.getByTestId('split-panel-body');
  }

  /** Waits until the header (`<id> / <name>`, "Select a …" or "N … selected") reads `text`: the panel follows the selection. */
  async waitForHeader(text: string): Promise<void> {
    const region = this.page.getByRole('region', { name: text, exact: true });
    await region.getByTestId('split-panel-body').waitFor();
  }

  /** Cloudscape draws a second, hidden row of tab headers when they overflow: only the shown ones count. */
  private tab(name?: string): Locator {
    return this.body().getByRole('tab', name === undefined ? {} : { name, exact: true }).filter({ visible: true });
  }

  async tabs(): Promise<string[]> {
    const tabs = this.tab();
    await tabs.first().waitFor();
    return (await tabs.allInnerTexts()).map((t) => t.trim());
  }

  async openTab(name: string): Promise<void> {
    await this.tab(name).click();
  }

  /** A value on the Details tab. */
  async detail(label: string): Promise<string> {
    await this.openTab('Details');
    return keyValue(this.body(), new RegExp(`^${label}$`));
  }

  /** The rows of a tab's (first) table, keyed by column header. */
  async tabRows(tab: string): Promise<Record<string, string>[]> {
    await this.openTab(tab);
    return filledRows(this.body().getByRole('tabpanel').getByRole('table').first());
  }

  /** Waits until a tab's table has a cell reading `text` (after a change, the panel reads again). */
  async waitForCell(tab: string, text: string): Promise<void> {
    await this.openTab(tab);
    await this.body().getByRole('tabpanel').getByRole('cell', { name: text, exact: true }).waitFor();
  }

  async text(): Promise<string> {
    return (await this.body().innerText()).trim();
  }
}
