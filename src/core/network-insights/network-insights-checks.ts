import { errors } from '../errors.js';
import type { PageBounds } from '../paginate.js';

/** Both Describes take MaxResults 1-100 (EC2 model, NetworkInsightsMaxResults). */
export const NETWORK_INSIGHTS_PAGE: PageBounds = { min: 1, max: 100 };

/**
 * The model's IpAddress shape: IPv4 only, at most 15 characters, `^([0-9]{1,3}.){3}[0-9]{1,3}$`;
 * each part must also be an octet (0-255) [I].
 */
export function checkIpAddress(parameter: string, value: string): void {
  const parts = value.split('.');
  const ok = value.length <= 15 && parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255);
  if (!ok) throw errors.invalidValueFor(parameter, value, 'It must be an IPv4 address such as 10.0.0.1.');
}
