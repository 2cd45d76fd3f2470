import type { Page } from 'playwright-core';
import type { MenuItemState } from './cloudscape.js';
import { actionsButton, chooseMenuItem, keyValue, menuItemState, rowCells } from './cloudscape.js';
import { TagsPanel } from './tags-panel.js';
import type { PeeringAction } from './peering-list-page.js';

/**
 * How long a status may take to show: the page reads a transitional status again until it settles,
 * and on a loaded machine that (and the first read) can take well beyond the 15 s default.
 */
const STATUS_TIMEOUT_MS = 30_000;

/** One connection: its status (and message), both sides, DNS, route tables, tags. */
export class PeeringDetailsPage {
  readonly tags: TagsPanel;

  constructor(private readonly page: Page) {
    this.tags = new TagsPanel(page);
  }

  async waitFor(id: string): Promise<void> {
    await this.page.waitForURL(new RegExp(`/peering-connections/${id}$`));
    await this.page.getByTestId('peering-status').waitFor({ timeout: STATUS_TIMEOUT_MS });
  }

  async status(): Promise<string> {
    return (await this.page.getByTestId('peering-status').getByTestId('status-label').innerText()).trim();
  }

  /** Waits (auto-retrying, not one read) until the status shows; a timeout says what showed instead. */
  async waitForStatus(status: string): Promise<void> {
    const label = this.page.getByTestId('peering-status').getByTestId('status-label');
    try {
      await label.getByText(status, { exact: true }).waitFor({ timeout: STATUS_TIMEOUT_MS });
    } catch (e) {
      const shown = await label.innerText({ timeout: 1000 }).catch(() => '(no status shown)');
      throw new Error(`status "${status}" not shown within ${STATUS_TIMEOUT_MS} ms; shown: "${shown.trim()}"`, { cause: e });
    }
  }

  async statusMessage(): Promise<string> {
    return (await this.page.getByTestId('status-message').innerText()).trim();
  }

  /** The page title: the connection's Name tag (as this account sees it), or its id. */
  async title(): Promise<string> {
    return (await this.page.getByRole('heading', { level: 1 }).innerText()).trim();
  }

  async actionState(action: PeeringAction): Promise<MenuItemState> {
    return menuItemState(this.page, actionsButton(this.page), action);
  }

  async chooseAction(action: PeeringAction): Promise<void> {
    await chooseMenuItem(this.page, actionsButton(this.page), action);
  }

  /** The inter-region hint: where the request must be accepted, if shown. */
  async acceptElsewhereRegion(): Promise<string | undefined> {
    const button = this.page.getByRole('button', { name: /^Switch to [a-z0-9-]+$/ });
    if ((await button.count()) === 0) return undefined;
    return (await button.innerText()).replace('Switch to ', '').trim();
  }

  async switchToAcceptingRegion(): Promise<void> {
    await this.page.getByRole('button', { name: /^Switch to [a-z0-9-]+$/ }).click();
  }

  async phishingAccount(): Promise<string | undefined> {
    const marker = this.page.getByTestId('phishing-account');
    if ((await marker.count()) === 0) return undefined;
    return ((await marker.first().innerText()).match(/\d{12}/) ?? [])[0];
  }

  async openTab(name: 'Details' | 'DNS settings' | 'Route tables' | 'Tags'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  /** DNS settings tab: each side's DNS resolution setting, by the option's wording. */
  async dnsSettings(): Promise<{ requester: string; accepter: string }> {
    await this.openTab('DNS settings');
    const panel = this.page.getByRole('tabpanel');
    await panel.getByRole('term').first().waitFor();
    return {
      requester: await keyValue(panel, /resolve DNS of hosts in requester VPC/),
      accepter: await keyValue(panel, /resolve DNS of hosts in accepter VPC/),
    };
  }

  /** Route tables tab: each route through this connection with its state. */
  async routes(): Promise<Record<string, string>[]> {
    await this.openTab('Route tables');
    const panel = this.page.getByRole('tabpanel');
    const table = panel.getByRole('table');
    await table.waitFor();
    await panel.getByText('Loading route tables').waitFor({ state: 'detached' });
    const rows = table.getByRole('row');
    const out: Record<string, string>[] = [];
    for (let i = 1; i < (await rows.count()); i++) {
      const cells = await rowCells(table, rows.nth(i));
      if (cells['Destination']) out.push(cells);
    }
    return out;
  }
}
