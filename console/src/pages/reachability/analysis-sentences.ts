import type { Explanation } from '@aws-sdk/client-ec2';
import type { Session } from '../../session/session';
import { nativeGet } from '../../api/native-get';

/** One explanation in plain words, as vpcpeer's native endpoint gives it. */
export interface Sentence {
  readonly code: string;
  readonly sentence: string;
  readonly component?: string;
}

/**
 * Every `{code, sentence}` object in the endpoint's answer, in document order (the endpoint lists
 * them as the analysis' ExplanationSet does: hop by hop). Tolerant of where they sit, so the page
 * does not break when the endpoint nests them under hops.
 */
export function sentencesOf(body: unknown): Sentence[] {
  const out: Sentence[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) {
      v.forEach(walk);
      return;
    }
    const o = v as Record<string, unknown>;
    const code = typeof o['code'] === 'string' ? o['code'] : typeof o['explanationCode'] === 'string' ? o['explanationCode'] : undefined;
    if (code !== undefined && typeof o['sentence'] === 'string') {
      const component = o['component'];
      const componentId = typeof component === 'string' ? component : typeof component === 'object' && component !== null && typeof (component as { id?: unknown }).id === 'string' ? (component as { id: string }).id : undefined;
      out.push({ code, sentence: o['sentence'], ...(componentId ? { component: componentId } : {}) });
      return;
    }
    for (const value of Object.values(o)) walk(value);
  };
  walk(body);
  return out;
}

/** The plain sentences of one analysis (GET /_vpcpeer/analyses/<id>). */
export async function loadSentences(session: Session, analysisId: string, signal?: AbortSignal): Promise<Sentence[]> {
  return sentencesOf(await nativeGet(session, `/_vpcpeer/analyses/${encodeURIComponent(analysisId)}`, signal));
}

/** The ids an explanation names, most specific first: what a sentence is matched by. */
function namedIds(e: Explanation): string[] {
  return [e.Component, e.RouteTable, e.Acl, e.SecurityGroup, e.NetworkInterface, e.VpcPeeringConnection, e.Subnet, e.Vpc, e.Destination].flatMap((c) => (c?.Id ? [c.Id] : []));
}

/**
 * Pairs each explanation with its sentence: same code and, when the sentence names a component,
 * one the explanation names too; each sentence used once, in order.
 */
export function matchSentences(explanations: readonly Explanation[], sentences: readonly Sentence[]): Map<Explanation, string> {
  const used = new Set<number>();
  const out = new Map<Explanation, string>();
  for (const e of explanations) {
    const ids = namedIds(e);
    let i = sentences.findIndex((s, j) => !used.has(j) && s.code === e.ExplanationCode && (s.component === undefined || ids.includes(s.component)));
    if (i < 0) i = sentences.findIndex((s, j) => !used.has(j) && s.code === e.ExplanationCode);
    const s = sentences[i];
    if (s) {
      used.add(i);
      out.set(e, s.sentence);
    }
  }
  return out;
}
