import type { Page } from 'playwright-core';
import { chooseFrom } from './cloudscape.js';

/** The network part of "Create network interface" and "Launch instance": subnet, private IPv4 address, security groups. */
export class NetworkForm {
  constructor(private readonly page: Page) {}

  async fill(n: { subnetId: string; privateIp?: string; groups?: readonly string[] }): Promise<void> {
    await chooseFrom(this.page, this.page.getByRole('button', { name: /^Subnet/ }), new RegExp(`^${n.subnetId}`));
    if (n.privateIp) {
      await this.page.getByRole('radio', { name: 'Custom' }).check();
      await this.page.getByRole('textbox', { name: 'IPv4 address' }).fill(n.privateIp);
    }
    for (const g of n.groups ?? []) {
      const trigger = this.page.getByRole('button', { name: /^Security groups/ });
      await trigger.click();
      await this.page.getByRole('option', { name: new RegExp(`^${g}`) }).first().click();
      await this.page.keyboard.press('Escape');
    }
  }

  async setText(label: string | RegExp, value: string): Promise<void> {
    await this.page.getByRole('textbox', { name: label }).fill(value);
  }
}
