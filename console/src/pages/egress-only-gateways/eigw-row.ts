import type { EgressOnlyInternetGateway } from '@aws-sdk/client-ec2';
import { nameTag, tagStrings } from '../../shared/tags';

export interface EigwRow {
  readonly id: string;
  readonly name: string;
  readonly state: string;
  readonly vpcId: string;
  readonly tags: readonly string[];
  readonly gateway: EgressOnlyInternetGateway;
}

export function toEigwRow(g: EgressOnlyInternetGateway): EigwRow {
  const attachment = g.Attachments?.[0];
  return { id: g.EgressOnlyInternetGatewayId ?? '', name: nameTag(g.Tags), state: attachment?.State ?? 'detached', vpcId: attachment?.VpcId ?? '', tags: tagStrings(g.Tags), gateway: g };
}
