/**
 * This server's clock: the system time plus an offset an operator may move forward (never back)
 * so users can test the 7-day expiry and the visibility windows without waiting. The offset is
 * persisted by the caller so a restart keeps the moved clock.
 */
export class ServerClock {
  constructor(private offsetMs = 0) {}

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  setOffset(ms: number): void {
    this.offsetMs = ms;
  }
}
