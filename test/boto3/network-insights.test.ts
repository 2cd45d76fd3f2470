// boto3 against the Network Insights operations: test/boto3/network-insights.py records what
// botocore parsed, paginated and raised, and the verdicts of the peering situations; this file
// asserts them against REACHABILITY.md (§1 the API, §2.4 which situation yields which code).
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { toolAvailable } from '../support/require-tool.js';

const ok = toolAvailable('python3 with boto3', ['python3', '-c', 'import boto3']);
const SCRIPT = resolve(import.meta.dirname, 'network-insights.py');
const A = '111111111111';

interface CallError {
  readonly code?: string;
  readonly message?: string;
  readonly http?: number;
  readonly noError?: boolean;
}

interface Timestamp {
  readonly type: string;
  readonly iso: string;
  readonly aware: boolean;
}

interface Verdict {
  readonly status: string;
  readonly found: boolean;
  readonly codes: string[];
  readonly forward: string[];
  readonly returnHops: number;
  readonly returnCodes: string[];
  readonly sequence: number[];
  readonly keys: string[];
  readonly back: string[];
  /** Each top-level explanation: its code and the ids of the components it names. */
  readonly explained: Explained[];
  readonly returnExplained: Explained[];
  /** The SecurityGroupRule of each security-group hop of the return path (null: none). */
  readonly returnGroupRules: (unknown | null)[];
}

type Explained = Readonly<Record<string, string>> & { readonly code: string };

interface Endpoint {
  readonly vpc: string;
  readonly subnet: string;
  readonly eni: string;
  readonly ip: string;
}

interface Observations {
  readonly path: { readonly created: Record<string, unknown> & { CreatedDate: Timestamp; NetworkInsightsPathId: string }; readonly described: unknown[]; readonly filtered: string[]; readonly x: Endpoint; readonly y: Endpoint };
  readonly refusals: Readonly<Record<string, CallError>> & { readonly leftBehind: string[] };
  readonly analysis: {
    readonly pathId: string;
    readonly started: Record<string, unknown> & { StartDate: Timestamp; NetworkInsightsAnalysisId: string };
    readonly startedPlain: string[];
    readonly described: Record<string, unknown>;
    readonly tokenSame: boolean;
    readonly mismatch: CallError;
    readonly errors: Readonly<Record<string, CallError>>;
    readonly byPath: number;
    readonly byStatus: number;
    readonly byTag: boolean;
    readonly deleted: number;
    readonly pathDeleted: boolean;
    readonly gone: CallError;
  };
  readonly paginators: { readonly pathPages: number; readonly paths: boolean; readonly analysisPages: number; readonly analyses: boolean; readonly badToken: CallError };
  readonly situations: Readonly<Record<'missingRoute' | 'securityGroup' | 'found' | 'peeringFilteredOut' | 'otherFilteredOut' | 'fromInstance' | 'aclReturn' | 'blackhole' | 'transitive' | 'toPeering', Verdict>> & {
    readonly instance: string;
    readonly instanceEni: string;
  };
  readonly moreSituations: Readonly<Record<'overlapLeft' | 'overlapRight' | 'partialRoute' | 'sourceDestCheck', Verdict>> & {
    readonly overlapLeftPeering: string;
    readonly overlapRightPeering: string;
    readonly rightIp: string;
    readonly ipv6Refused: CallError;
  };
  readonly blackholes: Readonly<Record<'beforeDelete' | 'rejected' | 'deleted', Verdict>> & {
    readonly activeState: string;
    readonly rejectedState: string;
    readonly deletedState: string;
    readonly table: string;
    readonly rejectedPeering: string;
    readonly deletedPeering: string;
  };
  readonly routing: Readonly<Record<'noReturnRoute' | 'found' | 'forwardMoreSpecific' | 'returnMoreSpecific' | 'edgeToEdge' | 'transitive', Verdict>> & {
    readonly a: Endpoint;
    readonly b: Endpoint;
    readonly far: Endpoint;
    readonly tableA: string;
    readonly tableB: string;
    readonly ab: string;
    readonly toTwinOfA: string;
    readonly toTwinOfB: string;
    readonly igw: string;
  };
  readonly statefulness: Readonly<Record<'replyWithoutEgressRule' | 'requestWithoutEgressRule' | 'aclNoEphemeral' | 'aclEphemeral' | 'checkOn' | 'checkOff', Verdict>> & {
    readonly groupA: string;
    readonly groupB: string;
    readonly acl: string;
    readonly eniA: string;
  };
  readonly ipv6: Readonly<Record<'ipv6RouteOnly' | 'ipv4Routes', Verdict>> & {
    readonly a: Endpoint;
    readonly b: Endpoint & { readonly block: string };
    readonly ab: string;
    readonly tableA: string;
    readonly ipv6Routes: [string, string | null, string][];
  };
  readonly regions: {
    readonly crossRegion: CallError;
    readonly toPeering: Verdict;
    readonly byAddress: { readonly found: boolean; readonly explanations: [string, string | null][] };
    readonly source: string;
    readonly destinationArn: string;
    readonly peering: string;
  };
  readonly interRegion: { readonly found: Verdict; readonly peering: string };
  readonly internet: {
    readonly igw: string;
    readonly instance: string;
    readonly publicIp: string;
    readonly blocked: InternetVerdict;
    readonly found: InternetVerdict;
    readonly out: Verdict;
  };
}

