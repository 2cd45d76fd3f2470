import type { DescribeRequest } from '../describe-scoped.js';
import type { Ec2Error } from '../ec2-error.js';
import { errors } from '../errors.js';
import type { IdPrefix } from '../ids.js';
import { isWellFormedId } from '../ids.js';
import type { PageBounds } from '../paginate.js';
import { checkPageRequest } from '../paginate.js';

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

/** A Describe's id list, checked before any lookup: page bounds, at most 1000 ids, all well formed. */
export function checkIdList(prefix: IdPrefix, req: DescribeRequest, malformed: (id: string) => Ec2Error): readonly string[] | undefined {
  checkPageRequest(req, NETWORK_INSIGHTS_PAGE);
  const ids = req.ids && req.ids.length > 0 ? req.ids : undefined;
  if (ids && ids.length > 1000) throw errors.invalidParameterValue('The maximum number of ids per request is 1000');
  for (const id of ids ?? []) if (!isWellFormedId(prefix, id)) throw malformed(id);
  return ids;
}

