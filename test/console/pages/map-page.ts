import type { Locator, Page } from 'playwright-core';
import { SideNav } from './side-nav.js';

/** The topology map: VPC nodes grouped by account and region, peering connections as edges. */
export class MapPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new SideNav(this.page).open('Topology map');
    await this.page.getByTestId('topology-map').waitFor();
  }

  vpcNode(vpcId: string): Locator {
    return this.page.getByTestId(`map-vpc-${vpcId}`);
  }

  /** The account-and-region groups drawn, as "Account <id> in <region>". */
  async groups(): Promise<string[]> {
    const groups = this.page.getByTestId('topology-map').getByRole('group', { name: /^Account \d{12} in / });
    const names: string[] = [];
    for (let i = 0; i < (await groups.count()); i++) names.push((await groups.nth(i).getAttribute('aria-label')) ?? '');
    return names.sort();
  }

  /** The labels drawn on the edges ("name · Status"), sorted. */
  async edgeLabels(): Promise<string[]> {
    const labels = await this.page.getByTestId('topology-map').getByText(/ · [A-Z][a-z ]+$/).allTextContents();
    return labels.map((l) => l.trim()).sort();
  }

  async clickVpc(vpcId: string): Promise<void> {
    await this.vpcNode(vpcId).click();
  }

  /** Clicks a connection by the label on its edge (the label's box takes the click). */
  async clickEdge(label: string): Promise<void> {
    await this.page.getByTestId('topology-map').getByText(label, { exact: true }).locator('..').click();
  }

  async details(): Promise<string> {
    return (await this.page.getByTestId('map-details').innerText()).trim();
  }
}
