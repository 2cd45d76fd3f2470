import Autosuggest from '@cloudscape-design/components/autosuggest';
import type { AutosuggestProps } from '@cloudscape-design/components/autosuggest';
import Select from '@cloudscape-design/components/select';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { ReactNode } from 'react';
import { S } from '../../strings';

/** AWS's source (destination) types: a typed CIDR or group, or one of the "anywhere" blocks. */
const ANYWHERE: Readonly<Record<string, string>> = { 'anywhere-ipv4': '0.0.0.0/0', 'anywhere-ipv6': '::/0' };

export function peerKind(peer: string): string {
  return Object.entries(ANYWHERE).find(([, cidr]) => cidr === peer.trim())?.[0] ?? 'custom';
}

/**
 * The Source (Destination) cell of AWS's security group rule editor: the type (Custom,
 * Anywhere-IPv4, Anywhere-IPv6), then a field that takes a CIDR or offers the groups a rule may
 * name: this VPC's, and those of VPCs joined by an active peering as `<account>/sg-…`.
 */
export function SgPeerField({ label, value, onChange, groups }: {
  label: string;
  value: string;
  onChange: (peer: string) => void;
  groups: readonly AutosuggestProps.OptionGroup[];
}): ReactNode {
  const kind = peerKind(value);
  const kinds = [
    { value: 'custom', label: S.sgPeers.custom },
    { value: 'anywhere-ipv4', label: S.sgPeers.anywhereIpv4 },
    { value: 'anywhere-ipv6', label: S.sgPeers.anywhereIpv6 },
  ];
  return (
    <SpaceBetween size="xxs">
      <Select
        selectedOption={kinds.find((k) => k.value === kind) ?? null}
        options={kinds}
        expandToViewport
        ariaLabel={S.sgPeers.typeOf(label)}
        onChange={({ detail }) => onChange(ANYWHERE[detail.selectedOption.value ?? ''] ?? '')}
      />
      <Autosuggest
        value={value}
        options={[...groups]}
        enteredTextLabel={(v) => S.sgPeers.use(v)}
        placeholder={S.sgPeers.placeholder}
        expandToViewport
        ariaLabel={label}
        empty={S.sgPeers.noGroups}
        onChange={({ detail }) => onChange(detail.value)}
      />
    </SpaceBetween>
  );
}
