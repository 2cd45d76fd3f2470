import SideNavigation from '@cloudscape-design/components/side-navigation';
import type { ReactNode } from 'react';
import { followLink } from '../router/follow-link';
import { S } from '../strings';

export function SideNav({ activeHref }: { activeHref: string }): ReactNode {
  return (
    <SideNavigation
      activeHref={activeHref}
      header={{ href: '/dashboard', text: S.nav.header }}
      onFollow={followLink}
      items={[
        {
          type: 'section',
          text: S.nav.vpcSection,
          items: [
            { type: 'link', text: S.nav.vpcs, href: '/vpcs' },
            { type: 'link', text: S.nav.subnets, href: '/subnets' },
            { type: 'link', text: S.nav.routeTables, href: '/route-tables' },
            { type: 'link', text: S.nav.internetGateways, href: '/internet-gateways' },
            { type: 'link', text: S.nav.egressOnlyGateways, href: '/egress-only-internet-gateways' },
            { type: 'link', text: S.nav.dhcpOptions, href: '/dhcp-options' },
            { type: 'link', text: S.nav.elasticIps, href: '/elastic-ips' },
            { type: 'link', text: S.nav.natGateways, href: '/nat-gateways' },
            { type: 'link', text: S.nav.peeringConnections, href: '/peering-connections' },
          ],
        },
        {
          type: 'section',
          text: S.nav.securitySection,
          items: [
            { type: 'link', text: S.nav.networkAcls, href: '/network-acls' },
            { type: 'link', text: S.nav.securityGroups, href: '/security-groups' },
          ],
        },
        {
          type: 'section',
          text: S.nav.instancesSection,
          items: [
            { type: 'link', text: S.nav.instances, href: '/instances' },
            { type: 'link', text: S.nav.networkInterfaces, href: '/network-interfaces' },
          ],
        },
        {
          type: 'section',
          text: S.nav.insightsSection,
          items: [{ type: 'link', text: S.nav.reachability, href: '/reachability' }],
        },
        { type: 'divider' },
        { type: 'link', text: S.nav.map, href: '/map' },
      ]}
    />
  );
}
