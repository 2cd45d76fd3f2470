import { readFileSync, writeFileSync } from 'node:fs';

/** USER_HZ: Linux reports /proc times in 1/100 s on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Resident memory of one server process, read from /proc (Linux). Peak RSS per measurement:
 * writing 5 to /proc/<pid>/clear_refs resets the kernel's high-water mark (VmHWM) to the current
 * RSS, so VmHWM afterwards is the peak of that window. Where that is not allowed, a 20 ms sampler
 * of VmRSS stands in (it can miss a spike shorter than that).
 */
export class ProcessMemory {
  private sampled = 0;
  private timer: NodeJS.Timeout | undefined;
  private canReset: boolean | undefined;

  constructor(readonly pid: number) {}

  rssBytes(): number {
    return statusField(this.pid, 'VmRSS');
  }

  /** Starts a new peak window. */
  resetPeak(): void {
    if (this.canReset !== false) {
      try {
        writeFileSync(`/proc/${this.pid}/clear_refs`, '5');
        this.canReset = true;
      } catch {
        this.canReset = false;
      }
    }
    this.sampled = this.rssBytes();
    if (this.canReset === false && !this.timer) {
      this.timer = setInterval(() => {
        this.sampled = Math.max(this.sampled, this.rssBytes());
      }, 20);
      this.timer.unref();
    }
  }

  /** Peak RSS since the last resetPeak (or since the process started). */
  peakBytes(): number {
    const hwm = this.canReset === false ? 0 : statusField(this.pid, 'VmHWM');
    return Math.max(hwm, this.sampled, this.rssBytes());
  }

  /**
   * CPU time the process has used so far (user + system, every thread), in seconds, from
   * /proc/<pid>/stat; 0 where that cannot be read. Its difference over a measurement divided by the
   * answers is the server's own cost per answer, which other load on the machine barely moves.
   */
  cpuSeconds(): number {
    try {
      const stat = readFileSync(`/proc/${this.pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start at the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
    } catch {
      return 0;
    }
  }

  stopSampling(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
