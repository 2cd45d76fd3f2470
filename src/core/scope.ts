/** Where a resource lives, and who is asking: every EC2 resource belongs to one account in one region. */
export interface Scope {
  readonly accountId: string;
  readonly region: string;
}

export function sameScope(a: Scope, b: Scope): boolean {
  return a.accountId === b.accountId && a.region === b.region;
}
