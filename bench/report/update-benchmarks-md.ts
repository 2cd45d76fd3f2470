import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- bench:results:start (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:results:end -->';

/**
 * Puts the latest report between the markers of BENCHMARKS.md (creating the file, or the markers
 * at its end, when missing); everything outside the markers is left as written by hand.
 */
export function updateBenchmarksMd(path: string, report: string): void {
  const block = `${START}\n\n${report.replaceAll('](latency-vs-store-size.svg)', '](bench/latency-vs-store-size.svg)')}\n${END}`;
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# Benchmarks\n\n';
  const from = text.indexOf(START);
  const to = text.indexOf(END);
  const next = from >= 0 && to > from ? text.slice(0, from) + block + text.slice(to + END.length) : `${text.trimEnd()}\n\n## Latest results\n\n${block}\n`;
  writeFileSync(path, next);
}
