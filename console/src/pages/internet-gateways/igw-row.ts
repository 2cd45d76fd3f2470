import type { InternetGateway } from '@aws-sdk/client-ec2';
import { nameTag, tagStrings } from '../../shared/tags';

export interface IgwRow {
  readonly id: string;
  readonly name: string;
  /** attached / detached, as the console says it (the API's attachment state is `available`). */
  readonly state: string;
  readonly vpcId: string;
  readonly ownerId: string;
  readonly tags: readonly string[];
  readonly gateway: InternetGateway;
}

export function toIgwRow(g: InternetGateway): IgwRow {
  const attachment = g.Attachments?.[0];
  // AWS answers `available` for an attached internet gateway, a state the SDK's enum lacks.
  const state = !attachment ? 'detached' : String(attachment.State) === 'available' ? 'attached' : (attachment.State ?? 'attached');
  return { id: g.InternetGatewayId ?? '', name: nameTag(g.Tags), state, vpcId: attachment?.VpcId ?? '', ownerId: g.OwnerId ?? '', tags: tagStrings(g.Tags), gateway: g };
}
