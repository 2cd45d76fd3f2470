import type { Scope } from '../scope.js';

export interface DhcpConfiguration {
  readonly key: string;
  readonly values: readonly string[];
}

/** A DHCP options set (VPC user guide, "DHCP option sets in Amazon VPC"). */
export interface DhcpOptions extends Scope {
  readonly id: string;
  readonly configurations: readonly DhcpConfiguration[];
  readonly createdAt: number;
}
