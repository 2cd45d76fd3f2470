import { S } from '../../strings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "2 d 3 h", "11 h 59 min", "42 min": as precise as a person deciding whether to act needs. */
export function timeLeft(ms: number): string {
  if (ms <= 0) return S.dashboard.expired;
  if (ms < MINUTE) return S.dashboard.underAMinute;
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return S.dashboard.daysHours(days, hours);
  if (hours > 0) return S.dashboard.hoursMinutes(hours, minutes);
  return S.dashboard.minutes(minutes);
}
