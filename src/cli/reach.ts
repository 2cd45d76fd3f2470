import type { CreateNetworkInsightsPathCommandInput } from '@aws-sdk/client-ec2';
import { Command, Option } from 'commander';
import { isIPv4 } from 'node:net';
import type { NativeAnalysis } from './format-analysis.js';
import { formatAnalysis } from './format-analysis.js';
import type { AccessOptions, ServerAccess } from './server-access.js';
import { CliProblem, problem, serverAccess, signedGet, withAccessOptions } from './server-access.js';

interface ReachOptions extends AccessOptions {
  protocol: string;
  port?: string;
  sourceIp?: string;
  additionalAccount?: string[];
  keep?: boolean;
  json?: boolean;
  interRegion?: boolean;
}

/** Exit codes: 0 reachable, 1 blocked, 2 a usage or API problem (the analysis could not be made). */
const FOUND = 0;
const BLOCKED = 1;
const PROBLEM = 2;

/** --port as a number, or undefined when not given. */
function portOf(opts: ReachOptions): number | undefined {
  if (opts.port === undefined) return undefined;
  const port = Number(opts.port);
  if (!/^\d{1,5}$/.test(opts.port) || port > 65535) problem(`--port must be a whole number from 0 to 65535, not '${opts.port}'`);
  return port;
}

/** The path's question: DESTINATION is a resource (id or ARN) or an IPv4 address. */
function pathInput(source: string, destination: string, opts: ReachOptions): CreateNetworkInsightsPathCommandInput {
  const protocol = opts.protocol.toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp') problem(`--protocol must be tcp, udp or icmp, not '${opts.protocol}'`);
  const port = portOf(opts);
  if (opts.sourceIp !== undefined && !isIPv4(opts.sourceIp)) problem(`--source-ip must be an IPv4 address, not '${opts.sourceIp}'`);
  const base = { Source: source, Protocol: protocol as 'tcp' | 'udp', TagSpecifications: [{ ResourceType: 'network-insights-path' as const, Tags: [{ Key: 'Name', Value: 'vpcpeer reach' }] }] };
  if (isIPv4(destination)) {
    // An address alone is FilterAtSource.DestinationAddress (AWS refuses DestinationIp without a
    // Destination, terraform-provider-aws #38132); the filter then carries the port and source too.
    return {
      ...base,
      FilterAtSource: {
        DestinationAddress: destination,
        ...(port !== undefined ? { DestinationPortRange: { FromPort: port, ToPort: port } } : {}),
        ...(opts.sourceIp !== undefined ? { SourceAddress: opts.sourceIp } : {}),
      },
    };
  }
  return { ...base, Destination: destination, ...(port !== undefined ? { DestinationPort: port } : {}), ...(opts.sourceIp !== undefined ? { SourceIp: opts.sourceIp } : {}) };
}

/** GET /_vpcpeer/analyses/<id>: the analysis with a sentence on every explanation. */
async function fetchNative(access: ServerAccess, id: string): Promise<NativeAnalysis> {
  const path = `/_vpcpeer/analyses/${encodeURIComponent(id)}`;
  const { status, body } = await signedGet(access, path);
  const analysis = body.NetworkInsightsAnalysis as NativeAnalysis | undefined;
  if (status !== 200 || !analysis) problem(`GET ${path}: HTTP ${status} ${String(body.error ?? '')} ${String(body.message ?? '')}`.trim());
  return analysis;
}

/**
 * What a Network Insights path cannot ask is asked of vpcpeer's own endpoint, GET /_vpcpeer/reach,
 * which answers in the same shape and stores nothing: an ICMP echo (AWS's analyzer asks tcp or udp
 * only), and an analysis across Regions (`--inter-region`; AWS analyses one Region, and the EC2 API
 * takes no parameter for it).
 */
async function reachNative(access: ServerAccess, source: string, destination: string, opts: ReachOptions): Promise<number> {
  const protocol = opts.protocol.toLowerCase();
  const icmp = protocol === 'icmp';
  if (!icmp && protocol !== 'tcp' && protocol !== 'udp') problem(`--protocol must be tcp, udp or icmp, not '${opts.protocol}'`);
  if (icmp && opts.port !== undefined) problem('--port does not apply to ICMP');
  const port = portOf(opts);
  const asked = icmp ? 'ICMP is' : 'An inter-Region question is';
  if (opts.sourceIp !== undefined || isIPv4(destination)) problem(`${asked} analysed between resources: give a destination id or ARN, and no --source-ip`);
  const query = new URLSearchParams({ source, destination, protocol });
  if (port !== undefined) query.set('port', String(port));
  if (opts.interRegion) query.set('interRegion', 'true');
  for (const a of opts.additionalAccount ?? []) query.append('additionalAccount', a);
  const path = `/_vpcpeer/reach?${query.toString()}`;
  const { status, body } = await signedGet(access, path);
  const analysis = body.NetworkInsightsAnalysis as NativeAnalysis | undefined;
  if (status !== 200 || !analysis) problem(`GET /_vpcpeer/reach: HTTP ${status} ${String(body.error ?? '')} ${String(body.message ?? '')}`.trim());
  const what = `${icmp ? 'icmp echo' : `${protocol}${port !== undefined ? ` port ${port}` : ''}`}${opts.interRegion ? ', across Regions' : ''}`;
  if (opts.json) process.stdout.write(JSON.stringify(analysis, null, 2) + '\n');
  else process.stdout.write(formatAnalysis(analysis, `${source} -> ${destination}, ${what}`));
  return analysis.NetworkPathFound ? FOUND : BLOCKED;
}