interface InternetVerdict {
  readonly path: Record<string, string>;
  readonly found: boolean;
  readonly codes: string[];
  readonly forward: string[];
  readonly back: string[];
  readonly gatewayIn: string[];
  readonly gatewayOut: string[];
}

function runScript(url: string, interRegionUrl: string): Promise<string> {
  return new Promise((done, fail) => {
    execFile('python3', [SCRIPT, url, interRegionUrl], { timeout: 240_000, maxBuffer: 8 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) fail(new Error(`network-insights.py failed: ${err.message}\nstderr:\n${stderr}\nstdout:\n${stdout}`));
      else done(stdout);
    });
  });
}

describe.skipIf(!ok)('boto3: Network Insights paths and analyses', () => {
  let server: RunningServer;
  let interRegion: RunningServer;
  let doc: Observations;
  // A scenario that raised is recorded as { error: traceback }: show it rather than a missing field.
  const get = <K extends keyof Observations>(name: K): Observations[K] => {
    const v = doc[name] as (Observations[K] & { error?: unknown }) | undefined;
    if (!v || typeof v.error === 'string') throw new Error(`scenario ${name} failed:\n${String(v?.error ?? 'missing')}`);
    return v;
  };

  beforeAll(async () => {
    [server, interRegion] = await Promise.all([startServer({ inMemory: true }), startServer({ inMemory: true, args: ['--reach-inter-region'] })]);
    doc = JSON.parse(await runScript(server.url, interRegion.url)) as Observations;
  }, 300_000);

  afterAll(async () => {
    await Promise.all([server?.stop(), interRegion?.stop()]);
  });

  it('a path as botocore parses it: ids, ARNs, lower-case protocol, a timezone-aware CreatedDate, no unset members', () => {
    const { created, x, y } = get('path');
    const id = created.NetworkInsightsPathId;
    expect(id).toMatch(/^nip-[0-9a-f]{17}$/);
    expect(created).toEqual({
      NetworkInsightsPathId: id,
      NetworkInsightsPathArn: `arn:aws:ec2:us-east-1:${A}:network-insights-path/${id}`,
      CreatedDate: { type: 'datetime', iso: expect.stringMatching(/\.\d{6}\+00:00$/), aware: true },
      Source: x.eni,
      SourceArn: `arn:aws:ec2:us-east-1:${A}:network-interface/${x.eni}`,
      Destination: y.eni,
      DestinationArn: `arn:aws:ec2:us-east-1:${A}:network-interface/${y.eni}`,
      Protocol: 'tcp',
      DestinationPort: 443,
      Tags: [{ Key: 'Name', Value: 'boto' }],
    });
    expect(get('path').described).toEqual([created]);
    expect(get('path').filtered).toEqual([id]);
  });

  it('every refusal of CreateNetworkInsightsPath, as a ClientError with AWS codes, and nothing left behind', () => {
    const r = get('refusals');
    expect(r.noDestination).toEqual({
      code: 'MissingParameter',
      http: 400,
      message: 'The request must include either the Destination parameter or the FilterAtSource.DestinationAddress parameter. Add the required parameter and retry the request.',
    });
    expect(r.unknownGateway).toEqual({ code: 'InvalidInternetGatewayID.NotFound', http: 400, message: "The internetGateway ID 'igw-0123456789abcdef0' does not exist" });
    for (const k of ['protocol', 'port', 'sourceIp', 'destinationIpV6', 'portRange', 'unsupported', 'wrongArnType', 'tagType']) {
      expect(r[k]?.code, k).toBe('InvalidParameterValue');
    }
    expect(r.port?.message).toBe('Value ( 65536 ) for parameter destinationPort is invalid. Expecting a value less than or equal to 65535.');
    for (const k of ['filterSourceAndPort', 'filterSourceAndSourceIp', 'filterDestinationAndDestinationIp']) expect(r[k]?.code, k).toBe('InvalidParameterCombination');
    expect(r.unknownEni).toEqual({ code: 'InvalidNetworkInterfaceID.NotFound', http: 400, message: "The networkInterface ID 'eni-0123456789abcdef0' does not exist" });
    expect(r.unknownInstance?.code).toBe('InvalidInstanceID.NotFound');
    expect(r.unknownPeering?.code).toBe('InvalidVpcPeeringConnectionID.NotFound');
    expect(r.malformedEni).toEqual({ code: 'InvalidNetworkInterfaceID.Malformed', http: 400, message: 'Invalid id: "eni-xyz"' });
    // Another account's interface, by id or by ARN, is not found for the intruder.
    expect(r.intruderId?.code).toBe('InvalidNetworkInterfaceID.NotFound');
    expect(r.intruderArn?.code).toBe('InvalidNetworkInterfaceID.NotFound');
    expect(r.dryRun).toEqual({ code: 'DryRunOperation', http: 412, message: 'Request would have succeeded, but DryRun flag is set.' });
    // Every path of the account: only the one the path scenario made, none by a refused or DryRun call.
    expect(r.leftBehind).toEqual([get('path').created.NetworkInsightsPathId]);
  });

  it('an analysis: Start answers running with the echoes, Describe sees it succeeded with every list', () => {
    const { pathId, started, described } = get('analysis');
    const id = started.NetworkInsightsAnalysisId;
    const filterIn = [`arn:aws:ec2:us-east-1:${A}:vpc-peering-connection/pcx-0123456789abcdef0`];
    expect(started).toEqual({
      NetworkInsightsAnalysisId: id,
      NetworkInsightsAnalysisArn: `arn:aws:ec2:us-east-1:${A}:network-insights-analysis/${id}`,
      NetworkInsightsPathId: pathId,
      AdditionalAccounts: ['222222222222'],
      FilterInArns: filterIn,
      StartDate: { type: 'datetime', iso: expect.any(String), aware: true },
      Status: 'running',
      Tags: [{ Key: 'Name', Value: 'a1' }],
    });
    // Without filters, accounts or tags, Start answers exactly the CLI reference's example: no empty lists.
    expect(get('analysis').startedPlain).toEqual(['NetworkInsightsAnalysisArn', 'NetworkInsightsAnalysisId', 'NetworkInsightsPathId', 'StartDate', 'Status']);
    expect(described).toMatchObject({ NetworkInsightsAnalysisId: id, NetworkInsightsPathId: pathId, Status: 'succeeded', FilterInArns: filterIn, AdditionalAccounts: ['222222222222'], StartDate: started.StartDate });
    // X and Y are not peered and X's table has no route to Y: DISCONNECTED_VPCS (REACHABILITY.md §2.4);
    // and the forced connection (FilterInArns) is one the path does not cross (§2.3).
    expect(described.NetworkPathFound).toBe(false);
    expect((described.Explanations as { ExplanationCode?: string }[]).map((e) => e.ExplanationCode)).toEqual(['DISCONNECTED_VPCS', 'COMPONENT_FILTER_RESTRICTION']);
    for (const list of ['ForwardPathComponents', 'Explanations']) expect(Array.isArray(described[list]), list).toBe(true);
    // Lists only when they hold something, as in the Reachability Analyzer guide's CLI examples: no
    // return path for a blocked forward one, no SuggestedAccounts, never an empty AlternatePathHints.
    for (const absent of ['ReturnPathComponents', 'SuggestedAccounts', 'AlternatePathHints', 'FilterOutArns']) expect(described[absent], absent).toBeUndefined();
  });

  it('analysis idempotency, refusals, isolation, filters and deletion', () => {
    const a = get('analysis');
    expect(a.tokenSame).toBe(true);
    expect(a.mismatch.code).toBe('IdempotentParameterMismatch');
    const e = a.errors;
    expect(e.unknownPath?.code).toBe('InvalidNetworkInsightsPathId.NotFound');
    expect(e.malformedPath?.code).toBe('InvalidNetworkInsightsPathId.Malformed');
    for (const k of ['account', 'filterIn', 'filterInRouteTable', 'tagType', 'badFilter', 'maxResults']) expect(e[k]?.code, k).toBe('InvalidParameterValue');
    expect(e.filterInRouteTable?.message).toBe(
      'Value (arn:aws:ec2:us-east-1:111111111111:route-table/rtb-0123456789abcdef0) for parameter FilterInArn is invalid. A path can only be required to traverse an intermediate component: a load balancer, NAT gateway, AWS Network Firewall firewall, transit gateway, transit gateway attachment or VPC peering connection.',
    );
    expect(e.dryRun?.code).toBe('DryRunOperation');
    expect(e.deleteAnalysisDryRun?.http).toBe(412);
    expect(e.describeUnknown).toEqual({ code: 'InvalidNetworkInsightsAnalysisId.NotFound', http: 400, message: "The networkInsightsAnalysis ID 'nia-0123456789abcdef0' does not exist" });
    expect(e.describeMalformed?.code).toBe('InvalidNetworkInsightsAnalysisId.Malformed');
    expect(e.deletePathWithAnalyses?.code).toBe('AnalysisExistsForNetworkInsightsPath');
    expect(e.intruderStart?.code).toBe('InvalidNetworkInsightsPathId.NotFound');
    expect(e.intruderDeletePath?.code).toBe('InvalidNetworkInsightsPathId.NotFound');
    expect(e.intruderDescribe?.code).toBe('InvalidNetworkInsightsAnalysisId.NotFound');
    expect(e.intruderDelete?.code).toBe('InvalidNetworkInsightsAnalysisId.NotFound');
    // Two analyses made (the token's one and the first), none by DryRun or refused calls.
    expect([a.byPath, a.byStatus, a.byTag, a.deleted, a.pathDeleted]).toEqual([2, 2, true, 2, true]);
    expect(a.gone.code).toBe('InvalidNetworkInsightsPathId.NotFound');
  });

  it("botocore's paginators for both Describes collect everything once", () => {
    expect(get('paginators')).toEqual({
      pathPages: 3,
      paths: true,
      analysisPages: 3,
      analyses: true,
      badToken: { code: 'InvalidNextToken', http: 400, message: 'The specified NextToken is not valid' },
    });
  });

  it("the guide's getting-started flow: an internet gateway to an instance on TCP 22, blocked by its group, then found", () => {
    const n = get('internet');
    expect(n.blocked.path).toEqual({
      Source: n.igw,
      SourceArn: `arn:aws:ec2:us-east-1:999999999999:internet-gateway/${n.igw}`,
      Destination: n.instance,
      DestinationArn: `arn:aws:ec2:us-east-1:999999999999:instance/${n.instance}`,
      Protocol: 'tcp',
    });
    expect(n.blocked.found).toBe(false);
    expect(n.blocked.codes).toEqual(['ENI_SG_RULES_MISMATCH']);
    expect(n.blocked.forward[0]).toBe(n.igw);
    expect(n.blocked.forward.at(-1)).toBe(n.instance);
    expect(n.found.found).toBe(true);
    expect(n.found.codes).toEqual([]);
    // The gateway takes the packet to the public address and hands it on to the private one.
    expect(n.found.gatewayIn).toEqual([`${n.publicIp}/32`]);
    expect(n.found.gatewayOut?.[0]).toMatch(/^10\.110\.2\.\d+\/32$/);
    expect(n.found.forward).toHaveLength(5);
    expect([n.found.back[0], n.found.back.at(-1)]).toEqual([n.instance, n.igw]);
    expect(n.out.found).toBe(true);
    expect(n.out.forward.at(-1)).toBe(n.igw);
  });

  it('Regions: AWS analyses one; a server started with --reach-inter-region follows the peering into another', () => {
    const r = get('regions');
    // "The source and destination resources must be in the same Region" (How Reachability Analyzer works).
    expect(r.crossRegion).toEqual({
      code: 'InvalidParameterValue',
      http: 400,
      message: `The source and destination resources must be in the same Region: ${r.source} is in us-east-1, ${r.destinationArn.split('/')[1]} in eu-west-1. This server analyses across Regions only when started with \`vpcpeer serve --reach-inter-region\` (or asked by \`vpcpeer reach --inter-region\`).`,
    });
    // The peering lives in both Regions: a path to it is one Region's, and ends at it.
    expect(r.toPeering.found).toBe(true);
    expect(r.toPeering.forward.at(-1)).toBe(r.peering);
    // An address beyond it: the walk stops at the peering, naming the other Region.
    expect(r.byAddress).toEqual({ found: false, explanations: [['NO_POSSIBLE_DESTINATION', 'eu-west-1']] });
    const ir = get('interRegion');
    expect(ir.found.status).toBe('succeeded');
    expect(ir.found.found).toBe(true);
    expect(ir.found.forward).toContain(ir.peering);
    expect(ir.found.returnHops).toBeGreaterThan(0);
  });

  it('the peering situations: verdicts and explanation codes (REACHABILITY.md §2.4)', () => {
    const s = get('situations');
    for (const name of ['missingRoute', 'securityGroup', 'found', 'fromInstance', 'aclReturn', 'blackhole', 'transitive', 'toPeering'] as const) expect(s[name].status, name).toBe('succeeded');
    expect(s.found.found).toBe(true);
    expect(s.found.codes).toEqual([]);
    expect(s.found.returnHops).toBeGreaterThan(0);
    // A found path carries no empty lists (the guide's reachable example has neither).
    expect(s.found.keys).toContain('ReturnPathComponents');
    expect(s.found.keys).not.toContain('Explanations');
    expect(s.found.keys).not.toContain('AlternatePathHints');
    expect(s.toPeering.found).toBe(true);
    // An instance as the source: the instance first, then the walk leaves through its primary interface.
    expect(s.fromInstance.found).toBe(true);
    expect(s.instance).toMatch(/^i-[0-9a-f]{17}$/);
    expect(s.fromInstance.forward.slice(0, 2)).toEqual([s.instance, s.instanceEni]);
    const blocked = (v: Verdict, code: string): void => {
      expect(v.found).toBe(false);
      expect(v.codes).toContain(code);
      // A blocked path is still returned as far as it goes, numbered from 1.
      expect(v.forward.length).toBeGreaterThan(0);
      expect(v.sequence).toEqual(v.forward.map((_, i) => i + 1));
    };
    blocked(s.missingRoute, 'NO_ROUTE_TO_DESTINATION');
    // FilterOutArns: without its only peering the path is not found, and the peering's hop says why;
    // excluding a peering the path does not use changes nothing.
    blocked(s.peeringFilteredOut, 'COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT');
    expect(s.peeringFilteredOut.codes).toEqual(['COMPONENT_FILTER_RESTRICTION_REMOVED_COMPONENT']);
    expect(s.otherFilteredOut.found).toBe(true);
    blocked(s.securityGroup, 'ENI_SG_RULES_MISMATCH');
    blocked(s.aclReturn, 'SUBNET_ACL_RESTRICTION');
    // The request got through; the reply is what the ACL refuses, on the return path.
    expect(s.aclReturn.forward.at(-1)).toMatch(/^eni-/);
    expect(s.aclReturn.returnCodes).toEqual(['SUBNET_ACL_RESTRICTION']);
    blocked(s.blackhole, 'BAD_STATE_ROUTE');
    blocked(s.transitive, 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR');

    // Two peers with the same block, each reached through its own specific route: the longest
    // prefix picks the peering each way (VPC peering guide, "specific routes").
    const m = get('moreSituations');
    expect([m.overlapLeft.found, m.overlapRight.found]).toEqual([true, true]);
    expect(m.overlapLeft.forward).toContain(m.overlapLeftPeering);
    expect(m.overlapLeft.forward).not.toContain(m.overlapRightPeering);
    expect(m.overlapRight.forward).toContain(m.overlapRightPeering);
    expect(m.overlapRight.forward).not.toContain(m.overlapLeftPeering);
    // A route for part of the peer's block leaves the rest unrouted.
    expect(m.rightIp.startsWith('10.90.2.') && Number(m.rightIp.split('.')[3]) < 128).toBe(true);
    blocked(m.partialRoute, 'NO_ROUTE_TO_DESTINATION');
    // The source/destination check: an interface sends only from its own addresses.
    blocked(m.sourceDestCheck, 'ENI_SOURCE_DEST_CHECK_RESTRICTION');
    // IPv4 only, as Reachability Analyzer (REACHABILITY.md §3.7): an IPv6 address is refused.
    expect(m.ipv6Refused.http).toBe(400);
    expect(m.ipv6Refused.code).toMatch(/^Invalid/);
  });

  it('a blackhole from a rejected and from a deleted peering: the route reads blackhole, the analysis BAD_STATE_ROUTE on it', () => {
    const h = get('blackholes');
    // The same routes carried the path while the connection was active.
    expect(h.activeState).toBe('active');
    expect(h.beforeDelete.found).toBe(true);
    expect([h.rejectedState, h.deletedState]).toEqual(['blackhole', 'blackhole']);
    for (const [v, pcx, state] of [[h.rejected, h.rejectedPeering, 'rejected'], [h.deleted, h.deletedPeering, 'deleted']] as const) {
      expect(v.status).toBe('succeeded');
      expect(v.found).toBe(false);
      expect(v.explained).toEqual([expect.objectContaining({ code: 'BAD_STATE_ROUTE', RouteTable: h.table, VpcPeeringConnection: pcx, State: state })]);
      // The blocked path still runs on, over the peering, to the destination.
      expect(v.forward.slice(3, 5)).toEqual([h.table, pcx]);
      expect(v.forward.at(-1)).toMatch(/^eni-/);
      expect(v.returnHops).toBe(0);
    }
  });

  it('a missing return route, and longest-prefix match on each side: the reply is what fails', () => {
    const r = get('routing');
    // Forward route on A, none back on B: the request arrives, the reply has no route.
    const noReturn = r.noReturnRoute;
    expect(noReturn.found).toBe(false);
    expect(noReturn.forward.at(-1)).toBe(r.b.eni);
    expect(noReturn.back).toEqual([r.b.eni, expect.stringMatching(/^sg-/), expect.stringMatching(/^acl-/), r.tableB]);
    expect(noReturn.returnExplained).toEqual([{ code: 'NO_ROUTE_TO_DESTINATION', RouteTable: r.tableB, Subnet: r.b.subnet, Vpc: r.b.vpc, Destination: r.a.eni }]);
    expect(noReturn.explained).toEqual(noReturn.returnExplained);
    expect(r.found.found).toBe(true);
    expect(r.found.back.at(-1)).toBe(r.a.eni);
    // A's /24 for B's subnet to B's twin beats A's /16 to B: the route to the peer exists, a more specific one wins.
    expect(r.forwardMoreSpecific.found).toBe(false);
    expect(r.forwardMoreSpecific.forward.at(-1)).toBe(r.tableA);
    expect(r.forwardMoreSpecific.forward).not.toContain(r.ab);
    expect(r.forwardMoreSpecific.explained).toEqual([{ code: 'MORE_SPECIFIC_ROUTE', RouteTable: r.tableA, Subnet: r.a.subnet, Vpc: r.a.vpc, Destination: r.ab }]);
    // The same on B's table for the reply (its /24 for A's subnet goes to A's twin).
    expect(r.returnMoreSpecific.found).toBe(false);
    expect(r.returnMoreSpecific.forward.at(-1)).toBe(r.b.eni);
    expect(r.returnMoreSpecific.back.at(-1)).toBe(r.tableB);
    expect(r.returnMoreSpecific.returnExplained).toEqual([expect.objectContaining({ code: 'MORE_SPECIFIC_ROUTE', RouteTable: r.tableB, Vpc: r.b.vpc })]);
  });

  it("no edge-to-edge routing through the peer's internet gateway, no transit through a fully routed middle VPC: PCX_REQUIRES_ADDRESS_IN_VPC_CIDR at the peering", () => {
    const r = get('routing');
    const refused = { code: 'PCX_REQUIRES_ADDRESS_IN_VPC_CIDR', VpcPeeringConnection: r.ab, SourceVpc: r.a.vpc, DestinationVpc: r.b.vpc };
    for (const v of [r.edgeToEdge, r.transitive]) {
      expect(v.status).toBe('succeeded');
      expect(v.found).toBe(false);
      expect(v.explained).toEqual([refused]);
      // The walk stops at the peering: neither B's gateway nor the far VPC is reached.
      expect(v.forward.at(-1)).toBe(r.ab);
      expect(v.forward).toContain(r.tableA);
      expect(v.forward).not.toContain(r.igw);
    }
  });

  it('security groups are stateful, network ACLs stateless; the source/destination check', () => {
    const s = get('statefulness');
    // B's group lets nothing out, yet the reply passes it, and the return path shows no rule for it.
    expect(s.replyWithoutEgressRule.found).toBe(true);
    expect(s.replyWithoutEgressRule.back).toContain(s.groupB);
    expect(s.replyWithoutEgressRule.returnGroupRules).toEqual([null, null]);
    // The request itself needs an egress rule.
    expect(s.requestWithoutEgressRule.found).toBe(false);
    expect(s.requestWithoutEgressRule.explained).toEqual([expect.objectContaining({ code: 'ENI_SG_RULES_MISMATCH', Direction: 'egress', NetworkInterface: s.eniA })]);
    // B's ACL admits the request on 443 but has no outbound rule: the reply is refused on the way back.
    expect(s.aclNoEphemeral.found).toBe(false);
    expect(s.aclNoEphemeral.forward).toContain(s.acl);
    expect(s.aclNoEphemeral.returnExplained).toEqual([expect.objectContaining({ code: 'SUBNET_ACL_RESTRICTION', Acl: s.acl, Direction: 'egress' })]);
    expect(s.aclNoEphemeral.explained).toEqual(s.aclNoEphemeral.returnExplained);
    // Its ephemeral-port rule (TCP 1024-65535 out) lets the reply through.
    expect(s.aclEphemeral.found).toBe(true);
    expect(s.aclEphemeral.back).toContain(s.acl);
    // With the check on, an address not the interface's own is refused at the interface; off, the
    // request goes out and reaches B, but the reply to that address is not the interface's to receive.
    expect(s.checkOn.found).toBe(false);
    expect(s.checkOn.explained).toEqual([{ code: 'ENI_SOURCE_DEST_CHECK_RESTRICTION', NetworkInterface: s.eniA }]);
    expect(s.checkOff.found).toBe(false);
    expect(s.checkOff.codes).not.toContain('ENI_SOURCE_DEST_CHECK_RESTRICTION');
    expect(s.checkOff.forward.at(-1)).toMatch(/^eni-/);
    expect(s.checkOff.returnExplained).toEqual([{ code: 'ENI_ADDRESS_RESTRICTION', NetworkInterface: s.eniA }]);
  });

  it('IPv6 between dual-stack VPCs: the IPv6 routes over the peering are active, but the analysis is IPv4 only (REACHABILITY.md §3.7)', () => {
    const v = get('ipv6');
    expect(v.ipv6Routes).toContainEqual([v.b.block, v.ab, 'active']);
    // IPv6 routes alone do not carry the path's IPv4 packets.
    expect(v.ipv6RouteOnly.found).toBe(false);
    expect(v.ipv6RouteOnly.explained).toEqual([{ code: 'NO_ROUTE_TO_DESTINATION', RouteTable: v.tableA, Subnet: v.a.subnet, Vpc: v.a.vpc, Destination: v.b.eni }]);
    expect(v.ipv6RouteOnly.forward.at(-1)).toBe(v.tableA);
    expect(v.ipv4Routes.found).toBe(true);
    expect(v.ipv4Routes.forward).toContain(v.ab);
  });
});
