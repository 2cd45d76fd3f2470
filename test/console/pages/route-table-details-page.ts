import type { Page } from 'playwright-core';
import { rowCells } from './cloudscape.js';

export interface RouteRow {
  readonly destination: string;
  readonly target: string;
  readonly status: string;
  readonly propagated: string;
}

/** One route table: the guide's routes view (Destination, Target, Status, Propagated) and associations. */
export class RouteTableDetailsPage {
  constructor(private readonly page: Page) {}

  async waitFor(routeTableId: string): Promise<void> {
    await this.page.waitForURL(new RegExp(`/route-tables/${routeTableId}$`));
    await this.page.getByRole('tab', { name: 'Routes' }).waitFor();
  }

  async isMain(): Promise<boolean> {
    return (await this.page.getByRole('heading', { level: 1 }).locator('..').locator('..').getByText('Main', { exact: true }).count()) > 0;
  }

  async routes(): Promise<RouteRow[]> {
    await this.page.getByRole('tab', { name: 'Routes' }).click();
    const table = this.page.getByRole('tabpanel').getByRole('table');
    await table.waitFor();
    const rows = table.getByRole('row');
    const out: RouteRow[] = [];
    for (let i = 1; i < (await rows.count()); i++) {
      const c = await rowCells(table, rows.nth(i));
      if (c['Destination']) out.push({ destination: c['Destination'], target: c['Target'] ?? '', status: c['Status'] ?? '', propagated: c['Propagated'] ?? '' });
    }
    return out;
  }

  async route(destination: string): Promise<RouteRow | undefined> {
    return (await this.routes()).find((r) => r.destination === destination);
  }

  async editRoutes(): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit routes' }).first().click();
  }

  async editSubnetAssociations(): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit subnet associations' }).first().click();
  }

  /** Subnet associations tab: the explicitly associated subnet ids. */
  async explicitSubnets(): Promise<string[]> {
    await this.page.getByRole('tab', { name: 'Subnet associations' }).click();
    const table = this.page.getByRole('tabpanel').getByRole('table').first();
    await table.waitFor();
    const ids = await table.getByText(/^subnet-[0-9a-f]+$/).allInnerTexts();
    return ids.map((s) => s.trim()).sort();
  }
}
