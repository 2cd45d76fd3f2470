// Elastic IP helpers shared by the address and NAT gateway suites.
import { AllocateAddressCommand } from '@aws-sdk/client-ec2';
import type { AllocateAddressCommandInput, EC2Client } from '@aws-sdk/client-ec2';

/** Allocates an address and returns its allocation id and public IP. */
export async function allocate(client: EC2Client, input: AllocateAddressCommandInput = { Domain: 'vpc' }): Promise<{ id: string; ip: string }> {
  const r = await client.send(new AllocateAddressCommand(input));
  if (!r.AllocationId || !r.PublicIp) throw new Error('AllocateAddress returned no allocation id or address');
  return { id: r.AllocationId, ip: r.PublicIp };
}
