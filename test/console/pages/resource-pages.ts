import type { Locator, Page } from 'playwright-core';
import { actionsButton, addFilterToken, chooseMenuItem, filledRows, keyValue, menuItemState, rowCells, selectRow } from './cloudscape.js';
import type { MenuItemState } from './cloudscape.js';
import type { Section } from './side-nav.js';
import { SideNav } from './side-nav.js';
import { TagsPanel } from './tags-panel.js';

/** What tells one resource family's pages apart: its place in the navigation and its words. */
export interface Family {
  readonly section: Section;
  /** The list's heading (h1). */
  readonly title: string;
  /** The list's loading text, gone once loaded. */
  readonly loading: string;
  readonly filterPlaceholder: string;
  /** The column that holds the id (or the address, for Elastic IPs). */
  readonly idColumn: string;
  /** The path of one resource's page, e.g. `/internet-gateways/`. */
  readonly base: string;
}

/**
 * The pages every new resource family has (list with the filter bar, details with a Tags tab,
 * the Actions menu and its confirmations), driven the same way for each.
 */
export class ResourcePages {
  readonly tags: TagsPanel;

  constructor(
    private readonly page: Page,
    private readonly family: Family,
  ) {
    this.tags = new TagsPanel(page);
  }

  async open(): Promise<void> {
    await new SideNav(this.page).open(this.family.section);
    await this.waitLoaded();
  }

  async waitLoaded(): Promise<void> {
    await this.page.getByRole('heading', { name: new RegExp(`^${this.family.title}`), level: 1 }).waitFor();
    await this.page.getByText(this.family.loading).waitFor({ state: 'detached' });
  }

  private table(): Locator {
    return this.page.getByRole('table');
  }

  /** Rows as shown (after the filter bar), keyed by column header. */
  async rows(): Promise<Record<string, string>[]> {
    await this.waitLoaded();
    // A renamed id column would make every list look empty: refuse rather than answer [].
    const headers = (await this.table().getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
    if (!headers.some((h) => h.startsWith(this.family.idColumn))) throw new Error(`no column ${this.family.idColumn} among ${headers.join(', ')}`);
    const rows = this.table().getByRole('row');
    const out: Record<string, string>[] = [];
    for (let i = 1; i < (await rows.count()); i++) {
      const cells = await rowCells(this.table(), rows.nth(i));
      if (cells[this.family.idColumn] && cells[this.family.idColumn] !== '-') out.push(cells);
    }
    return out;
  }

  async ids(): Promise<string[]> {
    return (await this.rows()).map((r) => r[this.family.idColumn] ?? '').sort();
  }

  async filter(text: string): Promise<void> {
    await addFilterToken(this.page.getByRole('combobox', { name: this.family.filterPlaceholder }), text);
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'Clear filters' }).first().click();
  }

  async select(id: string): Promise<void> {
    await selectRow(this.page, id);
  }

  /** Opens the Actions menu (list or details page) and picks an item. */
  async action(item: string): Promise<void> {
    await chooseMenuItem(this.page, actionsButton(this.page), item);
  }

  async actionState(item: string): Promise<MenuItemState> {
    return menuItemState(this.page, actionsButton(this.page), item);
  }

  /** Starts Create from the list: the button, then the form's heading. */
  async startCreate(label: string): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: label }).first().click();
    await this.page.getByRole('heading', { name: label, level: 1 }).waitFor();
  }

  /** Submits a create form and waits for the new resource's page; returns the id in its path. */
  async submitCreate(label: string): Promise<string> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
    await this.page.waitForURL(new RegExp(`${this.family.base}[a-z]+-[0-9a-f]+$`));
    const id = new URL(this.page.url()).pathname.split('/').pop() ?? '';
    await this.waitForDetails(id);
    return id;
  }

  async openDetails(id: string): Promise<void> {
    await this.page.goto(new URL(`${this.family.base}${id}`, this.page.url()).toString());
    await this.waitForDetails(id);
  }

  async waitForDetails(id: string): Promise<void> {
    await this.page.waitForURL(new RegExp(`${this.family.base}${id}$`));
    await this.page.getByRole('tab', { name: 'Tags' }).waitFor();
  }

  /** A value from the details panel. */
  async detail(label: string): Promise<string> {
    return keyValue(this.page, new RegExp(`^${label.replace(/[()]/g, '\\$&')}$`));
  }

  /** Waits until the details panel shows `value` for `label` (after a refresh the page does itself). */
  async waitForDetail(label: string, value: string): Promise<void> {
    for (let i = 0; i < 40; i++) {
      if ((await this.detail(label).catch(() => '')) === value) return;
      await this.page.getByRole('button', { name: 'Refresh' }).first().click();
      await this.page.waitForTimeout(250);
    }
    throw new Error(`${label} never became ${value} (is ${await this.detail(label)})`);
  }

  /** AWS's typed confirmation: "delete" in the field, then the dialog's button. */
  async confirmDelete(dialogHeader: string, button = 'Delete'): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: dialogHeader });
    await dialog.getByRole('textbox').fill('delete');
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Waits until no row of the list names `id` (a delete is shown once the list has reloaded). */
  async waitForRowGone(id: string): Promise<void> {
    await this.table().getByRole('row').filter({ hasText: id }).waitFor({ state: 'detached' });
  }

  /** A dialog without a typed confirmation (detach, release): its button. */
  async confirm(dialogHeader: string, button: string): Promise<void> {
    const dialog = this.page.getByRole('dialog', { name: dialogHeader });
    await dialog.getByRole('button', { name: button, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** The success notice at the top of the page. */
  async notice(): Promise<string> {
    return (await this.page.locator('[data-testid="flashbar"], [class*="flashbar"]').first().innerText().catch(() => '')).trim();
  }

  /** The rows of a tab's table on the details page, keyed by column header. */
  async tabRows(tab: string): Promise<Record<string, string>[]> {
    await this.page.getByRole('tab', { name: tab, exact: true }).click();
    return filledRows(this.page.getByRole('tabpanel').getByRole('table').first());
  }

  async serverError(): Promise<string> {
    return (await this.page.getByTestId('api-error').first().innerText()).trim();
  }
}
