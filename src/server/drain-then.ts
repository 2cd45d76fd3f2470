import type { IncomingMessage } from 'node:http';

/** How much of a refused body is read and thrown away so the client can read the 413. */
const DRAIN_BYTES = 16 * 1024 * 1024;
const DRAIN_MS = 5_000;

/**
 * Answers a too-large request only once the client has finished sending it (bounded in bytes and
 * time), as nginx's lingering close does: answering and closing while the client still writes
 * makes its write fail (EPIPE/ECONNRESET) and the client never sees the 413.
 */
export function drainThen<T>(raw: IncomingMessage, answer: () => T): T | Promise<T> {
  if (raw.complete || raw.destroyed) return answer();
  return new Promise((resolve) => {
    let seen = 0;
    const finish = (): void => {
      clearTimeout(timer);
      raw.removeListener('data', onData);
      raw.removeListener('end', finish);
      raw.removeListener('error', finish);
      resolve(answer());
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.length;
      if (seen > DRAIN_BYTES) finish();
    };
    const timer = setTimeout(finish, DRAIN_MS);
    raw.on('data', onData);
    raw.once('end', finish);
    raw.once('error', finish);
    raw.resume();
  });
}
