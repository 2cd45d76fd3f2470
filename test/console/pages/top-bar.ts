import type { Page } from 'playwright-core';

/** The top navigation: who (account) and where (region), always visible. */
export class TopBar {
  constructor(private readonly page: Page) {}

  private regionButton() {
    return this.page.getByRole('button', { name: /^Region [a-z0-9-]+: choose another region$/ });
  }

  private accountButton() {
    return this.page.getByRole('button', { name: /^Account \d{12}: switch account or sign out$/ });
  }

  async region(): Promise<string> {
    return (await this.regionButton().innerText()).trim();
  }

  async account(): Promise<string> {
    return (await this.accountButton().innerText()).replace(/^Account\s+/, '').trim();
  }

  async switchRegion(region: string): Promise<void> {
    await this.regionButton().click();
    await this.page.getByRole('menuitem', { name: new RegExp(`\\b${region}\\b`) }).click();
    await this.page.getByRole('button', { name: `Region ${region}: choose another region` }).waitFor();
  }

  /** The regions the selector offers, by code. */
  async regions(): Promise<string[]> {
    await this.regionButton().click();
    const items = await this.page.getByRole('menuitem').allInnerTexts();
    await this.regionButton().press('Escape');
    return items.map((t) => (t.match(/[a-z]{2}-[a-z]+-\d/) ?? [''])[0]).sort();
  }

  async signOut(): Promise<void> {
    await this.accountButton().click();
    await this.page.getByRole('menuitem', { name: 'Sign out' }).click();
    await this.page.getByRole('heading', { name: 'Sign in to the VPC console' }).waitFor();
  }

  async switchAccount(accountId: string): Promise<void> {
    await this.accountButton().click();
    await this.page.getByRole('menuitem', { name: 'Switch account' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Switch account' });
    await dialog.getByRole('textbox', { name: 'Account ID' }).fill(accountId);
    await dialog.getByRole('button', { name: 'Switch', exact: true }).click();
    await this.page.getByRole('button', { name: `Account ${accountId}: switch account or sign out` }).waitFor();
  }
}
