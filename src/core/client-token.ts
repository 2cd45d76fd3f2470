import { errors } from './errors.js';
import type { IdPrefix } from './ids.js';
import type { ScopedCollection, ScopedResource } from './repository.js';
import type { RequestContext } from './request-context.js';

// ClientToken (CreateNatGateway, CreateNetworkInterface, RunInstances): "Constraint: Maximum 64
// ASCII characters" (EC2 model; "Ensuring idempotency" in the EC2 API reference).
const MAX_CLIENT_TOKEN = 64;

/** Refuses a ClientToken AWS would refuse: longer than 64 characters, or not ASCII. */
export function checkClientToken(token: string | undefined): void {
  if (token === undefined) return;
  if (token.length > MAX_CLIENT_TOKEN || !/^[\x00-\x7f]*$/.test(token)) {
    throw errors.invalidValueFor('clientToken', token, `It must be at most ${MAX_CLIENT_TOKEN} ASCII characters.`);
  }
}

/**
 * The resource an earlier call with this ClientToken made, found through a token index in the
 * store's meta table rather than by listing every resource of the kind (which made
 * StartNetworkInsightsAnalysis slow down as analyses piled up: every SDK call sends a token).
 */
export async function earlierByToken<T extends ScopedResource>(ctx: RequestContext, kind: IdPrefix, token: string | undefined, collection: ScopedCollection<T>): Promise<T | undefined> {
  if (token === undefined) return undefined;
  const id = await ctx.repo.meta.get(tokenKey(ctx, kind, token));
  return id === undefined ? undefined : collection.get(ctx.caller, id);
}

/** The ids an earlier call with this ClientToken made (RunInstances makes several at once). */
export async function idsByToken(ctx: RequestContext, kind: IdPrefix, token: string): Promise<string[] | undefined> {
  return (await ctx.repo.meta.get(tokenKey(ctx, kind, token)))?.split(',');
}

/** Records which resources a ClientToken made, for `earlierByToken` and `idsByToken`. */
export async function rememberToken(ctx: RequestContext, kind: IdPrefix, token: string | undefined, ...ids: string[]): Promise<void> {
  // Ids never hold ',' (ids.ts), so the list is stored joined by it.
  if (token !== undefined) await ctx.repo.meta.set(tokenKey(ctx, kind, token), ids.join(','));
}

function tokenKey(ctx: RequestContext, kind: IdPrefix, token: string): string {
  return `client-token/${kind}/${ctx.caller.accountId}/${ctx.caller.region}/${token}`;
}
