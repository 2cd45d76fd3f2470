import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends the run with the plain line CI reads: `N passed, N failed, N skipped`, alone on a line.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const m of modules) {
      for (const t of m.children.allTests()) {
        const state = t.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A file whose hooks failed (a beforeAll that threw) reports its tests as skipped: count
      // the file as a failure, or the line would read 0 failed for a broken suite.
      if (m.state() === 'failed' && ![...m.children.allTests()].some((t) => t.result().state === 'failed')) failed++;
    }
    // The CI budget is 20 minutes: name the files that spend it, slowest first.
    const slowest = [...modules]
      .map((m) => ({ file: m.moduleId.replace(process.cwd() + '/', ''), ms: m.diagnostic().duration }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 15);
    process.stdout.write(`\nslowest files:\n${slowest.map((s) => `  ${(s.ms / 1000).toFixed(1).padStart(7)} s  ${s.file}`).join('\n')}\n`);
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
