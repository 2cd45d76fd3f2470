/**
 * Summarises V8 CPU profiles of the server (`npm run bench -- --profile /tmp/prof` writes one per
 * workload):
 *
 *   node dist/bench/profile-summary.js /tmp/prof/d-filtered-100k.cpuprofile [more...] [--top 25]
 *
 * prints where the busy time went (idle excluded): by area (vpcpeer's layers, each package, Node's
 * internals, GC), the functions with the most self time, and vpcpeer's own functions with the most
 * inclusive time. Profiles are large and machine-specific: never commit them.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function where(f: CallFrame): string {
  const url = f.url.replace(/^file:\/\//, '');
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  const short = pkg ? `${pkg[1]}/${pkg[2]}` : url.replace(/^.*\/dist\/src\//, 'src/').replace(/^.*\/dist\/bench\//, 'bench/');
  return `${short}:${f.lineNumber + 1}`;
}

function area(f: CallFrame): string {
  const url = f.url.replace(/^file:\/\//, '');
  if (!url) return f.functionName.startsWith('(') ? f.functionName : `native: ${f.functionName}`;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (pkg) return pkg[1] as string;
  const ours = /\/dist\/src\/([^/]+)\//.exec(url);
  if (ours) return `vpcpeer ${ours[1]}/`;
  if (url.startsWith('node:')) return `node ${url.slice(5).replace(/^internal\//, '').split('/')[0]}`;
  return url;
}

const label = (f: CallFrame): string => `${f.functionName || '(anonymous)'}  ${where(f)}`;

export interface ProfileSummary {
  readonly busyUs: number;
  readonly idleUs: number;
  readonly self: Map<string, number>;
  readonly inclusive: Map<string, number>;
  readonly areas: Map<string, number>;
}

/** Busy microseconds per function (self and inclusive) and per area, over all the profiles given. */
export function summariseProfiles(paths: readonly string[]): ProfileSummary {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const areas = new Map<string, number>();
  let busyUs = 0;
  let idleUs = 0;
  const add = (m: Map<string, number>, k: string, us: number): void => {
    m.set(k, (m.get(k) ?? 0) + us);
  };
  for (const path of paths) {
    const p = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const selfUs = new Map<number, number>();
    p.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
    for (const [id, us] of selfUs) {
      const frame = (byId.get(id) as ProfileNode).callFrame;
      if (frame.functionName === '(idle)') {
        idleUs += us;
        continue;
      }
      busyUs += us;
      add(self, label(frame), us);
      add(areas, area(frame), us);
      // Inclusive: each distinct function on the sample's stack gets the time once.
      const seen = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const l = label((byId.get(cur) as ProfileNode).callFrame);
        if (seen.has(l)) continue;
        seen.add(l);
        add(inclusive, l, us);
      }
    }
  }
  return { busyUs, idleUs, self, inclusive, areas };
}

const args = process.argv.slice(2);
if (args.length > 0 && import.meta.url === `file://${process.argv[1]}`) {
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args[topAt + 1]) : 25;
  // Without --top, topAt is -1 and topAt + 1 would drop the first file.
  const files = topAt >= 0 ? args.filter((_, i) => i !== topAt && i !== topAt + 1) : args;
  const s = summariseProfiles(files);
  const pct = (us: number): string => `${((us / s.busyUs) * 100).toFixed(1).padStart(5)}%`;
  const ms = (us: number): string => `${(us / 1000).toFixed(0).padStart(7)} ms`;
  const list = (m: Map<string, number>, n: number, keep: (k: string) => boolean = () => true): void => {
    for (const [k, us] of [...m].filter(([k]) => keep(k)).sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${pct(us)} ${ms(us)}  ${k}`);
  };
  console.log(`${files.length} profile(s): ${(s.busyUs / 1e6).toFixed(1)} s busy, ${(s.idleUs / 1e6).toFixed(1)} s idle; percentages of busy time\n\nBy area (self time):`);
  list(s.areas, 15);
  console.log('\nTop self time:');
  list(s.self, top);
  console.log(`\nTop inclusive time in vpcpeer's code:`);
  list(s.inclusive, top, (k) => /\s(src)\//.test(k));
}
