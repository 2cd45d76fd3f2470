import type { Locator, Page } from 'playwright-core';
import { shownError } from './error-help.js';

/** The Manage tags dialog (from any Actions menu or a Tags tab): AWS's tag editor and its checks. */
export class ManageTagsDialog {
  constructor(private readonly page: Page) {}

  dialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Manage tags/ });
  }

  /** Waits for the resource's current tags in the editor. */
  async waitLoaded(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Add new tag' }).waitFor();
  }

  private keys(): Locator {
    return this.dialog().getByRole('combobox', { name: 'Key' });
  }

  private values(): Locator {
    return this.dialog().getByRole('combobox', { name: 'Value' });
  }

  /** The editor's rows as key → value (rows marked for removal included: the editor still shows them). */
  async tags(): Promise<Record<string, string>> {
    await this.waitLoaded();
    const out: Record<string, string> = {};
    const n = await this.keys().count();
    for (let i = 0; i < n; i++) out[await this.keys().nth(i).inputValue()] = await this.values().nth(i).inputValue();
    return out;
  }

  /** How many rows the editor holds. */
  async count(): Promise<number> {
    await this.waitLoaded();
    return this.keys().count();
  }

  /** The last row with this key: a repeated key is the row just added. */
  private async indexOf(key: string): Promise<number> {
    for (let i = (await this.keys().count()) - 1; i >= 0; i--) if ((await this.keys().nth(i).inputValue()) === key) return i;
    throw new Error(`no tag ${key} in the editor`);
  }

  async add(key: string, value: string): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Add new tag' }).click();
    await this.keys().last().fill(key);
    await this.values().last().fill(value);
  }

  async canAdd(): Promise<boolean> {
    return this.dialog().getByRole('button', { name: 'Add new tag' }).isEnabled();
  }

  async setKey(key: string, next: string): Promise<void> {
    await this.keys().nth(await this.indexOf(key)).fill(next);
  }

  async setValue(key: string, value: string): Promise<void> {
    await this.values().nth(await this.indexOf(key)).fill(value);
  }

  async remove(key: string): Promise<void> {
    const i = await this.indexOf(key);
    await this.dialog().getByRole('button', { name: /^Remove/ }).nth(i).click();
  }

  /** What the dialog says keeps the tags from being saved. */
  async problems(): Promise<string[]> {
    const list = this.dialog().getByTestId('tag-problems');
    if ((await list.count()) === 0) return [];
    return (await list.getByRole('listitem').allInnerTexts()).map((t) => t.trim());
  }

  async waitForProblem(text: string): Promise<void> {
    await this.dialog().getByTestId('tag-problems').getByText(text, { exact: true }).waitFor();
  }

  private saveButton(): Locator {
    return this.dialog().getByRole('button', { name: 'Save changes' });
  }

  async saveEnabled(): Promise<boolean> {
    return this.saveButton().isEnabled();
  }

  /** Saves and waits for the dialog to close. */
  async save(): Promise<void> {
    await this.saveButton().click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  /** Saves, expecting a refusal: the plain sentence and the API's `Code: message` shown in the dialog. */
  async saveRefused(): Promise<{ help: string; error: string }> {
    await this.saveButton().click();
    const { help, error } = await shownError(this.dialog());
    return { help, error };
  }
}
