import { spawnSync } from 'node:child_process';

/** What vpcpeer could leave in the host's network namespace, by kind: names only. */
export interface HostObjects {
  readonly netns: readonly string[];
  readonly links: readonly string[];
  readonly nftTables: readonly string[];
}

// vpcpeer's names: namespaces `vpcp-…` (DATAPLANE.md), devices named by kind letter and 14 hex
// digits of an id (device-name.ts) or `vpcp-…`, the routers' nft table `vpcpeer`. Only these
// count, so nothing else running on the host can fail a run.
const OURS = {
  netns: /^vpcp-/,
  links: /^(vpcp-.*|[ep][0-9a-f]{14})$/,
  nftTables: /^(vpcpeer|vpcp-.*)$/,
} as const;

/** The vpcpeer-named objects in `ip netns list`, `ip -br link` and `nft list tables` output. */
export function vpcpeerObjects(out: { netns?: string; links?: string; nftTables?: string }): HostObjects {
  const firstWords = (text = ''): string[] => text.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((w) => w !== '');
  return {
    netns: firstWords(out.netns).filter((n) => OURS.netns.test(n)),
    // `ip -br link` names a veth `name@peer`.
    links: firstWords(out.links).map((n) => n.replace(/@.*$/, '')).filter((n) => OURS.links.test(n)),
    // `table <family> <name>`
    nftTables: (out.nftTables ?? '').split('\n').map((l) => l.trim().split(/\s+/)).filter((w) => w[0] === 'table' && OURS.nftTables.test(w[2] ?? '')).map((w) => `${w[1]} ${w[2]}`),
  };
}

/** Output of a read-only listing, or undefined where the tool is missing or may not look. */
function list(argv: readonly string[]): string | undefined {
  const r = spawnSync(argv[0] as string, argv.slice(1), { encoding: 'utf8', timeout: 10_000 });
  return r.status === 0 ? r.stdout : undefined;
}

/**
 * vpcpeer's objects in the host's network namespace now. Only reads (`ip netns list`, `ip -br
 * link`, `nft list tables`); a listing that cannot be made (no `ip` or `nft`, or no right to list
 * nft tables) reads as empty: the data plane's own suites say when the tools are missing.
 */
export function hostLeftovers(): HostObjects {
  const netns = list(['ip', 'netns', 'list']);
  const links = list(['ip', '-br', 'link']);
  const nftTables = list(['nft', 'list', 'tables']);
  return vpcpeerObjects({ ...(netns === undefined ? {} : { netns }), ...(links === undefined ? {} : { links }), ...(nftTables === undefined ? {} : { nftTables }) });
}

/** What is in `now` but was not in `before`, as one line per object. */
export function newSince(before: HostObjects, now: HostObjects): string[] {
  const added = (kind: keyof HostObjects, label: string): string[] => now[kind].filter((n) => !before[kind].includes(n)).map((n) => `${label} ${n}`);
  return [...added('netns', 'network namespace'), ...added('links', 'link'), ...added('nftTables', 'nft table')];
}
