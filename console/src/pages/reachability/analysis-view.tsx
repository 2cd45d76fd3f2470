import type { Explanation, NetworkInsightsAnalysis, PathComponent } from '@aws-sdk/client-ec2';
import Alert from '@cloudscape-design/components/alert';
import Box from '@cloudscape-design/components/box';
import Container from '@cloudscape-design/components/container';
import Header from '@cloudscape-design/components/header';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import StatusIndicator from '@cloudscape-design/components/status-indicator';
import type { ReactNode } from 'react';
import { followLink } from '../../router/follow-link';
import { S } from '../../strings';
import { componentKind, componentText, matchedText } from './hop-text';

/** The hop a path stops at: the first one carrying an explanation (undefined when the path is found). */
export function blockingHop(a: NetworkInsightsAnalysis): PathComponent | undefined {
  if (a.NetworkPathFound) return undefined;
  return [...(a.ForwardPathComponents ?? []), ...(a.ReturnPathComponents ?? [])].find((h) => (h.Explanations ?? []).length > 0);
}

/** The resources an explanation names where the fix is made (its route table, groups, ACL, connection). */
function fixTargets(e: Explanation): string[] {
  const ids = [e.RouteTable, e.SubnetRouteTable, e.SecurityGroup, ...(e.SecurityGroups ?? []), e.Acl, e.VpcPeeringConnection].flatMap((c) => (c?.Id ? [c.Id] : []));
  return ids.filter((id, i) => ids.indexOf(id) === i);
}

/**
 * One explanation: vpcpeer's plain sentence, with AWS's explanation code beside it in small type,
 * then links to the resources it names, where the fix is made.
 */
function ExplanationLine({ e, sentence }: { e: Explanation; sentence: string | undefined }): ReactNode {
  const targets = fixTargets(e);
  return (
    <div className="vpcpeer-explanation" data-testid="explanation">
      <span className="vpcpeer-explanation__sentence">{sentence ?? componentText(e.Component)}</span>{' '}
      <Box variant="small" display="inline" color="text-body-secondary"><span data-testid="explanation-code">{e.ExplanationCode}</span></Box>
      {targets.length > 0 && (
        <div className="vpcpeer-explanation__fix" data-testid="explanation-fix">
          <Box variant="small" display="inline">{S.reachability.fixIn} </Box>
          {targets.map((id, i) => <span key={id}>{i > 0 ? ', ' : ''}<ComponentLink id={id} name={undefined} /></span>)}
        </div>
      )}
    </div>
  );
}

const LINKS: Readonly<Record<string, string>> = { 'eni-': '/network-interfaces', 'i-': '/instances', 'sg-': '/security-groups', 'acl-': '/network-acls', 'rtb-': '/route-tables', 'pcx-': '/peering-connections', 'subnet-': '/subnets', 'vpc-': '/vpcs' };

function ComponentLink({ id, name }: { id: string; name: string | undefined }): ReactNode {
  const base = Object.entries(LINKS).find(([p]) => id.startsWith(p))?.[1];
  return (
    <>
      {base ? <Link href={`${base}/${id}`} onFollow={followLink}>{id}</Link> : id}
      {name ? ` (${name})` : ''}
    </>
  );
}

/** One direction of the path, drawn as a chain of hops; the blocking hop is marked and carries its sentences. */
function HopChain({ label, hops, sentences }: { label: string; hops: readonly PathComponent[]; sentences: ReadonlyMap<Explanation, string> }): ReactNode {
  return (
    <SpaceBetween size="xs">
      <Box variant="h3">{label}</Box>
      <ol className="vpcpeer-hops" aria-label={label}>
        {[...hops].sort((a, b) => (a.SequenceNumber ?? 0) - (b.SequenceNumber ?? 0)).map((h) => {
          const blocked = (h.Explanations ?? []).length > 0;
          const id = h.Component?.Id ?? '';
          const matched = matchedText(h);
          return (
            <li key={`${h.SequenceNumber ?? 0}-${id}`} className={`vpcpeer-hop${blocked ? ' vpcpeer-hop--blocked' : ''}`} aria-label={`${S.reachability.hop} ${h.SequenceNumber ?? ''}: ${id}`} data-testid={`hop-${h.SequenceNumber ?? ''}`} data-blocked={blocked ? 'true' : 'false'}>
              <div className="vpcpeer-hop__head">
                <span className="vpcpeer-hop__seq">{h.SequenceNumber}</span>
                <span className="vpcpeer-hop__kind">{componentKind(id)}</span>
                <span className="vpcpeer-hop__id" data-testid="hop-component"><ComponentLink id={id} name={h.Component?.Name} /></span>
                {blocked && <StatusIndicator type="error">{S.reachability.blocked}</StatusIndicator>}
              </div>
              {matched && <div className="vpcpeer-hop__matched" data-testid="hop-matched">{matched}</div>}
              {(h.Explanations ?? []).map((e, i) => <ExplanationLine key={i} e={e} sentence={sentences.get(e)} />)}
            </li>
          );
        })}
      </ol>
    </SpaceBetween>
  );
}

/** The analysis explorer: the verdict, then the path hop by hop (and the return path when there is one). */
export function AnalysisView({ analysis, source, destination, sentences, sentencesFailed }: {
  analysis: NetworkInsightsAnalysis;
  source: string;
  destination: string;
  sentences: ReadonlyMap<Explanation, string>;
  sentencesFailed: boolean;
}): ReactNode {
  const found = analysis.NetworkPathFound === true;
  const forward = analysis.ForwardPathComponents ?? [];
  const back = analysis.ReturnPathComponents ?? [];
  const stop = blockingHop(analysis);
  const unplaced = forward.length + back.length === 0 || !stop ? (found ? [] : analysis.Explanations ?? []) : [];
  return (
    <div data-testid="analysis-explorer" data-analysis-id={analysis.NetworkInsightsAnalysisId}>
    <Container header={<Header variant="h2" description={analysis.NetworkInsightsAnalysisId}>{S.reachability.explorer}</Header>}>
      <SpaceBetween size="l">
        <div data-testid="analysis-verdict">
          <Alert type={found ? 'success' : 'error'} header={found ? S.reachability.reachable : S.reachability.notReachable}>
            {found ? S.reachability.pathFound(source, destination) : S.reachability.pathBlocked(source, destination)}
            {unplaced.map((e, i) => <ExplanationLine key={i} e={e} sentence={sentences.get(e)} />)}
          </Alert>
        </div>
        {sentencesFailed && !found && <Alert type="info">{S.reachability.sentencesUnavailable}</Alert>}
        {forward.length > 0 && <HopChain label={S.reachability.forward} hops={forward} sentences={sentences} />}
        {back.length > 0 && <HopChain label={S.reachability.back} hops={back} sentences={sentences} />}
        {analysis.NetworkInsightsAnalysisId && <Link href={`/map?analysis=${analysis.NetworkInsightsAnalysisId}`} onFollow={followLink}>{S.reachability.showOnMap}</Link>}
      </SpaceBetween>
    </Container>
    </div>
  );
}