async function reach(source: string, destination: string, opts: ReachOptions): Promise<number> {
  const access = serverAccess(opts);
  const { endpoint, region, credentials } = access;
  for (const a of opts.additionalAccount ?? []) if (!/^\d{12}$/.test(a)) problem(`--additional-account must be a 12-digit account id, not '${a}'`);
  if (opts.protocol.toLowerCase() === 'icmp' || opts.interRegion) return reachNative(access, source, destination, opts);
  const input = pathInput(source, destination, opts);
  // vpcpeer supports Node 20.12+ (package.json engines); the SDK's notice about its own future
  // Node requirement is not this command's output.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Loaded here, not at the top: every command (serve too) imports this module, and the SDK took a
  // good part of `vpcpeer serve`'s start-up.
  const { CreateNetworkInsightsPathCommand, DeleteNetworkInsightsAnalysisCommand, DeleteNetworkInsightsPathCommand, EC2Client, StartNetworkInsightsAnalysisCommand } = await import('@aws-sdk/client-ec2');
  const ec2 = new EC2Client({ endpoint: endpoint.toString(), region, credentials, maxAttempts: 1 });
  try {
    const path = (await ec2.send(new CreateNetworkInsightsPathCommand(input))).NetworkInsightsPath;
    const pathId = path?.NetworkInsightsPathId ?? problem('CreateNetworkInsightsPath answered without a path id');
    let analysisId: string | undefined;
    try {
      const started = await ec2.send(
        new StartNetworkInsightsAnalysisCommand({ NetworkInsightsPathId: pathId, ...(opts.additionalAccount ? { AdditionalAccounts: opts.additionalAccount } : {}) }),
      );
      analysisId = started.NetworkInsightsAnalysis?.NetworkInsightsAnalysisId ?? problem('StartNetworkInsightsAnalysis answered without an analysis id');
      const analysis = await fetchNative(access, analysisId);
      if (opts.json) process.stdout.write(JSON.stringify(analysis, null, 2) + '\n');
      else {
        const what = `${input.Protocol}${input.DestinationPort !== undefined ? ` port ${input.DestinationPort}` : input.FilterAtSource?.DestinationPortRange ? ` port ${input.FilterAtSource.DestinationPortRange.FromPort}` : ''}`;
        const kept = opts.keep ? ` (kept: path ${pathId}, analysis ${analysisId})` : '';
        process.stdout.write(formatAnalysis(analysis, `${source} -> ${destination}, ${what}${kept}`));
      }
      if (analysis.Status !== 'succeeded') return PROBLEM;
      return analysis.NetworkPathFound ? FOUND : BLOCKED;
    } finally {
      if (!opts.keep) {
        if (analysisId) await ec2.send(new DeleteNetworkInsightsAnalysisCommand({ NetworkInsightsAnalysisId: analysisId }));
        await ec2.send(new DeleteNetworkInsightsPathCommand({ NetworkInsightsPathId: pathId }));
      }
    }
  } finally {
    ec2.destroy();
  }
}

/** `vpcpeer reach SOURCE DESTINATION`: a Network Insights path and analysis made through a running server's API, printed hop by hop. */
export function reachCommand(): Command {
  return withAccessOptions(new Command('reach'))
    .description('Would traffic from SOURCE reach DESTINATION? Analyses the path through a running server and prints it hop by hop (exit 0: reachable, 1: blocked, 2: error)')
    .argument('<source>', 'network interface, instance or internet gateway (id or ARN)')
    .argument('<destination>', 'network interface, instance, internet gateway or peering connection (id or ARN), or an IPv4 address')
    .addOption(new Option('--protocol <protocol>', 'tcp, udp, or icmp (an echo: vpcpeer\'s own analysis, beyond AWS\'s)').default('tcp'))
    .option('--port <port>', 'destination port (default: any)')
    .option('--source-ip <ip>', 'one of the source\'s private IPv4 addresses (default: its primary)')
    .option('--additional-account <id...>', 'other accounts the analysis may enter (AdditionalAccounts)')
    .option('--keep', 'keep the path and analysis (by default both are deleted after printing)')
    .option('--json', 'print the analysis as JSON (with sentences) instead of text')
    .option('--inter-region', 'follow peering connections across Regions (vpcpeer\'s own analysis: AWS analyses one Region); nothing is stored')
    .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : PROBLEM))
    .action(async (source: string, destination: string, opts: ReachOptions) => {
      try {
        process.exitCode = await reach(source, destination, opts);
      } catch (err) {
        const e = err as { name?: string; message?: string };
        const what = err instanceof CliProblem ? e.message : `${e.name ?? 'Error'}: ${e.message ?? String(err)}`;
        process.stderr.write(`vpcpeer reach: ${what}\n`);
        process.exitCode = PROBLEM;
      }
    });
}
