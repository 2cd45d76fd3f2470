import type { Locator, Page } from 'playwright-core';
import { actionsButton, addFilterToken, chooseMenuItem, chooseOption, rowCells, selectRow } from './cloudscape.js';
import { SideNav } from './side-nav.js';

/** Route tables: the list (VPC, main or not, associations) and its Actions. */
export class RouteTablesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new SideNav(this.page).open('Route tables');
    await this.waitLoaded();
  }

  async waitLoaded(): Promise<void> {
    await this.page.getByRole('heading', { name: /^Route tables/, level: 1 }).waitFor();
    await this.page.getByText('Loading route tables').waitFor({ state: 'detached' });
  }

  private table(): Locator {
    return this.page.getByRole('table');
  }

  /** Rows as shown (after the filter bar), keyed by column header. */
  async rows(): Promise<Record<string, string>[]> {
    await this.waitLoaded();
    const rows = this.table().getByRole('row');
    const out: Record<string, string>[] = [];
    for (let i = 1; i < (await rows.count()); i++) {
      const cells = await rowCells(this.table(), rows.nth(i));
      if (cells['Route table ID']?.startsWith('rtb-')) out.push(cells);
    }
    return out;
  }

  /** The filter tokens present, as their visible text. */
  async filterTokens(): Promise<string[]> {
    const tokens = await this.page.getByRole('group', { name: /filter/i }).allInnerTexts().catch(() => []);
    return tokens;
  }

  async filter(text: string): Promise<void> {
    await addFilterToken(this.page.getByRole('combobox', { name: 'Filter route tables' }), text);
  }

  async mainTableOf(vpcId: string): Promise<string> {
    const row = (await this.rows()).find((r) => r['VPC'] === vpcId && r['Main'] === 'Main');
    if (!row) throw new Error(`no main route table of ${vpcId} in the list`);
    return row['Route table ID'] ?? '';
  }

  async select(routeTableId: string): Promise<void> {
    await selectRow(this.page, routeTableId);
  }

  async chooseAction(action: 'Edit routes' | 'Edit subnet associations' | 'Delete route table'): Promise<void> {
    await chooseMenuItem(this.page, actionsButton(this.page), action);
  }

  async openDetails(routeTableId: string): Promise<void> {
    await this.table().getByRole('link', { name: routeTableId }).click();
  }

  /** Create route table: a Name and a VPC; lands on the new table's page and returns its id. */
  async create(name: string, vpcId: string): Promise<string> {
    await this.open();
    await this.page.getByRole('button', { name: 'Create route table' }).click();
    await this.page.getByRole('heading', { name: 'Create route table', level: 1 }).waitFor();
    await this.page.getByRole('textbox', { name: /^Name/ }).fill(name);
    await chooseOption(this.page, /^VPC/, new RegExp(vpcId));
    await this.page.getByRole('button', { name: 'Create route table', exact: true }).click();
    await this.page.waitForURL(/\/route-tables\/rtb-[0-9a-f]+$/);
    return new URL(this.page.url()).pathname.split('/').pop() ?? '';
  }
}
