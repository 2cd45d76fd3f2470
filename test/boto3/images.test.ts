// boto3 against DescribeImages and the retired ClassicLink calls: test/boto3/images.py records
// what botocore parsed, paginated, waited for and raised; this file asserts it.
import { describe, expect, it } from 'vitest';
import type { CallError } from './boto-script.js';
import { BOTO3, botoScriptDocument } from './boto-script.js';

interface Observations {
  readonly paginator: { readonly pages: number; readonly ids: string[]; readonly creationDateType: string };
  readonly waiter: { readonly waited: string; readonly state: string; readonly ebs: Record<string, unknown> };
  readonly ansibleAmiInfo: { readonly names: string[]; readonly debianX86: string[] };
  readonly errors: Readonly<Record<'unknown' | 'malformed' | 'badFilter' | 'dryRun', CallError>>;
  readonly classicLink: Readonly<Record<'describe' | 'dnsSupport' | 'enable', CallError>>;
}

describe.skipIf(!BOTO3)('boto3: DescribeImages and ClassicLink', () => {
  const doc = botoScriptDocument<Observations>('images.py', 50_000);

  it('the describe_images paginator collects the whole catalogue once, PageSize at a time', () => {
    expect(doc('paginator').pages).toBe(5);
    expect(doc('paginator').ids).toHaveLength(30);
    expect(new Set(doc('paginator').ids).size).toBe(30);
    // CreationDate is a string in the model: botocore leaves it as AWS wrote it.
    expect(doc('paginator').creationDateType).toBe('str');
  });

  it('the image_available waiter is satisfied by a catalogue image', () => {
    expect(doc('waiter')).toEqual({
      waited: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20250610',
      state: 'available',
      ebs: { DeleteOnTermination: true, Iops: 3000, SnapshotId: expect.stringMatching(/^snap-[0-9a-f]{17}$/), VolumeSize: 8, VolumeType: 'gp3', Throughput: 125, Encrypted: false },
    });
  });

  it("ec2_ami_info's call (owner filters, empty Owners/ExecutableUsers/ImageIds lists) finds the images", () => {
    // Deprecated releases are left out by default: the newest AL2023 arm64 image is the one left.
    expect(doc('ansibleAmiInfo').names.at(-1)).toBe('al2023-ami-2023.8.20250908.0-kernel-6.1-arm64');
    expect(doc('ansibleAmiInfo').names.every((n) => /^al2023-ami-2023\..*-kernel-6\.1-arm64$/.test(n))).toBe(true);
    expect(doc('ansibleAmiInfo').debianX86).toContain('debian-12-amd64-20250331-1966');
    expect(doc('ansibleAmiInfo').debianX86.every((n) => n.startsWith('debian-12-amd64-'))).toBe(true);
  });

  it('ClientError codes and messages as AWS words them', () => {
    expect(doc('errors')).toEqual({
      unknown: { code: 'InvalidAMIID.NotFound', message: "The image id '[ami-0123456789abcdef0]' does not exist", http: 400 },
      malformed: { code: 'InvalidAMIID.Malformed', message: 'Invalid id: "ami-nothex" (expecting "ami-...")', http: 400 },
      badFilter: { code: 'InvalidParameterValue', message: "The filter 'image_name' is invalid", http: 400 },
      dryRun: { code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.', http: 412 },
    });
  });

  it("ClassicLink: exactly the error Ansible's ec2_vpc_net reads as \"no ClassicLink\"", () => {
    const retired = { code: 'UnsupportedOperation', message: 'The functionality you requested is not available in this region.', http: 400 };
    expect(doc('classicLink')).toEqual({ describe: retired, dnsSupport: retired, enable: retired });
  });
});
