import type { NetworkInsightsAnalysis, PathComponent } from '@aws-sdk/client-ec2';

/**
 * An analysis drawn over the map: what its path went through, and where it stopped. The stop is
 * the first hop carrying an explanation; it is placed in the VPC the walk was in at that hop (the
 * last VPC a hop named, or the far VPC after a peering hop).
 */
export interface PathOverlay {
  readonly analysisId: string;
  readonly found: boolean;
  /** Ids of every component the forward path went through (instances, interfaces, VPCs, peerings). */
  readonly onPath: ReadonlySet<string>;
  readonly stop?: { readonly component: string; readonly vpcId?: string; readonly code: string; readonly sentence?: string };
}

export function pathOverlay(a: NetworkInsightsAnalysis, sentenceOf: (hop: PathComponent, index: number) => string | undefined): PathOverlay {
  const onPath = new Set<string>();
  let vpc: string | undefined;
  let stop: PathOverlay['stop'];
  for (const h of [...(a.ForwardPathComponents ?? [])].sort((x, y) => (x.SequenceNumber ?? 0) - (y.SequenceNumber ?? 0))) {
    const id = h.Component?.Id ?? '';
    vpc = h.Vpc?.Id ?? h.SourceVpc?.Id ?? vpc;
    for (const c of [h.Component, h.AttachedTo, h.Vpc, h.SourceVpc]) if (c?.Id) onPath.add(c.Id);
    const e = h.Explanations?.[0];
    if (!stop && e && !a.NetworkPathFound) {
      stop = { component: id, ...(vpc ? { vpcId: vpc } : {}), code: e.ExplanationCode ?? '', ...(sentenceOf(h, 0) ? { sentence: sentenceOf(h, 0) } : {}) };
      break;
    }
    if (h.DestinationVpc?.Id) {
      vpc = h.DestinationVpc.Id;
      onPath.add(vpc);
    }
  }
  if (!stop && !a.NetworkPathFound) {
    const e = a.Explanations?.[0];
    stop = { component: e?.Component?.Id ?? '', ...(vpc ? { vpcId: vpc } : {}), code: e?.ExplanationCode ?? '' };
  }
  return { analysisId: a.NetworkInsightsAnalysisId ?? '', found: a.NetworkPathFound === true, onPath, ...(stop ? { stop } : {}) };
}
