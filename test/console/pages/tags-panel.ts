import type { Page } from 'playwright-core';
import { rowCells } from './cloudscape.js';

/** A details page's Tags tab: this account's tags on the resource, and Manage tags. */
export class TagsPanel {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Tags' }).click();
  }

  async read(): Promise<Record<string, string>> {
    await this.open();
    const table = this.page.getByRole('tabpanel').getByRole('table');
    await table.waitFor();
    const rows = table.getByRole('row');
    const out: Record<string, string> = {};
    for (let i = 1; i < (await rows.count()); i++) {
      const cells = await rowCells(table, rows.nth(i));
      if (cells['Key']) out[cells['Key']] = cells['Value'] ?? '';
    }
    return out;
  }

  async add(key: string, value: string): Promise<void> {
    await this.open();
    await this.page.getByRole('tabpanel').getByRole('button', { name: 'Manage tags' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Manage tags' });
    await dialog.getByRole('button', { name: 'Add new tag' }).click();
    await dialog.getByRole('combobox', { name: 'Key' }).last().fill(key);
    await dialog.getByRole('combobox', { name: 'Value' }).last().fill(value);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'detached' });
    await this.page.getByRole('tabpanel').getByRole('cell', { name: value, exact: true }).waitFor();
  }
}
