import type { Page } from 'playwright-core';

export type Section =
  | 'VPC dashboard'
  | 'Your VPCs'
  | 'Subnets'
  | 'Route tables'
  | 'Internet gateways'
  | 'Egress-only internet gateways'
  | 'DHCP option sets'
  | 'Elastic IPs'
  | 'NAT gateways'
  | 'Peering connections'
  | 'Network ACLs'
  | 'Security groups'
  | 'Instances'
  | 'Network interfaces'
  | 'Reachability Analyzer'
  | 'Topology map';

/** The side navigation: how a user moves between pages (no reload, the session stays). */
export class SideNav {
  constructor(private readonly page: Page) {}

  async open(section: Section): Promise<void> {
    const link = this.page.getByRole('navigation', { name: 'Side navigation' }).getByRole('link', { name: section, exact: true });
    // Create and edit pages start with the navigation folded away, as in the AWS console.
    if (!(await link.isVisible())) await this.page.getByRole('button', { name: 'Open side navigation' }).click();
    await link.click();
  }
}
