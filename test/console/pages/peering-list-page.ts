import type { Locator, Page } from 'playwright-core';
import type { MenuItemState } from './cloudscape.js';
import { actionsButton, addFilterToken, chooseMenuItem, menuItemState, rowCells, selectRow } from './cloudscape.js';
import { SideNav } from './side-nav.js';

export type PeeringAction = 'Accept request' | 'Reject request' | 'Edit DNS settings' | 'Delete peering connection' | 'Analyze reachability';

/** How long a row may take to settle: the list polls transitional statuses, slower on a loaded machine. */
const STATUS_TIMEOUT_MS = 30_000;

/** Peering connections: the table, its filter bar, selection and the Actions menu. */
export class PeeringListPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new SideNav(this.page).open('Peering connections');
    await this.table().waitFor();
    await this.waitLoaded();
  }

  private table(): Locator {
    return this.page.getByRole('table');
  }

  private async waitLoaded(): Promise<void> {
    await this.page.getByText('Loading peering connections').waitFor({ state: 'detached' });
  }

  row(id: string): Locator {
    return this.table().getByRole('row').filter({ hasText: id });
  }

  /** Every column of a connection's row, by header. */
  async cells(id: string): Promise<Record<string, string>> {
    await this.row(id).waitFor();
    return rowCells(this.table(), this.row(id));
  }

  async status(id: string): Promise<string> {
    return (await this.cells(id))['Status'] ?? '';
  }

  /** Waits until the connection's row shows the status (the list refreshes itself while settling). */
  async waitForStatus(id: string, status: string): Promise<void> {
    await this.row(id).getByText(status, { exact: true }).waitFor({ timeout: STATUS_TIMEOUT_MS });
  }

  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh' }).click();
  }

  async select(id: string): Promise<void> {
    await selectRow(this.page, id);
  }

  async actionState(action: PeeringAction): Promise<MenuItemState> {
    return menuItemState(this.page, actionsButton(this.page), action);
  }

  async chooseAction(action: PeeringAction): Promise<void> {
    await chooseMenuItem(this.page, actionsButton(this.page), action);
  }

  async startCreate(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create peering connection' }).first().click();
  }

  async openDetails(id: string): Promise<void> {
    await this.row(id).getByRole('link', { name: id }).click();
  }

  /** The ids in the table as filtered and paged now. */
  async visibleIds(): Promise<string[]> {
    await this.waitLoaded();
    const texts = await this.table().getByRole('link', { name: /^pcx-/ }).allInnerTexts();
    return texts.map((t) => t.trim()).sort();
  }

  private filterInput(): Locator {
    return this.page.getByRole('combobox', { name: 'Filter peering connections' });
  }

  /** Adds a filter token as typed text, e.g. "Status = Active", "VPC ID = vpc-…", or free text. */
  async filter(text: string): Promise<void> {
    await addFilterToken(this.filterInput(), text);
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).first().click();
  }

  /** The "N matches" count next to the filter bar. */
  async matchCount(): Promise<string> {
    return (await this.page.getByText(/^\d+ match(es)?$/).first().innerText()).trim();
  }

  /** The peer-phishing warning, if shown: its requesting account. */
  async phishingAccount(): Promise<string | undefined> {
    const warning = this.page.getByRole('alert').filter({ hasText: 'Peer phishing warning' }).or(this.page.locator('[data-testid="phishing-account"]'));
    if ((await warning.count()) === 0) return undefined;
    return ((await this.page.getByTestId('phishing-account').first().innerText()).match(/\d{12}/) ?? [])[0];
  }
}
