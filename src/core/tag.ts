export interface Tag {
  readonly key: string;
  readonly value: string;
}

/** The resource types tags and TagSpecifications name, as the EC2 model spells them. */
export type TaggableType =
  | 'vpc'
  | 'subnet'
  | 'route-table'
  | 'vpc-peering-connection'
  | 'internet-gateway'
  | 'dhcp-options'
  | 'network-acl'
  | 'security-group'
  | 'security-group-rule'
  | 'egress-only-internet-gateway'
  | 'elastic-ip'
  | 'natgateway'
  | 'network-interface'
  | 'instance'
  | 'network-insights-path'
  | 'network-insights-analysis';
