import type { Page } from 'playwright-core';
import { actionsButton, chooseMenuItem, keyValue, rowCells } from './cloudscape.js';
import { SideNav } from './side-nav.js';

export interface NewVpc {
  readonly name: string;
  readonly cidr: string;
  readonly ipv6?: boolean;
}

/** Your VPCs: the list, Create VPC, and a VPC's details, CIDRs and settings. */
export class VpcsPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new SideNav(this.page).open('Your VPCs');
    await this.waitLoaded();
  }

  async waitLoaded(): Promise<void> {
    await this.page.getByRole('heading', { name: /^Your VPCs/, level: 1 }).waitFor();
    await this.page.getByText('Loading VPCs').waitFor({ state: 'detached' });
  }

  /** Creates a VPC through the form; returns its id (the details page it lands on). */
  async create(v: NewVpc): Promise<string> {
    await this.startCreate();
    await this.fillCreate(v);
    await this.page.getByRole('button', { name: 'Create VPC', exact: true }).click();
    await this.page.waitForURL(/\/vpcs\/vpc-[0-9a-f]+$/);
    return new URL(this.page.url()).pathname.split('/').pop() ?? '';
  }

  async startCreate(): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: 'Create VPC' }).first().click();
  }

  async fillCreate(v: NewVpc): Promise<void> {
    await this.page.getByRole('heading', { name: 'Create VPC', level: 1 }).waitFor();
    await this.page.getByRole('textbox', { name: /^Name tag/ }).fill(v.name);
    await this.page.getByRole('textbox', { name: 'IPv4 CIDR' }).fill(v.cidr);
    if (v.ipv6) await this.page.getByRole('radio', { name: 'Amazon-provided IPv6 CIDR block' }).check();
  }

  async submitCreate(): Promise<void> {
    await this.page.getByRole('button', { name: 'Create VPC', exact: true }).click();
  }

  async fieldError(): Promise<string> {
    return (await this.page.getByText(/^(Enter an IPv4 CIDR block.*|The block size must be.*|Required\.)$/).first().innerText()).trim();
  }

  async rows(): Promise<Record<string, string>[]> {
    const table = this.page.getByRole('table');
    const rows = table.getByRole('row');
    const out: Record<string, string>[] = [];
    for (let i = 1; i < (await rows.count()); i++) {
      const c = await rowCells(table, rows.nth(i));
      if (c['VPC ID']?.startsWith('vpc-')) out.push(c);
    }
    return out;
  }

  /** On a VPC's details page: a value from the Details panel. */
  async detail(label: 'DNS hostnames' | 'DNS resolution' | 'IPv4 CIDR' | 'IPv6 CIDR' | 'Main route table'): Promise<string> {
    return keyValue(this.page, new RegExp(`^${label}$`));
  }

  /** Any value of the Details panel, by its label. */
  async detailOf(label: string): Promise<string> {
    return keyValue(this.page, new RegExp(`^${label}$`));
  }

  /** On a VPC's details page: Actions -> the item. */
  async goToAction(item: string): Promise<void> {
    await chooseMenuItem(this.page, actionsButton(this.page), item);
  }

  async openDetails(vpcId: string): Promise<void> {
    await this.page.goto(new URL(`/vpcs/${vpcId}`, this.page.url()).toString());
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  /** From a VPC's details page: Actions -> Edit CIDRs, add a secondary IPv4 block. */
  async addSecondaryCidr(cidr: string): Promise<void> {
    await this.tryAddSecondaryCidr(cidr);
    await this.page.getByRole('row').filter({ hasText: cidr }).getByText('Associated', { exact: true }).waitFor();
  }

  /** Asks for a secondary block without expecting success (the server may refuse it). */
  async tryAddSecondaryCidr(cidr: string): Promise<void> {
    await this.goToEditCidrs();
    await this.page.getByRole('textbox', { name: 'IPv4 CIDR' }).fill(cidr);
    await this.page.getByRole('button', { name: 'Add new IPv4 CIDR' }).click();
  }

  async removeCidr(cidr: string): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${cidr}` }).click();
    await this.page.getByRole('row').filter({ hasText: cidr }).waitFor({ state: 'detached' });
  }

  async addIpv6(): Promise<void> {
    await this.page.getByRole('button', { name: 'Add new IPv6 CIDR' }).click();
    await this.page.getByRole('row').filter({ hasText: '::/' }).first().waitFor();
  }

  async goToEditCidrs(): Promise<void> {
    if (!/\/edit-cidrs$/.test(this.page.url())) {
      await actionsButton(this.page).click();
      await this.page.getByRole('menuitem', { name: 'Edit CIDRs' }).click();
    }
    await this.page.getByRole('heading', { name: /^Edit CIDRs/, level: 1 }).waitFor();
  }

  async finishEditingCidrs(): Promise<void> {
    await this.page.getByRole('button', { name: 'Done' }).click();
  }

  async refresh(): Promise<void> {
    await this.page.getByRole('button', { name: 'Refresh' }).click();
  }

  /** Waits for the alert shown when a request got no answer at all; returns its heading. */
  async waitForNetworkError(): Promise<string> {
    const heading = this.page.getByText('The server did not answer', { exact: true });
    await heading.waitFor();
    return (await heading.innerText()).trim();
  }

  async networkErrorShown(): Promise<boolean> {
    return this.page.getByText('The server did not answer', { exact: true }).isVisible();
  }

  async retry(): Promise<void> {
    await this.page.getByRole('button', { name: 'Retry' }).click();
  }

  async serverError(): Promise<string> {
    return (await this.page.getByTestId('api-error').first().innerText()).trim();
  }

  /** Edit CIDRs page: the IPv4 blocks listed. */
  async ipv4Cidrs(): Promise<string[]> {
    // The IPv4 table comes first on the page, the IPv6 one last.
    const table = this.page.getByRole('table').first();
    return (await table.getByRole('rowheader').allInnerTexts()).map((t) => t.trim());
  }

  /** From a VPC's details page: Actions -> Edit VPC settings -> DNS hostnames on. */
  async enableDnsHostnames(): Promise<void> {
    await actionsButton(this.page).click();
    await this.page.getByRole('menuitem', { name: 'Edit VPC settings' }).click();
    await this.page.getByRole('checkbox', { name: 'Enable DNS hostnames' }).check();
    await this.page.getByRole('button', { name: 'Save changes' }).click();
    await this.page.waitForURL(/\/vpcs\/vpc-[0-9a-f]+$/);
  }
}
