import { Ec2Error } from '../ec2-error.js';
import { checkPageRequest, paginate } from '../paginate.js';
import type { Page, PageRequest } from '../paginate.js';

/** What DescribeInstanceTypes tells of a type: enough for clients (Terraform reads vCPUs, cores and burstability). */
export interface InstanceTypeInfo {
  readonly id: string;
  readonly vcpus: number;
  readonly cores: number;
  readonly threadsPerCore: number;
  readonly memoryMiB: number;
  readonly burstable: boolean;
  readonly architecture: 'x86_64' | 'arm64';
}

// Instance type names are family, generation and options, a dot, then a size: t3.micro, m7i-flex.large, u-6tb1.112xlarge.
const INSTANCE_TYPE = /^([a-z][a-z0-9-]*)\.([a-z0-9]+)$/;
/** Burstable families; T2 defaults to `standard` credits, later generations to `unlimited` (EC2 user guide, burstable instances). */
const BURSTABLE = /^t[2-4][a-z]*\./;

export function isInstanceTypeName(name: string): boolean {
  return INSTANCE_TYPE.test(name);
}

export function isBurstable(instanceType: string): boolean {
  return BURSTABLE.test(instanceType);
}

/**
 * [I] A type's figures from its name, as AWS sizes them: nano to large have 2 vCPUs, xlarge 4,
 * Nxlarge 4N; memory 4 GiB per vCPU (8 for r/x families, 2 for c). Any well-formed name is a
 * type here, as any well-formed AMI id is an image.
 */
function instanceTypeInfo(name: string): InstanceTypeInfo | undefined {
  const m = INSTANCE_TYPE.exec(name);
  if (!m) return undefined;
  const family = m[1] as string;
  const size = m[2] as string;
  const n = /^(\d+)xlarge$/.exec(size);
  const vcpus = size === 'metal' ? 96 : n ? 4 * Number(n[1]) : size === 'xlarge' ? 4 : 2;
  const arm = /^[a-z]+\d+g/.test(family);
  // Graviton (…g) and T2 types run one thread per core.
  const threadsPerCore = arm || family === 't2' ? 1 : 2;
  const perVcpu = /^[rx]/.test(family) ? 8192 : family.startsWith('c') ? 2048 : 4096;
  const small: Record<string, number> = { nano: 512, micro: 1024, small: 2048, medium: 4096 };
  return {
    id: name,
    vcpus: size in small ? Math.min(vcpus, 2) : vcpus,
    cores: Math.max(1, vcpus / threadsPerCore),
    threadsPerCore,
    memoryMiB: small[size] ?? vcpus * perVcpu,
    burstable: isBurstable(name),
    architecture: arm ? 'arm64' : 'x86_64',
  };
}

export function describeInstanceTypes(names: readonly string[] | undefined, page: PageRequest): Page<InstanceTypeInfo> {
  checkPageRequest(page, { min: 5, max: 100 });
  const given = names ?? [];
  const bad = given.filter((t) => instanceTypeInfo(t) === undefined);
  // Observed: `InvalidInstanceType: The following supplied instance types do not exist: [t9.nano]`.
  if (bad.length > 0) throw new Ec2Error('InvalidInstanceType', `The following supplied instance types do not exist: [${bad.join(', ')}]`);
  const items = given.map((t) => instanceTypeInfo(t) as InstanceTypeInfo);
  return paginate(items, page, { min: 5, max: 100 });
}
