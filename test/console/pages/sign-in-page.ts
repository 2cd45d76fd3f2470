import type { Page } from 'playwright-core';
import { chooseFrom } from './cloudscape.js';

/** The sign-in panel shown before an account is chosen (and, as a dialog, to switch account). */
export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(accountId: string, region = 'us-east-1'): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Account ID' }).fill(accountId);
    if (region !== 'us-east-1') {
      const trigger = this.page.getByRole('button', { name: /^Region/ });
      // The list arrives once the account is complete (DescribeRegions signed as that account).
      await chooseFrom(this.page, trigger, new RegExp(`\\b${region}\\b`));
    }
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await this.page.getByRole('button', { name: `Account ${accountId}: switch account or sign out` }).waitFor();
  }

  /** Signs in with an access key and secret; the account is whatever the server says the key is. */
  async signInWithKeys(accessKeyId: string, secretAccessKey: string): Promise<void> {
    await this.submitKeys(accessKeyId, secretAccessKey);
    await this.page.getByRole('button', { name: /^Account \d{12}: switch account or sign out$/ }).waitFor();
  }

  /** Whether signing in by account id is on offer (a strict server only takes keys). */
  async offersAccountId(): Promise<boolean> {
    const radio = this.page.getByRole('radio', { name: 'Account ID' });
    await this.page.getByRole('radio', { name: 'Access key' }).waitFor();
    return !(await radio.isDisabled());
  }

  /** Fills the key form and submits, without expecting to get in (the server may refuse). */
  async submitKeys(accessKeyId: string, secretAccessKey: string): Promise<void> {
    await this.page.getByRole('radio', { name: 'Access key' }).check();
    await this.page.getByRole('textbox', { name: 'Access key ID' }).fill(accessKeyId);
    await this.page.getByRole('textbox', { name: 'Secret access key' }).fill(secretAccessKey);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** The server's refusal as the panel shows it. */
  async serverError(): Promise<string> {
    return (await this.page.getByTestId('api-error').first().innerText()).trim();
  }

  async isShown(): Promise<boolean> {
    return this.page.getByRole('heading', { name: 'Sign in to the VPC console' }).isVisible();
  }

  /** The sign-in form's own validation message for the account field, if any. */
  async accountError(): Promise<string> {
    return (await this.page.getByText(/An AWS account ID is 12 digits|Required\./).first().textContent()) ?? '';
  }

  async submitAccount(accountId: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Account ID' }).fill(accountId);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }
}
