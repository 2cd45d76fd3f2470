import type { VpcPeeringConnectionVpcInfo } from '@aws-sdk/client-ec2';
import { S } from '../../strings';

/** One side of a connection in a table cell: its VPC, whose it is and where. */
export function peeringSideText(side: VpcPeeringConnectionVpcInfo | undefined): string {
  return S.dashboard.side(side?.VpcId ?? '-', side?.OwnerId ?? '-', side?.Region ?? '-');
}
