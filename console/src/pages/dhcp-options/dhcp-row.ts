import type { DhcpOptions } from '@aws-sdk/client-ec2';
import { nameTag, tagStrings } from '../../shared/tags';

export interface DhcpRow {
  readonly id: string;
  readonly name: string;
  readonly domainName: readonly string[];
  readonly dnsServers: readonly string[];
  readonly ntpServers: readonly string[];
  readonly netbiosServers: readonly string[];
  readonly nodeType: readonly string[];
  readonly ownerId: string;
  readonly tags: readonly string[];
  readonly options: DhcpOptions;
}

export function toDhcpRow(o: DhcpOptions): DhcpRow {
  const config = (key: string): string[] => (o.DhcpConfigurations ?? []).find((c) => c.Key === key)?.Values?.flatMap((v) => (v.Value ? [v.Value] : [])) ?? [];
  return {
    id: o.DhcpOptionsId ?? '',
    name: nameTag(o.Tags),
    domainName: config('domain-name'),
    dnsServers: config('domain-name-servers'),
    ntpServers: config('ntp-servers'),
    netbiosServers: config('netbios-name-servers'),
    nodeType: config('netbios-node-type'),
    ownerId: o.OwnerId ?? '',
    tags: tagStrings(o.Tags),
    options: o,
  };
}

export const joined = (values: readonly string[]): string => (values.length > 0 ? values.join(', ') : '-');
