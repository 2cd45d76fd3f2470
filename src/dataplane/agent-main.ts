import { createInterface } from 'node:readline';
import type { KernelFact } from '../core/dataplane/kernel-facts.js';
import { FactApplier } from './fact-applier.js';

/** A request from the server: the facts and nftables tables the kernel should hold now. */
export interface AgentRequest {
  readonly id: number;
  readonly facts: readonly KernelFact[];
  readonly nft: readonly (readonly [string, string])[];
}

export interface AgentReply {
  readonly id: number;
  readonly changes: number;
  readonly errors: readonly string[];
  readonly ms: number;
}

/**
 * The data-plane agent: started by the server inside its own user, network and mount namespaces
 * (`unshare -Urnm`, a tmpfs on /run), it owns every namespace of the data plane. Requests come
 * one JSON line at a time on stdin, replies go out on stdout. When the server goes, stdin ends
 * and so does the agent, and with it every namespace it made: nothing can be left on the host.
 */
async function main(): Promise<void> {
  const applier = new FactApplier();
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    const started = process.hrtime.bigint();
    // The server writes one request per line; a failure to apply is an answer, not silence (the
    // server waits for each request's reply).
    const req = JSON.parse(line) as AgentRequest;
    let reply: AgentReply;
    try {
      const r = await applier.apply(req.facts, new Map(req.nft));
      reply = { id: req.id, changes: r.changes, errors: r.errors, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    } catch (err) {
      reply = { id: req.id, changes: 0, errors: [(err as Error).message], ms: 0 };
    }
    process.stdout.write(JSON.stringify(reply) + '\n');
  }
  await applier.teardown();
}

void main();
