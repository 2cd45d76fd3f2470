import type { Page } from 'playwright-core';
import { chooseOption } from './cloudscape.js';

export interface PeeringRequest {
  readonly name?: string;
  /** The requester VPC, by id (the picker lists this account's VPCs in this region). */
  readonly requesterVpcId: string;
  /** Another account's id; omitted means "My account". */
  readonly accountId?: string;
  /** Another region; omitted means "This Region". */
  readonly region?: string;
  readonly accepterVpcId: string;
}

/** The guide's Create Peering Connection form and its confirmation dialog. */
export class CreatePeeringPage {
  constructor(private readonly page: Page) {}

  async fill(r: PeeringRequest): Promise<void> {
    await this.page.getByRole('heading', { name: 'Create peering connection', level: 1 }).waitFor();
    if (r.name !== undefined) await this.page.getByRole('textbox', { name: /^Name/ }).fill(r.name);
    await chooseOption(this.page, /VPC ID \(Requester\)/, new RegExp(r.requesterVpcId));
    if (r.accountId !== undefined) {
      await this.page.getByRole('radio', { name: 'Another account' }).check();
      await this.page.getByRole('textbox', { name: 'Account ID' }).fill(r.accountId);
    }
    if (r.region !== undefined) {
      await this.page.getByRole('radio', { name: 'Another Region' }).check();
      await chooseOption(this.page, /Accepter Region/, new RegExp(`\\b${r.region}\\b`));
    }
    if (r.accountId === undefined && r.region === undefined) {
      await chooseOption(this.page, /VPC ID \(Accepter\)/, new RegExp(r.accepterVpcId));
    } else {
      await this.page.getByRole('textbox', { name: 'VPC ID (Accepter)' }).fill(r.accepterVpcId);
    }
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create peering connection', exact: true }).click();
  }

  /** Fills, submits, reads the new id and status from the confirmation dialog, and chooses OK. */
  async create(r: PeeringRequest): Promise<{ id: string; status: string }> {
    await this.fill(r);
    await this.submit();
    return this.confirmation();
  }

  /** The confirmation dialog after Create: the new connection's id and status; then OK. */
  async confirmation(): Promise<{ id: string; status: string }> {
    const dialog = this.page.getByRole('dialog', { name: 'Create peering connection' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    const id = (text.match(/pcx-[0-9a-f]+/) ?? [''])[0];
    const status = (await dialog.getByTestId('status-label').innerText()).trim();
    await dialog.getByRole('button', { name: 'OK' }).click();
    return { id, status };
  }

  /** Validation messages shown under the fields, in page order. */
  async fieldErrors(): Promise<string[]> {
    const texts = await this.page.getByText(/^(Required\.|An AWS account ID is 12 digits\.|A VPC ID looks like .*|Choose a VPC\.|Choose a region\.)$/).allInnerTexts();
    return texts.map((t) => t.trim());
  }
}
