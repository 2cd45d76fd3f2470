// With its extension: the unit test (test/console/error-help.test.ts) loads this under NodeNext.
import { S } from '../strings.js';

/** Where the fix is: a console page, or the sign-in panel (it has no page of its own). */
export type ErrorHelpLink = { readonly text: string; readonly href: string } | { readonly text: string; readonly signIn: true };

export interface ErrorHelp {
  /** What went wrong and what to do, in words a person uses rather than the API's. */
  readonly sentence: string;
  readonly link?: ErrorHelpLink;
}

const H = S.errorHelp;

/** The first id with this prefix in the message, else among the ids the page is about. */
function idOf(prefix: string, message: string, context: readonly string[]): string {
  const pattern = new RegExp(`\\b${prefix}-[0-9a-f]+\\b`);
  return pattern.exec(message)?.[0] ?? context.find((id) => pattern.test(id)) ?? '';
}

function peeringHelp(message: string, context: readonly string[]): ErrorHelp | undefined {
  const pcx = idOf('pcx', message, context);
  const view: ErrorHelpLink | undefined = pcx ? { text: H.viewPeering(pcx), href: `/peering-connections/${pcx}` } : undefined;
  const region = /must be (?:accepted|accepted or rejected) in region (\S+)/.exec(message)?.[1];
  if (region) return { sentence: H.peeringWrongRegion(region) };
  if (/cannot delete peering .* while it is/.test(message)) return { sentence: H.peeringDeletePending, link: view };
  if (/cannot (accept|reject) peering/.test(message)) return { sentence: H.peeringNotAccepter, link: view };
  if (/is not active/.test(message)) return { sentence: H.peeringNotActive, link: view };
  if (/permission to modify the \w+ side peering options/.test(message)) return { sentence: H.peeringOtherSide, link: view };
  if (/pending acceptance/.test(message)) return { sentence: H.peeringPending, link: view };
  return undefined;
}

function overlapHelp(message: string, context: readonly string[]): ErrorHelp {
  // A block that overlaps a peered VPC is fixed on the peering side; one that overlaps the VPC's
  // own blocks, in its CIDRs.
  const pcx = idOf('pcx', message, context);
  if (pcx && /peered/.test(message)) return { sentence: H.overlap, link: { text: H.viewPeering(pcx), href: `/peering-connections/${pcx}` } };
  const vpc = idOf('vpc', message, context);
  return { sentence: H.overlap, link: vpc ? { text: H.editCidrs(vpc), href: `/vpcs/${vpc}/edit-cidrs` } : undefined };
}

function dependencyHelp(message: string, context: readonly string[]): ErrorHelp {
  const named = /The (\w+) '([a-z]+-[0-9a-f]+)' has dependencies/.exec(message);
  const kind = named?.[1] ?? '';
  const id = named?.[2] ?? /resource ([a-z]+-[0-9a-f]+) has a dependent object/.exec(message)?.[1] ?? '';
  if (kind === 'vpc') return { sentence: H.dependencyVpc(id), link: { text: H.viewResource(id), href: `/vpcs/${id}` } };
  if (kind === 'subnet') return { sentence: H.dependencySubnet(id), link: { text: H.viewInterfaces, href: '/network-interfaces' } };
  if (kind === 'routeTable') return { sentence: H.dependencyRouteTable(id), link: { text: H.editSubnetAssociations(id), href: `/route-tables/${id}/edit-subnet-associations` } };
  const mapped = /Network (vpc-[0-9a-f]+) has some mapped public address/.exec(message)?.[1];
  if (mapped) return { sentence: H.dependencyAddresses(mapped), link: { text: H.viewElasticIps, href: '/elastic-ips' } };
  const target = id || idOf('[a-z]+', message, context);
  const page = RESOURCE_PAGES.find(([prefix]) => target.startsWith(`${prefix}-`));
  return { sentence: H.dependency(target), link: page && target ? { text: H.viewResource(target), href: `${page[1]}/${target}` } : undefined };
}

/** Id prefix → the family's page, for links to a resource a message names. */
const RESOURCE_PAGES: readonly (readonly [string, string])[] = [
  ['vpc', '/vpcs'],
  ['subnet', '/subnets'],
  ['rtb', '/route-tables'],
  ['igw', '/internet-gateways'],
  ['eigw', '/egress-only-internet-gateways'],
  ['dopt', '/dhcp-options'],
  ['sg', '/security-groups'],
  ['acl', '/network-acls'],
  ['eni', '/network-interfaces'],
  ['i', '/instances'],
  ['pcx', '/peering-connections'],
];

/**
 * The plain sentence (and the page with the fix) for an API error, or undefined when the error
 * says all there is. `context` holds the ids of what the page is about (from its path), for
 * messages that do not name the resource themselves (AWS's RouteAlreadyExists names only the
 * destination).
 */
export function errorHelp(code: string, message: string, context: readonly string[] = []): ErrorHelp | undefined {
  if (code.endsWith('DnsHostnamesDisabled')) {
    const vpc = idOf('vpc', message, []);
    return { sentence: H.dnsHostnamesDisabled(vpc), link: vpc ? { text: H.editVpcSettings(vpc), href: `/vpcs/${vpc}/edit-settings` } : undefined };
  }
  if (code === 'InvalidVpcPeeringConnectionID.NotFound') return { sentence: H.peeringNotFound, link: { text: H.viewPeerings, href: '/peering-connections' } };
  if (code === 'CidrConflict' || code === 'InvalidSubnet.Conflict' || (/overlap|conflict/i.test(message) && (code === 'InvalidParameterValue' || code === 'OperationNotPermitted'))) {
    return overlapHelp(message, context);
  }
  if (code === 'OperationNotPermitted') return peeringHelp(message, context) ?? { sentence: H.operationNotPermitted };
  if (code === 'RouteAlreadyExists') {
    const destination = /identified by (\S+) already exists/.exec(message)?.[1] ?? '';
    const table = idOf('rtb', message, context);
    return { sentence: H.routeExists(destination), link: table ? { text: H.editRoutes(table), href: `/route-tables/${table}/edit-routes` } : undefined };
  }
  if (code === 'DependencyViolation') return dependencyHelp(message, context);
  if (code === 'RequestLimitExceeded' || code.startsWith('Throttling')) return { sentence: H.throttled };
  if (code === 'UnauthorizedOperation' || (code === 'AuthFailure' && /permission/i.test(message))) return { sentence: H.unauthorized, link: { text: H.signIn, signIn: true } };
  if (code === 'AuthFailure' || code === 'InvalidClientTokenId' || code === 'SignatureDoesNotMatch' || code === 'ExpiredToken') {
    return { sentence: H.signInAgain, link: { text: H.signIn, signIn: true } };
  }
  if (code === 'TagLimitExceeded') return { sentence: H.tagLimit };
  if (code === 'InvalidParameterValue' && /Tag keys starting with 'aws:'/.test(message)) return { sentence: H.reservedTag };
  if (code === 'InvalidParameterValue' && /^Tag (key|value) must/.test(message)) return { sentence: H.tagInvalid };
  return undefined;
}
