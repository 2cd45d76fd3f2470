/**
 * The regions this server serves, with their zones. Zone ids follow AWS's `<code>-az<n>` form;
 * the per-account shuffle AWS applies to zone names is not modelled (names map to ids in order).
 */
export interface RegionInfo {
  readonly name: string;
  readonly zoneIdPrefix: string;
  readonly zones: readonly string[];
}

const region = (name: string, zoneIdPrefix: string, letters: string): RegionInfo => ({
  name,
  zoneIdPrefix,
  zones: [...letters].map((l) => name + l),
});

export const REGIONS: readonly RegionInfo[] = [
  region('us-east-1', 'use1', 'abcdef'),
  region('us-east-2', 'use2', 'abc'),
  region('us-west-1', 'usw1', 'ac'),
  region('us-west-2', 'usw2', 'abcd'),
  region('ca-central-1', 'cac1', 'abd'),
  region('eu-west-1', 'euw1', 'abc'),
  region('eu-west-2', 'euw2', 'abc'),
  region('eu-west-3', 'euw3', 'abc'),
  region('eu-central-1', 'euc1', 'abc'),
  region('eu-north-1', 'eun1', 'abc'),
  region('ap-south-1', 'aps1', 'abc'),
  region('ap-northeast-1', 'apne1', 'acd'),
  region('ap-northeast-2', 'apne2', 'abcd'),
  region('ap-northeast-3', 'apne3', 'abc'),
  region('ap-southeast-1', 'apse1', 'abc'),
  region('ap-southeast-2', 'apse2', 'abc'),
  region('sa-east-1', 'sae1', 'abc'),
];

export function findRegion(name: string): RegionInfo | undefined {
  return REGIONS.find((r) => r.name === name);
}

export function zoneId(r: RegionInfo, zoneName: string): string {
  return `${r.zoneIdPrefix}-az${r.zones.indexOf(zoneName) + 1}`;
}

/** The id of a zone named in a Region's scope (an instance's or an interface's); undefined for a zone this server does not serve. */
export function zoneIdIn(regionName: string, zoneName: string): string | undefined {
  const r = findRegion(regionName);
  return r?.zones.includes(zoneName) ? zoneId(r, zoneName) : undefined;
}
