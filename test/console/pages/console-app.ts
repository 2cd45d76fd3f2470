import type { BrowserSession } from '../support/browser-session.js';
import { screenshot } from '../support/screenshots.js';
import { CreatePeeringPage } from './create-peering-page.js';
import { EditRoutesPage } from './edit-routes-page.js';
import { EditSubnetAssociationsPage } from './edit-subnet-associations-page.js';
import { MapPage } from './map-page.js';
import { PeeringDetailsPage } from './peering-details-page.js';
import { PeeringDialogs } from './peering-dialogs.js';
import { PeeringListPage } from './peering-list-page.js';
import { ReachabilityPage } from './reachability-page.js';
import { RuleEditorPage } from './rule-editor-page.js';
import { ResourcePages } from './resource-pages.js';
import { RouteTableDetailsPage } from './route-table-details-page.js';
import { RouteTablesPage } from './route-tables-page.js';
import { SignInPage } from './sign-in-page.js';
import { SubnetsPage } from './subnets-page.js';
import { TopBar } from './top-bar.js';
import { VpcsPage } from './vpcs-page.js';

/** The console as one person sees it in one browser context: every page object on its page. */
export class ConsoleApp {
  readonly signIn: SignInPage;
  readonly topBar: TopBar;
  readonly vpcs: VpcsPage;
  readonly subnets: SubnetsPage;
  readonly peerings: PeeringListPage;
  readonly createPeering: CreatePeeringPage;
  readonly peering: PeeringDetailsPage;
  readonly dialogs: PeeringDialogs;
  readonly routeTables: RouteTablesPage;
  readonly routeTable: RouteTableDetailsPage;
  readonly editRoutes: EditRoutesPage;
  readonly editAssociations: EditSubnetAssociationsPage;
  readonly map: MapPage;
  readonly internetGateways: ResourcePages;
  readonly egressOnly: ResourcePages;
  readonly elasticIps: ResourcePages;
  readonly natGateways: ResourcePages;
  readonly dhcp: ResourcePages;
  readonly securityGroups: ResourcePages;
  readonly networkAcls: ResourcePages;
  readonly subnet: ResourcePages;
  readonly networkInterfaces: ResourcePages;
  readonly instances: ResourcePages;
  readonly reachability: ReachabilityPage;
  readonly ruleEditor: RuleEditorPage;

  constructor(readonly session: BrowserSession) {
    const page = session.page;
    this.signIn = new SignInPage(page);
    this.topBar = new TopBar(page);
    this.vpcs = new VpcsPage(page);
    this.subnets = new SubnetsPage(page);
    this.peerings = new PeeringListPage(page);
    this.createPeering = new CreatePeeringPage(page);
    this.peering = new PeeringDetailsPage(page);
    this.dialogs = new PeeringDialogs(page);
    this.routeTables = new RouteTablesPage(page);
    this.routeTable = new RouteTableDetailsPage(page);
    this.editRoutes = new EditRoutesPage(page);
    this.editAssociations = new EditSubnetAssociationsPage(page);
    this.map = new MapPage(page);
    this.internetGateways = new ResourcePages(page, { section: 'Internet gateways', title: 'Internet gateways', loading: 'Loading internet gateways', filterPlaceholder: 'Filter internet gateways', idColumn: 'Internet gateway ID', base: '/internet-gateways/' });
    this.egressOnly = new ResourcePages(page, { section: 'Egress-only internet gateways', title: 'Egress-only internet gateways', loading: 'Loading egress-only internet gateways', filterPlaceholder: 'Filter egress only internet gateways', idColumn: 'Egress-only internet gateway ID', base: '/egress-only-internet-gateways/' });
    this.elasticIps = new ResourcePages(page, { section: 'Elastic IPs', title: 'Elastic IP addresses', loading: 'Loading Elastic IP addresses', filterPlaceholder: 'Filter Elastic IP addresses', idColumn: 'Allocation ID', base: '/elastic-ips/' });
    this.natGateways = new ResourcePages(page, { section: 'NAT gateways', title: 'NAT gateways', loading: 'Loading NAT gateways', filterPlaceholder: 'Filter NAT gateways', idColumn: 'NAT gateway ID', base: '/nat-gateways/' });
    this.dhcp = new ResourcePages(page, { section: 'DHCP option sets', title: 'DHCP option sets', loading: 'Loading DHCP option sets', filterPlaceholder: 'Filter DHCP option sets', idColumn: 'DHCP option set ID', base: '/dhcp-options/' });
    this.securityGroups = new ResourcePages(page, { section: 'Security groups', title: 'Security groups', loading: 'Loading security groups', filterPlaceholder: 'Filter security groups', idColumn: 'Security group ID', base: '/security-groups/' });
    this.networkAcls = new ResourcePages(page, { section: 'Network ACLs', title: 'Network ACLs', loading: 'Loading network ACLs', filterPlaceholder: 'Filter network ACLs', idColumn: 'Network ACL ID', base: '/network-acls/' });
    this.subnet = new ResourcePages(page, { section: 'Subnets', title: 'Subnets', loading: 'Loading subnets', filterPlaceholder: 'Filter subnets', idColumn: 'Subnet ID', base: '/subnets/' });
    this.networkInterfaces = new ResourcePages(page, { section: 'Network interfaces', title: 'Network interfaces', loading: 'Loading network interfaces', filterPlaceholder: 'Filter network interfaces', idColumn: 'Network interface ID', base: '/network-interfaces/' });
    this.instances = new ResourcePages(page, { section: 'Instances', title: 'Instances', loading: 'Loading instances', filterPlaceholder: 'Find Instance by attribute or tag (case-sensitive)', idColumn: 'Instance ID', base: '/instances/' });
    this.reachability = new ReachabilityPage(page);
    this.ruleEditor = new RuleEditorPage(page);
  }

  /** The path shown in the address bar. */
  path(): string {
    return new URL(this.session.page.url()).pathname;
  }

  /** Reloads the page, as a user pressing F5 would. */
  async reload(): Promise<void> {
    await this.session.page.reload();
  }

  /** Writes test-output/screenshots/<name>.png of the page as it is now. */
  async screenshot(name: string, fullPage = false): Promise<string> {
    return screenshot(this.session.page, name, fullPage);
  }

  /** Opens the console at / and signs in. */
  async start(accountId: string, region = 'us-east-1'): Promise<this> {
    await this.session.goto('/');
    await this.signIn.signIn(accountId, region);
    return this;
  }
}
