import type { Locator, Page } from 'playwright-core';
import { chooseFrom } from './cloudscape.js';

/** Edit routes: rows of Destination, Target (local or a peering connection), Status, Propagated, Remove. */
export class EditRoutesPage {
  constructor(private readonly page: Page) {}

  async waitFor(): Promise<void> {
    await this.page.getByRole('heading', { name: /^Edit routes: rtb-/, level: 1 }).waitFor();
    await this.page.getByRole('button', { name: 'Add route' }).waitFor();
  }

  /**
   * Adds a row: the target type (read off the id, as AWS's picker groups them), then the target
   * by its label (a pcx-, igw-, eigw- or nat- id); `local` needs no second pick.
   */
  async addRoute(destination: string, target: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Add route' }).click();
    await this.page.getByRole('textbox', { name: 'Destination' }).last().fill(destination);
    await chooseFrom(this.page, this.typeButtons().last(), new RegExp(`^${kindOf(target)}$`));
    if (target !== 'local') await chooseFrom(this.page, this.targetButtons().last(), new RegExp(`^${target}`));
  }

  /** The second picker of each row (the target itself), not the target-type one. */
  private targetButtons(): Locator {
    return this.page.getByTestId('route-target').getByRole('button');
  }

  private typeButtons(): Locator {
    return this.page.getByTestId('route-target-type').getByRole('button');
  }

  /** Types into the destination of the last row (to correct or spoil it). */
  async setLastDestination(destination: string): Promise<void> {
    await this.page.getByRole('textbox', { name: 'Destination' }).last().fill(destination);
  }

  /** The target types a new row offers. */
  async targetTypes(): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Add route' }).click();
    await this.typeButtons().last().click();
    const names = await this.page.getByRole('option').allInnerTexts();
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('button', { name: 'Remove' }).last().click();
    return names.map((n) => n.split('\n')[0]?.trim() ?? '');
  }

  /** The targets of one type offered for a new row, by label. */
  async targetOptions(type = 'Peering Connection'): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Add route' }).click();
    await chooseFrom(this.page, this.typeButtons().last(), new RegExp(`^${type}$`));
    await this.targetButtons().last().click();
    const names = await this.page.getByRole('option').allInnerTexts();
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('button', { name: 'Remove' }).last().click();
    return names.map((n) => n.split('\n')[0]?.trim() ?? '');
  }

  async removeRoute(destination: string): Promise<void> {
    const inputs = this.page.getByRole('textbox', { name: 'Destination' });
    const count = await inputs.count();
    for (let i = 0; i < count; i++) {
      if ((await inputs.nth(i).inputValue()) === destination) {
        // Remove buttons exist only for removable rows; the local rows come first and have none.
        const removable = this.page.getByRole('button', { name: 'Remove' });
        const offset = (await removable.count()) - count;
        await removable.nth(i + offset).click();
        return;
      }
    }
    throw new Error(`no route row for ${destination}`);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: 'Save changes' }).click();
  }

  /** Validation messages under the rows. */
  async fieldErrors(): Promise<string[]> {
    return (await this.page.getByText(/^(Required\.|Enter a CIDR block.*|Another route has this destination\.|Choose a target)$/).allInnerTexts()).map((t) => t.trim());
  }

  /** What the failure alert says was done before the refused change ("1 of 2 changes saved"). */
  async progressNote(): Promise<string> {
    return (await this.page.getByText(/changes saved before it\)$/).innerText()).trim();
  }

  async serverError(): Promise<string> {
    return (await this.page.getByTestId('api-error').first().innerText()).trim();
  }
}

const KIND_LABELS: readonly [string, string][] = [['igw-', 'Internet Gateway'], ['eigw-', 'Egress Only Internet Gateway'], ['nat-', 'NAT Gateway'], ['pcx-', 'Peering Connection']];

function kindOf(target: string): string {
  return target === 'local' ? 'local' : (KIND_LABELS.find(([prefix]) => target.startsWith(prefix))?.[1] ?? 'Other');
}
