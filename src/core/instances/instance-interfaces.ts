import { errors } from '../errors.js';
import { isWellFormedId } from '../ids.js';
import { eniErrors } from '../network-interfaces/network-interface-errors.js';
import { requireInterface } from '../network-interfaces/network-interface-service.js';
import type { RequestContext } from '../request-context.js';
import { instanceErrors } from './instance-errors.js';
import { instanceState } from './instance-state.js';
import { attachedInterfaces, requireInstance } from './instance-service.js';

/** [D?] Interfaces per instance: the smallest types take 2 or 3; 15 is the most any takes (by device index). */
const MAX_DEVICE_INDEX = 15;

/**
 * AttachNetworkInterface: an available interface of the instance's Availability Zone, at a free
 * device index. Attached interfaces are not deleted with the instance unless their
 * DeleteOnTermination is set (it is off for an attachment made this way, AttachNetworkInterface reference).
 */
export async function attachNetworkInterface(
  ctx: RequestContext,
  input: { networkInterfaceId?: string; instanceId?: string; deviceIndex?: number; networkCardIndex?: number },
): Promise<string> {
  if (input.deviceIndex === undefined) throw errors.missingParameter('deviceIndex');
  if (!Number.isInteger(input.deviceIndex) || input.deviceIndex < 0 || input.deviceIndex > MAX_DEVICE_INDEX) throw errors.invalidValueFor('deviceIndex', String(input.deviceIndex));
  if ((input.networkCardIndex ?? 0) !== 0) throw errors.invalidValueFor('networkCardIndex', String(input.networkCardIndex), 'Only network card 0 exists here.');
  const eni = await requireInterface(ctx, input.networkInterfaceId);
  const instance = await requireInstance(ctx, input.instanceId);
  if (instanceState(instance) === 'terminated') throw instanceErrors.notRunningOrStopped(instance.id);
  if (eni.attachment) throw eniErrors.attachedElsewhere(eni.id);
  if (eni.availabilityZone !== instance.availabilityZone) throw instanceErrors.otherZone();
  const others = await attachedInterfaces(ctx, [instance.id]);
  if (others.some((o) => o.attachment?.deviceIndex === input.deviceIndex)) throw instanceErrors.deviceIndexTaken(instance.id, input.deviceIndex);
  const attachment = { id: ctx.ids.next('eni-attach'), instanceId: instance.id, instanceOwnerId: instance.accountId, deviceIndex: input.deviceIndex, deleteOnTermination: false, attachedAt: ctx.now };
  await ctx.repo.networkInterfaces.put({ ...eni, attachment });
  return attachment.id;
}

/** DetachNetworkInterface: any attachment but an instance's primary one (device 0). */
export async function detachNetworkInterface(ctx: RequestContext, attachmentId: string | undefined): Promise<void> {
  if (attachmentId === undefined || attachmentId === '') throw errors.missingParameter('attachmentId');
  if (!isWellFormedId('eni-attach', attachmentId)) throw instanceErrors.attachmentMalformed(attachmentId);
  const eni = (await ctx.repo.networkInterfaces.list(ctx.caller)).find((e) => e.attachment?.id === attachmentId);
  if (!eni?.attachment) throw instanceErrors.attachmentNotFound(attachmentId);
  if (eni.attachment.deviceIndex === 0) throw instanceErrors.primaryNotDetachable();
  const { attachment: _gone, ...detached } = eni;
  await ctx.repo.networkInterfaces.put(detached);
}
