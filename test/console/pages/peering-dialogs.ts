import type { Locator, Page } from 'playwright-core';

/** The guide's dialogs around Accept, Reject and Delete. */
export class PeeringDialogs {
  constructor(private readonly page: Page) {}

  private dialog(title: string): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  acceptDialog(): Locator {
    return this.dialog('Accept VPC peering connection request');
  }

  /** The requesting account named by the peer-phishing warning inside the accept dialog. */
  async acceptDialogPhishingAccount(): Promise<string | undefined> {
    const marker = this.acceptDialog().getByTestId('phishing-account');
    if ((await marker.count()) === 0) return undefined;
    return ((await marker.innerText()).match(/\d{12}/) ?? [])[0];
  }

  async yesAccept(): Promise<void> {
    await this.acceptDialog().getByRole('button', { name: 'Yes, Accept' }).click();
    await this.dialog('VPC peering connection established').waitFor();
  }

  /** The second dialog after accepting: go to the route tables now. */
  async modifyMyRouteTablesNow(): Promise<void> {
    await this.dialog('VPC peering connection established').getByRole('button', { name: 'Modify my route tables now' }).click();
  }

  async closeEstablished(): Promise<void> {
    await this.dialog('VPC peering connection established').getByRole('button', { name: 'Close', exact: true }).click();
  }

  async yesReject(): Promise<void> {
    const d = this.dialog('Reject VPC peering connection request');
    await d.getByRole('button', { name: 'Yes, Reject' }).click();
    await d.waitFor({ state: 'detached' });
  }

  async confirmDelete(): Promise<void> {
    const d = this.dialog('Delete VPC peering connection');
    await d.getByRole('textbox').fill('delete');
    await d.getByRole('button', { name: 'Delete', exact: true }).click();
    await d.waitFor({ state: 'detached' });
  }

  /** Edit DNS settings: sets the DNS resolution option of the sides named (the others stay). */
  async editDns(options: { requester?: boolean; accepter?: boolean }): Promise<void> {
    const d = this.dialog('Edit DNS settings');
    if (options.requester !== undefined) await d.getByRole('checkbox', { name: /resolve DNS of hosts in requester VPC/ }).setChecked(options.requester);
    if (options.accepter !== undefined) await d.getByRole('checkbox', { name: /resolve DNS of hosts in accepter VPC/ }).setChecked(options.accepter);
    await d.getByRole('button', { name: 'Save changes' }).click();
    await d.waitFor({ state: 'detached' });
  }

  /** The AWS error text a dialog shows when the server refuses. */
  async errorIn(title: string): Promise<string> {
    return (await this.dialog(title).getByTestId('api-error').first().innerText()).trim();
  }
}
