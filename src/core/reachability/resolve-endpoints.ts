import type { Explanation } from './analysis-result.js';
import type { Endpoint, PathEnd } from './endpoints.js';
import { sentence } from './explanation-sentence.js';
import { refOf } from './hop-checks.js';
import type { WorldIndex } from './world-index.js';

export type Resolved<T> = { readonly ok: T } | { readonly problem: Explanation; readonly suggestedAccount?: string };

export const missing = (id: string): Resolved<never> => ({ problem: { code: 'NO_SOURCE_OR_DESTINATION', sentence: sentence.missing(id), missingComponent: id } });

/**
 * An ENI, or an instance standing for its primary ENI (REACHABILITY.md §1.6). A stopped or
 * terminated instance has no interface carrying traffic: UNASSOCIATED_COMPONENT (the
 * explanation-codes page's example is a terminated instance); an id the world does not hold:
 * NO_SOURCE_OR_DESTINATION.
 */
function resolveInterface(ix: WorldIndex, id: string): Resolved<Endpoint> {
  if (id.startsWith('i-')) {
    const instance = ix.instance(id);
    if (!instance) return missing(id);
    const eni = ix.eni(instance.primaryNetworkInterfaceId);
    const state = instance.lifecycle.target;
    if (state !== 'running' || !eni) {
      return { problem: { code: 'UNASSOCIATED_COMPONENT', sentence: sentence.unassociated(id, state), component: refOf(ix, instance), state } };
    }
    return { ok: { eni, instance } };
  }
  if (id.startsWith('eni-')) {
    const eni = ix.eni(id);
    return eni ? { ok: { eni } } : missing(id);
  }
  return { problem: { code: 'NO_PATH', sentence: `${id} cannot be the end of a path here; use a network interface, an instance, a peering connection or an address.` } };
}

export function resolveSource(ix: WorldIndex, id: string): Resolved<Endpoint> {
  const found = resolveInterface(ix, id);
  if (!('ok' in found)) return found;
  const account = found.ok.eni.accountId;
  if (!ix.visible(account)) {
    return {
      problem: { code: 'NO_SOURCE_OR_DESTINATION', sentence: sentence.otherAccount(id, account), component: refOf(ix, found.ok.eni), componentAccount: account },
      suggestedAccount: account,
    };
  }
  return found;
}

/** The destination: an ENI or instance, a peering connection, an internet gateway, or (no id) the address alone. */
export function resolveTarget(ix: WorldIndex, id: string | undefined): Resolved<PathEnd> {
  if (id === undefined) return { ok: { kind: 'ip' } };
  if (id.startsWith('pcx-')) {
    const pcx = ix.peering(id);
    return pcx ? { ok: { kind: 'pcx', pcx } } : missing(id);
  }
  if (id.startsWith('igw-')) {
    const igw = ix.internetGateway(id);
    return igw ? { ok: { kind: 'igw', igw } } : missing(id);
  }
  const found = resolveInterface(ix, id);
  if (!('ok' in found)) {
    // Named but not in the world (e.g. another account's interface the loader could not read):
    // with an address the path can still be walked to it.
    if (ix.query.destinationIp !== undefined && found.problem.code === 'NO_SOURCE_OR_DESTINATION') return { ok: { kind: 'ip' } };
    return found;
  }
  return { ok: found.ok.instance ? { kind: 'eni', eni: found.ok.eni, instance: found.ok.instance } : { kind: 'eni', eni: found.ok.eni } };
}
