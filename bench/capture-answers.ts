import type { Target } from './types.js';

/**
 * Runs `work` against a target while keeping every answer, and returns, per Action, the answer
 * of median size: the canned bodies the ceiling server sends for the same workload.
 */
export async function captureAnswers(target: Target, work: () => Promise<void>): Promise<Record<string, string>> {
  const seen = new Map<string, Buffer[]>();
  target.client.onReply = (req, body) => {
    const list = seen.get(req.action) ?? [];
    if (list.length < 256) list.push(body);
    seen.set(req.action, list);
  };
  try {
    await work();
  } finally {
    target.client.onReply = undefined;
  }
  const out: Record<string, string> = {};
  for (const [action, bodies] of seen) {
    bodies.sort((x, y) => x.length - y.length);
    out[action] = (bodies[Math.floor(bodies.length / 2)] as Buffer).toString('utf8');
  }
  return out;
}
