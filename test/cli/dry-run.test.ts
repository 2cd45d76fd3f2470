import { describe, it } from 'vitest';
import { toolAvailable } from '../support/require-tool.js';
import { ACCOUNT_A, acceptPeering, createPeering, createVpc, describePeering, describePeerings, useServer } from './aws-cli.js';

const available = toolAvailable('aws', ['aws', '--version']);

const DRY_RUN_MESSAGE = 'Request would have succeeded, but DryRun flag is set.';

/** Scenario 9: --dry-run answers DryRunOperation (HTTP 412) and changes nothing (AWS-BEHAVIOUR.md §4). */
describe.skipIf(!available)('AWS CLI: --dry-run', () => {
  const suite = useServer();

  it('create, accept and delete with --dry-run fail with DryRunOperation and leave everything as it was', async ({ expect }) => {
    const a = suite.as(ACCOUNT_A);
    const [x, y] = await Promise.all([createVpc(a, '10.90.0.0/16'), createVpc(a, '10.91.0.0/16')]);

    const dryCreate = await a.fail('ec2', 'create-vpc-peering-connection', '--vpc-id', x.VpcId, '--peer-vpc-id', y.VpcId, '--dry-run', '--debug');
    expect(dryCreate.status).not.toBe(0);
    expect(dryCreate.code).toBe('DryRunOperation');
    expect(dryCreate.message).toBe(DRY_RUN_MESSAGE);
    // §4, §5.3: DryRun is HTTP 412 on the wire.
    expect(dryCreate.stderr).toMatch(/"POST \/ HTTP\/1\.1" 412/);
    expect(await describePeerings(a, '--filters', `Name=requester-vpc-info.vpc-id,Values=${x.VpcId}`)).toEqual([]);

    const id = (await createPeering(a, x.VpcId, y.VpcId)).VpcPeeringConnectionId;
    const dryAccept = await a.fail('ec2', 'accept-vpc-peering-connection', '--vpc-peering-connection-id', id, '--dry-run');
    expect(dryAccept.status).not.toBe(0);
    expect(dryAccept.code).toBe('DryRunOperation');
    expect(dryAccept.message).toBe(DRY_RUN_MESSAGE);
    expect((await describePeering(a, id)).Status.Code).toBe('pending-acceptance');

    await acceptPeering(a, id);
    const dryDelete = await a.fail('ec2', 'delete-vpc-peering-connection', '--vpc-peering-connection-id', id, '--dry-run');
    expect(dryDelete.status).not.toBe(0);
    expect(dryDelete.code).toBe('DryRunOperation');
    expect(dryDelete.message).toBe(DRY_RUN_MESSAGE);
    expect((await describePeering(a, id)).Status.Code).toBe('active');
  });
});
