import { errors } from '../errors.js';
import type { FilterInput } from '../filters/compile-filters.js';
import { compileFilters } from '../filters/compile-filters.js';
import { isWellFormedId } from '../ids.js';
import type { Page, PageBounds, PageRequest } from '../paginate.js';
import { checkPageRequest, paginate } from '../paginate.js';
import type { RequestContext } from '../request-context.js';
import { imageCatalogue } from './image-catalogue.js';
import { imageErrors } from './image-errors.js';
import { IMAGE_FILTERS } from './image-filters.js';
import type { MachineImage } from './machine-image.js';
import { COMMON_IMAGE_FACTS } from './machine-image.js';

export interface DescribeImagesRequest extends PageRequest {
  readonly ids?: readonly string[];
  readonly owners?: readonly string[];
  readonly executableUsers?: readonly string[];
  readonly includeDeprecated?: boolean;
  readonly includeDisabled?: boolean;
  readonly filters?: readonly FilterInput[];
}

// The model gives DescribeImages' MaxResults no bounds; these are EC2's usual ones [I].
const PAGE_BOUNDS: PageBounds = { min: 5, max: 1000 };
const MAX_IDS = 1000;
const ACCOUNT_ID = /^[0-9]{12}$/;
/** The aliases the Owners parameter takes besides `self` (DescribeImages reference). */
const OWNER_ALIASES = new Set(['amazon', 'aws-marketplace', 'aws-backup-vault']);

function checkOwners(owners: readonly string[]): void {
  for (const o of owners) if (o !== 'self' && !OWNER_ALIASES.has(o) && !ACCOUNT_ID.test(o)) throw imageErrors.malformedUser(o);
}

function checkExecutableUsers(users: readonly string[]): void {
  for (const u of users) if (u !== 'self' && u !== 'all' && !ACCOUNT_ID.test(u)) throw imageErrors.malformedUser(u);
}

/** The ids, each well-formed and known in this Region, or the error AWS gives (all unknown ids named). */
function requireImages(catalogue: readonly MachineImage[], ids: readonly string[]): Set<string> {
  if (ids.length > MAX_IDS) throw errors.invalidParameterValue(`The maximum number of ids per request is ${MAX_IDS}`);
  const malformed = ids.find((id) => !isWellFormedId('ami', id));
  if (malformed !== undefined) throw imageErrors.malformed(malformed);
  const known = new Set(catalogue.map((i) => i.id));
  const missing = [...new Set(ids.filter((id) => !known.has(id)))];
  if (missing.length > 0) throw imageErrors.notFound(missing);
  return new Set(ids);
}

/**
 * Deprecated images are left out unless asked for or named by id ("the deprecated AMI does not
 * appear in DescribeImages API calls unless you specify its ID or specify that deprecated AMIs
 * must appear", EC2 user guide). The catalogue is frozen, so its newest release of each line
 * stands in for the one AWS would have published since: an image counts as deprecated only once
 * its deprecation time has passed and a newer release of its line exists [I]. Without this the
 * 90-day Amazon Linux schedule would empty every `most_recent` lookup a few months on.
 */
function deprecatedNow(catalogue: readonly MachineImage[], now: number): (image: MachineImage) => boolean {
  const newest = new Map<string, string>();
  for (const i of catalogue) {
    const seen = newest.get(i.line);
    if (seen === undefined || i.creationDate > seen) newest.set(i.line, i.creationDate);
  }
  return (i) => i.deprecationTime !== undefined && Date.parse(i.deprecationTime) <= now && i.creationDate !== newest.get(i.line);
}

function ownedByAny(owners: readonly string[], accountId: string): (image: MachineImage) => boolean {
  return (i) => owners.some((o) => (o === 'self' ? i.ownerId === accountId : OWNER_ALIASES.has(o) ? i.ownerAlias === o : i.ownerId === o));
}

/**
 * Every catalogue image is public and shared with nobody in particular: `all` finds them, while
 * `self` or an account id finds only images with an explicit launch permission, of which there are
 * none ("If you specify all, all public AMIs are returned").
 */
function executableByAny(users: readonly string[]): (image: MachineImage) => boolean {
  const publicOnes = users.includes('all');
  return () => publicOnes && COMMON_IMAGE_FACTS.public;
}

/** DescribeImages over this Region's built-in catalogue: checks, then ids, owners, users, filters, one page. */
export function describeImages(ctx: RequestContext, req: DescribeImagesRequest): Page<MachineImage> {
  const predicate = compileFilters(IMAGE_FILTERS, req.filters);
  checkPageRequest(req, PAGE_BOUNDS);
  const ids = req.ids && req.ids.length > 0 ? req.ids : undefined;
  if (ids && req.maxResults !== undefined) throw imageErrors.idsWithMaxResults();
  const owners = req.owners && req.owners.length > 0 ? req.owners : undefined;
  const users = req.executableUsers && req.executableUsers.length > 0 ? req.executableUsers : undefined;
  if (owners) checkOwners(owners);
  if (users) checkExecutableUsers(users);

  const catalogue = imageCatalogue(ctx.caller.region);
  const named = ids ? requireImages(catalogue, ids) : undefined;
  const deprecated = deprecatedNow(catalogue, ctx.now);
  const owned = owners ? ownedByAny(owners, ctx.caller.accountId) : () => true;
  const executable = users ? executableByAny(users) : () => true;
  // Catalogue images are never disabled, so IncludeDisabled changes nothing here.
  const selected = catalogue.filter(
    (i) => (named ? named.has(i.id) : req.includeDeprecated === true || !deprecated(i)) && owned(i) && executable(i) && predicate(i),
  );
  return paginate(selected, req, PAGE_BOUNDS);
}
