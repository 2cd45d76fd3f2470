import type { Explanation, NetworkInsightsAnalysis } from '@aws-sdk/client-ec2';
import { nativeGet } from '../../api/native-get';
import type { Session } from '../../session/session';

/**
 * The plain sentences of one analysis, keyed by where their explanation sits: `forward:<seq>:<n>`,
 * `return:<seq>:<n>` on a hop, `top:<n>` in the analysis' own ExplanationSet.
 */
export type Sentences = ReadonlyMap<string, string>;

interface NativeExplanation {
  readonly ExplanationCode?: string;
  readonly Sentence?: string;
}
interface NativeHop {
  readonly SequenceNumber?: number;
  readonly Explanations?: readonly NativeExplanation[];
}
interface NativeAnalysis {
  readonly ForwardPathComponents?: readonly NativeHop[];
  readonly ReturnPathComponents?: readonly NativeHop[];
  readonly Explanations?: readonly NativeExplanation[];
}

function keyed(a: { ForwardPathComponents?: readonly NativeHop[]; ReturnPathComponents?: readonly NativeHop[]; Explanations?: readonly NativeExplanation[] }): [string, NativeExplanation][] {
  const hops = (dir: string, list: readonly NativeHop[] | undefined): [string, NativeExplanation][] =>
    (list ?? []).flatMap((h) => (h.Explanations ?? []).map((e, n): [string, NativeExplanation] => [`${dir}:${h.SequenceNumber ?? 0}:${n}`, e]));
  return [...hops('forward', a.ForwardPathComponents), ...hops('return', a.ReturnPathComponents), ...(a.Explanations ?? []).map((e, n): [string, NativeExplanation] => [`top:${n}`, e])];
}

/**
 * GET /_vpcpeer/analyses/<id>: the analysis as DescribeNetworkInsightsAnalyses shows it, each
 * explanation with vpcpeer's `Sentence` (never on the EC2 wire; REACHABILITY.md §7).
 */
export async function loadSentences(session: Session, analysisId: string, signal?: AbortSignal): Promise<Sentences> {
  const body = (await nativeGet(session, `/_vpcpeer/analyses/${encodeURIComponent(analysisId)}`, signal)) as { NetworkInsightsAnalysis?: NativeAnalysis } | undefined;
  const out = new Map<string, string>();
  for (const [key, e] of keyed(body?.NetworkInsightsAnalysis ?? {})) if (typeof e.Sentence === 'string') out.set(key, e.Sentence);
  return out;
}

/** Each explanation of the analysis (as the SDK read it) with the sentence at the same place. */
export function matchSentences(analysis: NetworkInsightsAnalysis, sentences: Sentences): Map<Explanation, string> {
  const out = new Map<Explanation, string>();
  for (const [key, e] of keyed(analysis)) {
    const s = sentences.get(key);
    if (s !== undefined) out.set(e as Explanation, s);
  }
  return out;
}
