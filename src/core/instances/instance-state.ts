import type { Instance, InstanceStateName } from './instance.js';

// EC2 API reference, InstanceState: the low byte of the code is the state (0 pending, 16 running,
// 32 shutting-down, 48 terminated, 64 stopping, 80 stopped).
export const STATE_CODES: Readonly<Record<InstanceStateName, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

// EC2 user guide, "Terminate Amazon EC2 instances": a terminated instance "remains visible in the
// console for a short while" (about an hour) before its entry is deleted; after that Describe by
// its id answers InvalidInstanceID.NotFound.
const TERMINATED_LINGER_MS = 60 * 60 * 1000;

/**
 * The state a read shows. As with NAT gateways (docs/architecture.md), stored states are never
 * transitional: the call that moves an instance answers the transitional state (pending, stopping,
 * shutting-down) and every later read shows where it ends (running, stopped, terminated), so
 * waiters (botocore's InstanceRunning/InstanceStopped/InstanceTerminated, Terraform's) pass on
 * their first poll.
 */
export function instanceState(i: Instance): InstanceStateName {
  return i.lifecycle.target;
}

/** What the call moving an instance towards `target` answers as its current state. */
export function transitionalState(target: Instance['lifecycle']['target']): InstanceStateName {
  if (target === 'running') return 'pending';
  return target === 'stopped' ? 'stopping' : 'shutting-down';
}

export function isInstanceVisible(i: Instance, now: number): boolean {
  return i.lifecycle.target !== 'terminated' || now < i.lifecycle.since + TERMINATED_LINGER_MS;
}

/** StateReason and StateTransitionReason of what the last call did (EC2 API reference, StateReason codes). */
export function stateReason(i: Instance): { code: string; message: string } | undefined {
  if (i.lifecycle.target === 'running') return undefined;
  return { code: 'Client.UserInitiatedShutdown', message: 'Client.UserInitiatedShutdown: User initiated shutdown' };
}

/** `User initiated (2024-01-01 12:00:00 GMT)` as AWS writes it for a stop or terminate; empty while running. */
export function stateTransitionReason(i: Instance): string {
  if (i.lifecycle.target === 'running') return '';
  const at = new Date(i.lifecycle.since).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' GMT');
  return `User initiated (${at})`;
}
