import { statSync } from 'node:fs';
import type { TestSpecification } from 'vitest/node';
import { BaseSequencer } from 'vitest/node';

/**
 * Families whose files are long chains of child processes (Terraform's provider waits seconds
 * between polls; Ansible and the AWS CLI start a Python per step), longest first. CI runs on a
 * clean clone with no timing cache, where Vitest would start them in alphabetical order and
 * Terraform's files would come last, leaving a tail of one or two files that sleep in provider
 * waiters while cores idle. Started first, their waits overlap with the quick files instead. The
 * data plane's suites and the state round trip (a CLI process per step) are long too.
 */
const FAMILIES = ['test/terraform/', 'test/ansible/', 'test/cli/', 'test/boto3/', 'test/console/', 'test/trust/', 'test/dataplane/', 'test/store/state-export-import', 'test/packaging/'];

function rank(file: string): number {
  const i = FAMILIES.findIndex((f) => file.includes(f));
  return i === -1 ? FAMILIES.length : i;
}

function size(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Orders test files: the families above first, and within a family the larger files first. */
export default class HeavyFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a.moduleId) - rank(b.moduleId) || size(b.moduleId) - size(a.moduleId));
  }
}
