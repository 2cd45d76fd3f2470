// Timestamps in EC2 Query requests: botocore and the JS SDK send ISO-8601 (`2026-12-04T16:46:43Z`,
// optionally with a fraction), hand-written requests sometimes epoch seconds. Parsed by hand
// rather than with Date.parse, whose accepted formats are implementation-defined and which reads
// a zone-less date-time as local time.

// A date, optionally with a time (fraction of any precision, zone optional and then UTC).
const ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?)?$/;
const EPOCH_SECONDS = /^-?[0-9]{1,12}(?:\.[0-9]{1,9})?$/;

/** Parses an ISO-8601 timestamp or epoch seconds; undefined if `text` is neither or names no real instant. */
export function parseTimestamp(text: string): Date | undefined {
  if (EPOCH_SECONDS.test(text)) return new Date(Math.round(Number(text) * 1000));
  const m = ISO_8601.exec(text);
  if (m === null) return undefined;
  const field = (i: number): number => Number(m[i] ?? 0);
  const [year, month, day, hour, minute, second] = [field(1), field(2), field(3), field(4), field(5), field(6)];
  const [zoneHours, zoneMinutes] = [field(10), field(11)];
  if (hour > 23 || minute > 59 || second > 59 || zoneHours > 23 || zoneMinutes > 59) return undefined;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(year, month - 1, day);
  // Out-of-range days roll over (2026-02-30 becomes March 2); a changed field means a bad date.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  const offsetMinutes = (zoneHours * 60 + zoneMinutes) * (m[9] === '-' ? -1 : 1);
  const millis = Number(`${m[7] ?? ''}000`.slice(0, 3));
  date.setUTCHours(hour, minute - offsetMinutes, second, millis);
  return date;
}
