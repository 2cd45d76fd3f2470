import type { Locator, Page } from 'playwright-core';
import { chooseFrom } from './cloudscape.js';

/**
 * AWS's "Edit inbound rules" / "Edit outbound rules" for security groups and network ACLs: rows
 * of Type, Protocol, Port range and the family's own columns; Add rule, Delete, Save changes.
 * Rows are addressed by index, in the order shown.
 */
export class RuleEditorPage {
  constructor(private readonly page: Page) {}

  async waitFor(direction: 'inbound' | 'outbound', id: string): Promise<void> {
    await this.page.getByRole('heading', { name: `Edit ${direction} rules: ${id}`, level: 1 }).waitFor();
    await this.page.getByRole('button', { name: 'Add rule' }).waitFor();
  }

  /** Adds a row; returns its index. */
  async addRule(): Promise<number> {
    await this.page.getByRole('button', { name: 'Add rule' }).click();
    return (await this.typeButtons().count()) - 1;
  }

  private typeButtons(): Locator {
    return this.page.getByRole('button', { name: /^Type/ });
  }

  async setType(row: number, type: string): Promise<void> {
    await chooseFrom(this.page, this.rowOf(row).getByRole('button', { name: /^Type/ }), new RegExp(`^${type.replace(/[()/]/g, '\\$&')}$`));
  }

  /** The port range of a custom-type row (rows of a named type have no field). */
  async setPorts(row: number, ports: string): Promise<void> {
    await this.rowOf(row).getByRole('textbox', { name: 'Port range' }).fill(ports);
  }

  /** The row's container in the attribute editor (its fields and its Delete button). */
  private rowOf(row: number): Locator {
    return this.page.locator(`[data-rule-row="${row}"]`);
  }

  /** A security group rule's Source or Destination: typed (a CIDR or `<account>/sg-…`), then confirmed. */
  async setSgPeer(row: number, peer: string): Promise<void> {
    const field = this.rowOf(row).getByRole('combobox', { name: /^(Source|Destination)$/ });
    await field.fill(peer);
    await field.blur();
  }

  /** Picks one of the groups the Source (Destination) field offers, by its label. */
  async chooseSgPeer(row: number, label: string): Promise<void> {
    const field = this.rowOf(row).getByRole('combobox', { name: /^(Source|Destination)$/ });
    await field.fill('');
    await field.click();
    await this.page.getByRole('option', { name: new RegExp(`^${label.replace(/[/]/g, '\\/')}`) }).first().click();
  }

  /** The groups offered under a heading of the Source (Destination) field (e.g. "Security groups of peered VPCs"). */
  async sgPeerOptions(row: number): Promise<string[]> {
    const field = this.rowOf(row).getByRole('combobox', { name: /^(Source|Destination)$/ });
    await field.fill('');
    await field.click();
    const names = await this.page.getByRole('option').allInnerTexts();
    await this.page.keyboard.press('Escape');
    return names.map((n) => n.split('\n')[0]?.trim() ?? '');
  }

  async sgPeerType(row: number, type: 'Custom' | 'Anywhere-IPv4' | 'Anywhere-IPv6'): Promise<void> {
    await chooseFrom(this.page, this.rowOf(row).getByRole('button', { name: /^(Source|Destination)/ }), new RegExp(`^${type}$`));
  }

  async sgPeerValue(row: number): Promise<string> {
    return this.rowOf(row).getByRole('combobox', { name: /^(Source|Destination)$/ }).inputValue();
  }

  async setDescription(row: number, text: string): Promise<void> {
    await this.rowOf(row).getByRole('textbox', { name: 'Description' }).fill(text);
  }

  /** A network ACL rule's number, CIDR and Allow/Deny. */
  async setAclRule(row: number, rule: { number?: string; cidr?: string; action?: 'Allow' | 'Deny' }): Promise<void> {
    const r = this.rowOf(row);
    if (rule.number !== undefined) await r.getByRole('textbox', { name: 'Rule number' }).fill(rule.number);
    if (rule.cidr !== undefined) await r.getByRole('textbox', { name: /^(Source|Destination)$/ }).fill(rule.cidr);
    if (rule.action !== undefined) await chooseFrom(this.page, r.getByRole('button', { name: /^Allow\/Deny/ }), new RegExp(`^${rule.action}$`));
  }

  async aclRuleNumber(row: number): Promise<string> {
    return this.rowOf(row).getByRole('textbox', { name: 'Rule number' }).inputValue();
  }

  /** Deletes a row (rows that can be deleted come first: an ACL's `*` rules sit last and stay). */
  async remove(row: number): Promise<void> {
    await this.page.getByRole('button', { name: 'Delete', exact: true }).nth(row).click();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save changes' }).click();
  }

  /** Validation messages under the rows. */
  async fieldErrors(): Promise<string[]> {
    return (await this.page.getByText(/^(Enter an IPv4 or IPv6 CIDR.*|Enter a port.*|A rule number is.*)$/).allInnerTexts()).map((t) => t.trim());
  }
}
