import type { Locator, Page } from 'playwright-core';
import { PeeringDialogs } from './peering-dialogs.js';
import { SideNav } from './side-nav.js';

/** The VPC dashboard: resource counts, requests awaiting acceptance, connections expiring soon. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new SideNav(this.page).open('VPC dashboard');
    await this.waitLoaded();
  }

  async waitLoaded(): Promise<void> {
    await this.page.getByRole('heading', { name: 'VPC dashboard', level: 1 }).waitFor();
    await this.page.getByTestId('dashboard-counts').waitFor();
  }

  /** Every count, by kind (the list path without its slash: vpcs, subnets, peering-connections...). */
  async counts(): Promise<Record<string, number>> {
    const tiles = this.page.getByTestId('dashboard-counts').locator('[data-testid^="count-"]');
    const out: Record<string, number> = {};
    for (let i = 0; i < (await tiles.count()); i++) {
      const tile = tiles.nth(i);
      const key = ((await tile.getAttribute('data-testid')) ?? '').replace(/^count-/, '');
      out[key] = Number((await tile.getByRole('link').innerText()).trim());
    }
    return out;
  }

  /** Follows a count's link to its list. */
  async openCount(kind: string): Promise<void> {
    await this.page.getByTestId(`count-${kind}`).getByRole('link').click();
  }

  private table(testId: 'dashboard-pending' | 'dashboard-expiring'): Locator {
    return this.page.getByTestId(testId).getByRole('table');
  }

  /** The rows of a panel, each as cells by column header. */
  private async rows(testId: 'dashboard-pending' | 'dashboard-expiring'): Promise<Record<string, string>[]> {
    const table = this.table(testId);
    const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
    const rows = table.locator('tbody tr');
    const out: Record<string, string>[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = await rows.nth(i).locator('td, th').allInnerTexts();
      // An empty table has one row: the empty state.
      if (cells.length !== headers.length) continue;
      out.push(Object.fromEntries(headers.map((h, j) => [h, (cells[j] ?? '').trim()])));
    }
    return out;
  }

  /** Requests awaiting this account's acceptance, in the order shown. */
  async pending(): Promise<Record<string, string>[]> {
    return this.rows('dashboard-pending');
  }

  /** Connections expiring soon, in the order shown. */
  async expiring(): Promise<Record<string, string>[]> {
    return this.rows('dashboard-expiring');
  }

  /** Accepts a request from its row: the accept dialog, Yes, Accept, then Close. */
  async accept(id: string): Promise<PeeringDialogs> {
    await this.page.getByRole('button', { name: `Accept request ${id}` }).click();
    return new PeeringDialogs(this.page);
  }

  /** Waits until a request is no longer listed as awaiting acceptance. */
  async waitUntilNotPending(id: string): Promise<void> {
    await this.page.getByTestId('dashboard-pending').getByRole('link', { name: id, exact: true }).waitFor({ state: 'detached' });
  }
}
