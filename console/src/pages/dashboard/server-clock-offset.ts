/**
 * How far the server's clock is ahead of this browser's, in ms. vpcpeer's clock can be moved
 * forward (`POST /_vpcpeer/clock`, for tests of expiry), and expiration times are on that clock:
 * time left is counted from the server's now. `GET /_vpcpeer/clock` needs no signature; when it
 * cannot be read, the browser's clock stands in.
 */
export async function serverClockOffset(signal: AbortSignal): Promise<number> {
  try {
    const sent = Date.now();
    const r = await fetch('/_vpcpeer/clock', { signal });
    if (!r.ok) return 0;
    const body = (await r.json()) as { now?: unknown };
    const now = typeof body.now === 'string' ? Date.parse(body.now) : Number.NaN;
    // The server read its clock about halfway through the round trip.
    return Number.isFinite(now) ? now - (sent + Date.now()) / 2 : 0;
  } catch (e) {
    if (signal.aborted) throw e;
    return 0;
  }
}
