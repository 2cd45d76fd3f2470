import type { Page } from 'playwright-core';

/** Edit subnet associations: which of the VPC's subnets use this route table explicitly. */
export class EditSubnetAssociationsPage {
  constructor(private readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByRole('heading', { name: /^Edit subnet associations: rtb-/, level: 1 }).waitFor();
    await this.page.getByText('Loading subnets').waitFor({ state: 'detached' });
  }

  async setAssociated(subnetId: string, associated: boolean): Promise<void> {
    await this.page.getByRole('checkbox', { name: subnetId }).setChecked(associated);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save associations' }).click();
    await this.page.waitForURL(/\/route-tables\/rtb-[0-9a-f]+$/);
  }
}
