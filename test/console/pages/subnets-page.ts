import type { Page } from 'playwright-core';
import { chooseOption } from './cloudscape.js';
import { SideNav } from './side-nav.js';

export class SubnetsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new SideNav(this.page).open('Subnets');
    await this.page.getByRole('heading', { name: /^Subnets/, level: 1 }).waitFor();
  }

  /** Creates a subnet through the form; lands on its VPC's details page. */
  async create(s: { vpcId: string; cidr: string; name: string }): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: 'Create subnet' }).first().click();
    await this.page.getByRole('heading', { name: 'Create subnet', level: 1 }).waitFor();
    await chooseOption(this.page, /^VPC/, new RegExp(s.vpcId));
    await this.page.getByRole('textbox', { name: /^Name/ }).fill(s.name);
    await this.page.getByRole('textbox', { name: 'IPv4 CIDR' }).fill(s.cidr);
    await this.page.getByRole('button', { name: 'Create subnet', exact: true }).click();
    await this.page.waitForURL(new RegExp(`/vpcs/${s.vpcId}$`));
  }
}
