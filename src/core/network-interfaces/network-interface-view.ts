import type { NetworkInterface } from './network-interface.js';

/** An Elastic IP associated with one of an interface's private addresses. */
export interface EniAssociation {
  readonly privateIp: string;
  readonly publicIp: string;
  readonly allocationId: string;
  readonly associationId: string;
  readonly ipOwnerId: string;
}

/** An interface as reads show it: with its groups' names and the Elastic IPs on its addresses. */
export interface NetworkInterfaceView {
  readonly eni: NetworkInterface;
  readonly groups: readonly { readonly id: string; readonly name: string }[];
  readonly associations: readonly EniAssociation[];
}

/** `in-use` while attached, `available` otherwise (NetworkInterfaceStatus; created interfaces are available at once). */
export function eniStatus(eni: NetworkInterface): 'available' | 'in-use' {
  return eni.attachment ? 'in-use' : 'available';
}

/**
 * The private DNS name AWS gives an address: `ip-10-0-8-17.ec2.internal` in us-east-1,
 * `ip-10-0-8-17.<region>.compute.internal` elsewhere (VPC user guide, "DNS attributes for your VPC").
 */
export function privateDnsName(ip: string, region: string): string {
  const host = 'ip-' + ip.replaceAll('.', '-');
  return region === 'us-east-1' ? `${host}.ec2.internal` : `${host}.${region}.compute.internal`;
}

/** A MAC address derived from the interface id: locally administered (02:…), stable, unique as ids are. */
export function macAddressOf(id: string): string {
  const hex = id.slice(id.indexOf('-') + 1).padEnd(10, '0').slice(0, 10);
  return ['02', ...(hex.match(/../g) ?? [])].join(':');
}
