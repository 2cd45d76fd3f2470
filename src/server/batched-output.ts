/**
 * Where the log goes: lines are gathered and leave in one `write` every FLUSH_MS, or at once past
 * FLUSH_BYTES. A line per API call written on its own cost a system call per request, a tenth
 * of a describe-by-id (issue 13: logging may cost at most ~5% of throughput). At exit whatever is
 * pending is written; a SIGKILL loses at most the last FLUSH_MS of lines (the store's changes are
 * durable on their own, never through the log).
 */
const FLUSH_MS = 50;
const FLUSH_BYTES = 64 * 1024;

export class BatchedOutput {
  private pending: string[] = [];
  private bytes = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly out: { write(text: string): unknown } = process.stdout) {
    process.once('exit', () => this.flush());
  }

  /** pino's destination interface. */
  write(line: string): boolean {
    this.pending.push(line);
    this.bytes += line.length;
    if (this.bytes >= FLUSH_BYTES) this.flush();
    else if (this.timer === undefined) {
      this.timer = setTimeout(() => this.flush(), FLUSH_MS);
      // Pending lines alone do not keep the process alive; exit writes them.
      this.timer.unref();
    }
    return true;
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? (this.pending[0] as string) : this.pending.join('');
    this.pending = [];
    this.bytes = 0;
    this.out.write(text);
  }
}

let shared: BatchedOutput | undefined;

/** The process's one batched stdout (every server in the process writes through it). */
export function batchedStdout(): BatchedOutput {
  shared ??= new BatchedOutput();
  return shared;
}
