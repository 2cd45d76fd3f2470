import type { Explanation } from '@aws-sdk/client-ec2';
import Box from '@cloudscape-design/components/box';
import Button from '@cloudscape-design/components/button';
import Container from '@cloudscape-design/components/container';
import ContentLayout from '@cloudscape-design/components/content-layout';
import Grid from '@cloudscape-design/components/grid';
import Header from '@cloudscape-design/components/header';
import KeyValuePairs from '@cloudscape-design/components/key-value-pairs';
import Link from '@cloudscape-design/components/link';
import SpaceBetween from '@cloudscape-design/components/space-between';
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { Background, Controls, MiniMap, ReactFlow, useReactFlow, useStore } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './topology-map.css';
import type { ReactNode } from 'react';
import type { RefObject } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Alert from '@cloudscape-design/components/alert';
import { describeInsightsAnalyses, describeInstances, describeInternetGateways, describeNatGateways, describePeerings, describeRouteTables, describeVpcs } from '../../api/describe';
import { useLocation } from '../../router/use-location';
import { loadSentences, matchSentences } from '../reachability/analysis-sentences';
import { pathOverlay } from './path-overlay';
import { useResource } from '../../api/use-resource';
import { followLink } from '../../router/follow-link';
import { navigate } from '../../router/navigate';
import { useScopeKey, useSession } from '../../session/session-context';
import { ErrorAlert } from '../../shared/error-alert';
import { stateLabel } from '../../shared/state-indicator';
import { PeeringStatus, peeringStatusLabel } from '../../shared/peering-status';
import { S } from '../../strings';
import { LabelledEdgeView } from './labelled-edge-view';
import { MapSelectContext } from './map-select-context';
import type { MapNode } from './topology-layout';
import { layoutTopology, STATUS_COLOURS, withSelection } from './topology-layout';
import type { MapGateway, MapLink, MapVpc, RegionalVpc } from './topology-model';
import { buildTopology, mapGateways } from './topology-model';
import { GatewayNodeView, GroupNodeView, SpacerNodeView, VpcNodeView } from './topology-nodes';
import { useElementWidth } from './use-element-width';
import { fitViewport } from './fit-viewport';
import type { Box as Bounds } from './place-labels';

const NODE_TYPES: NodeTypes = { vpc: VpcNodeView, 'account-region': GroupNodeView, gateway: GatewayNodeView, spacer: SpacerNodeView };
const EDGE_TYPES: EdgeTypes = { labelled: LabelledEdgeView };
/**
 * The zoom the drawing is laid out for: VPC names (14px) show at 11.5px or more, edge labels
 * (12px) at 9.8px. The map grows taller rather than shrink below it, up to MAX_HEIGHT.
 */
const READABLE_ZOOM = 0.82;
const MAX_ZOOM = 1.1;
const MIN_HEIGHT = 560;
const MAX_HEIGHT = 2400;
/** fitView's margin, in screen px. */
const FIT_PADDING = 12;
const FIT_OPTIONS = { padding: `${FIT_PADDING}px`, maxZoom: MAX_ZOOM } as const;

function minimapColour(n: MapNode): string {
  if (n.type === 'account-region') return n.data.mine ? '#d3e7f9' : '#e9ebed';
  if (n.type === 'vpc') return n.data.vpc.own ? '#7aa116' : '#8d99a8';
  if (n.type === 'gateway') return '#414d5c';
  return 'transparent';
}
const LEGEND = ['active', 'pending-acceptance', 'failed', 'rejected', 'deleted'] as const;

function VpcDetails({ v, current }: { v: MapVpc; current: { accountId: string; region: string } }): ReactNode {
  const here = v.own && v.region === current.region;
  return (
    <KeyValuePairs
      columns={1}
      items={[
        { label: S.vpcs.id, value: here ? <Link href={`/vpcs/${v.vpcId}`} onFollow={followLink}>{v.vpcId}</Link> : v.vpcId },
        { label: S.vpcs.name, value: v.name || '-' },
        { label: S.vpcs.owner, value: v.own ? S.map.ownerYou(v.accountId) : v.accountId },
        { label: S.vpcs.region, value: v.region },
        { label: S.vpcs.ipv4Cidr, value: v.cidrs.join(', ') || S.map.cidrsHidden },
      ]}
    />
  );
}

function LinkDetails({ l }: { l: MapLink }): ReactNode {
  const r = l.connection.RequesterVpcInfo;
  const a = l.connection.AccepterVpcInfo;
  return (
    <KeyValuePairs
      columns={1}
      items={[
        { label: S.peering.id, value: <Link href={`/peering-connections/${l.id}`} onFollow={followLink}>{l.id}</Link> },
        { label: S.peering.name, value: l.name || '-' },
        { label: S.peering.status, value: <PeeringStatus code={l.status} message={l.message} showMessage /> },
        { label: S.peeringDetails.requester, value: `${r?.VpcId ?? ''} (${r?.OwnerId ?? ''}, ${r?.Region ?? ''})` },
        { label: S.peeringDetails.accepter, value: `${a?.VpcId ?? ''} (${a?.OwnerId ?? ''}, ${a?.Region ?? ''})` },
      ]}
    />
  );
}

function GatewayDetails({ g }: { g: MapGateway }): ReactNode {
  const base = g.kind === 'igw' ? '/internet-gateways' : '/nat-gateways';
  return (
    <KeyValuePairs
      columns={1}
      items={[
        { label: g.kind === 'igw' ? S.internetGateways.id : S.natGateways.id, value: <Link href={`${base}/${g.id}`} onFollow={followLink}>{g.id}</Link> },
        { label: S.common.name, value: g.name || '-' },
        { label: S.fields.state, value: stateLabel(g.state) },
        { label: S.vpcs.id, value: <Link href={`/vpcs/${g.vpcId}`} onFollow={followLink}>{g.vpcId}</Link> },
        { label: S.routeTables.routesTab, value: S.mapGateways.routes(g.routes) },
      ]}
    />
  );
}

/**
 * Fits the drawing to the frame on load, and again when the drawing or the frame's size changes
 * (the frame grows with the drawing). The Fit View button fits the same way, through xyflow.
 */
function FitWhenReady({ bounds, frame }: { bounds: Bounds; frame: RefObject<HTMLDivElement | null> }): null {
  const size = useStore((s) => `${s.width}x${s.height}`);
  const { setViewport } = useReactFlow();
  const key = `${bounds.x},${bounds.y},${bounds.w},${bounds.h}`;
  useEffect(() => {
    const el = frame.current;
    // A frame not laid out yet (no size) has nothing to fit into.
    if (el && bounds.w > 0 && el.clientWidth > 4 * FIT_PADDING && el.clientHeight > 4 * FIT_PADDING) void setViewport(fitViewport(bounds, el.clientWidth, el.clientHeight, FIT_PADDING, MAX_ZOOM));
    // The bounds object is new on every layout; its numbers say whether it changed.
  }, [key, size, setViewport, frame]);
  return null;
}

/** VPCs grouped by account and region, peering connections as edges coloured by status. */
export function TopologyPage(): ReactNode {
  const { ec2, ec2In, session } = useSession();
  const analysisId = useLocation().query.get('analysis') ?? '';
  const resource = useResource(useScopeKey('topology', analysisId), async (signal) => {
    const [vpcs, peerings, igws, nats, tables, instances, analysis] = await Promise.all([
      describeVpcs(ec2, signal),
      describePeerings(ec2, signal),
      describeInternetGateways(ec2, signal),
      describeNatGateways(ec2, signal),
      describeRouteTables(ec2, signal),
      describeInstances(ec2, signal),
      // Coming from an analysis (`?analysis=nia-…`): its path, and the sentence of where it stops.
      analysisId ? describeInsightsAnalyses(ec2, signal, { ids: [analysisId] }).then((a) => a[0]) : Promise.resolve(undefined),
    ]);
    const sentences = analysis && analysis.NetworkPathFound === false ? await loadSentences(session, analysisId, signal).catch(() => new Map<string, string>()) : new Map<string, string>();
    // Our VPCs on the far side of inter-region connections: read them in their own region.
    const elsewhere = new Map<string, Set<string>>();
    for (const c of peerings) {
      for (const side of [c.RequesterVpcInfo, c.AccepterVpcInfo]) {
        if (side?.OwnerId === session.accountId && side.Region && side.Region !== session.region && side.VpcId) {
          elsewhere.set(side.Region, (elsewhere.get(side.Region) ?? new Set()).add(side.VpcId));
        }
      }
    }
    const remote = await Promise.all(
      [...elsewhere].map(async ([region, ids]) => {
        const found = await describeVpcs(ec2In(region), signal, [{ Name: 'vpc-id', Values: [...ids] }]);
        return found.map((vpc): RegionalVpc => ({ vpc, region }));
      }),
    );
    const matched = analysis ? matchSentences(analysis, sentences) : new Map<Explanation, string>();
    const overlay = analysis ? pathOverlay(analysis, (hop, i) => { const e = hop.Explanations?.[i]; return e ? matched.get(e) : undefined; }) : undefined;
    return { vpcs: [...vpcs.map((vpc): RegionalVpc => ({ vpc, region: session.region })), ...remote.flat()], peerings, gateways: mapGateways(session, igws, nats, tables), instances, overlay, pathId: analysis?.NetworkInsightsPathId };
  });
  const [selected, setSelected] = useState<string>();
  const topology = useMemo(() => (resource.data ? buildTopology(session, resource.data.vpcs, resource.data.peerings, resource.data.gateways, resource.data.instances) : undefined), [resource.data, session]);
  const [measureRef, mapWidth] = useElementWidth(24);
  // Laid out for the width the map has, so that fitting it keeps the labels readable.
  const targetWidth = Math.max(600, ((mapWidth || 1000) - 2 * FIT_PADDING) / READABLE_ZOOM);
  const layout = useMemo(() => (topology ? layoutTopology(topology, session, resource.data?.overlay, targetWidth) : { nodes: [], edges: [], bounds: { x: 0, y: 0, w: 0, h: 0 } }), [topology, session, resource.data?.overlay, targetWidth]);
  // A click selects without laying the map out again.
  const graph = useMemo(() => withSelection(layout, selected), [layout, selected]);
  const fitZoom = graph.bounds.w > 0 && mapWidth > 0 ? Math.min(MAX_ZOOM, (mapWidth - 2 * FIT_PADDING) / graph.bounds.w) : 1;
  const mapHeight = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, graph.bounds.h * fitZoom + 2 * FIT_PADDING)));
  const frameRef = useRef<HTMLDivElement | null>(null);
  const frame = useCallback((el: HTMLDivElement | null) => {
    frameRef.current = el;
    measureRef(el);
  }, [measureRef]);
  const overlay = resource.data?.overlay;
  const selectedVpc = topology?.groups.flatMap((g) => g.vpcs).find((v) => v.key === selected);
  const selectedLink = topology?.links.find((l) => l.id === selected);
  const selectedGateway = topology?.gateways.find((g) => g.key === selected);

  return (
    <ContentLayout
      header={
        <Header variant="h1" description={S.map.description} actions={<Button iconName="refresh" ariaLabel={S.actions.refresh} loading={resource.loading} onClick={resource.reload} />}>
          {S.map.title}
        </Header>
      }
    >
      <SpaceBetween size="l">
        {resource.error && <ErrorAlert error={resource.error} header={S.map.loadError} onRetry={resource.reload} />}
        {overlay && (
          <div data-testid="map-analysis">
            <Alert
              type={overlay.found ? 'success' : 'error'}
              header={S.map.analysisHeader(overlay.analysisId)}
              action={resource.data?.pathId ? <Button onClick={() => navigate(`/reachability/${resource.data?.pathId ?? ''}?analysis=${overlay.analysisId}`)}>{S.map.backToAnalysis}</Button> : undefined}
            >
              {overlay.found ? S.map.pathFound : <>{overlay.stop?.sentence ?? S.map.stopsAt(overlay.stop?.component ?? '')} <Box variant="small" display="inline" color="text-body-secondary">{overlay.stop?.code}</Box></>}
            </Alert>
          </div>
        )}
        <Grid gridDefinition={[{ colspan: { default: 12, xs: 9 } }, { colspan: { default: 12, xs: 3 } }]}>
          <Container
            disableContentPaddings
            footer={
              <SpaceBetween direction="horizontal" size="l">
                <span className="vpcpeer-map-hint">{S.map.zoomHint}</span>
                {LEGEND.map((s) => (
                  <span key={s} className="vpcpeer-map-legend">
                    <span className="vpcpeer-map-legend__swatch" style={{ background: STATUS_COLOURS[s] }} />
                    {peeringStatusLabel(s)}
                  </span>
                ))}
              </SpaceBetween>
            }
          >
            <div className="vpcpeer-map" data-testid="topology-map" ref={frame} style={{ height: mapHeight }}>
              <MapSelectContext.Provider value={setSelected}>
                <ReactFlow
                  nodes={graph.nodes}
                  edges={graph.edges}
                  nodeTypes={NODE_TYPES}
                  edgeTypes={EDGE_TYPES}
                  minZoom={0.1}
                  maxZoom={2}
                  nodesConnectable={false}
                  // Laid out, not drawn by hand: edges and labels are placed for these positions.
                  nodesDraggable={false}
                  // The page scrolls over the map; ctrl + wheel, pinch and the buttons zoom it.
                  zoomOnScroll={false}
                  preventScrolling={false}
                  onNodeClick={(_e, n) => (n.type === 'vpc' || n.type === 'gateway') && setSelected(n.id)}
                  onEdgeClick={(_e, edge) => setSelected(edge.id)}
                  onPaneClick={() => setSelected(undefined)}
                >
                  <FitWhenReady bounds={graph.bounds} frame={frameRef} />
                  <Background gap={20} />
                  <Controls showInteractive={false} fitViewOptions={FIT_OPTIONS} />
                  <MiniMap<MapNode> pannable zoomable nodeColor={minimapColour} nodeStrokeWidth={0} ariaLabel={S.map.minimap} />
                </ReactFlow>
              </MapSelectContext.Provider>
            </div>
          </Container>
          <div className="vpcpeer-map-details">
            <Container header={<Header variant="h2">{selectedGateway ? (selectedGateway.kind === 'igw' ? S.mapGateways.igw : S.mapGateways.nat) : selectedLink ? S.map.connectionDetails : selectedVpc ? S.map.vpcDetails : S.map.details}</Header>}>
              <div data-testid="map-details">
                {selectedGateway ? <GatewayDetails g={selectedGateway} /> : selectedLink ? <LinkDetails l={selectedLink} /> : selectedVpc ? <VpcDetails v={selectedVpc} current={session} /> : <Box color="text-body-secondary">{S.map.clickHint}</Box>}
              </div>
            </Container>
          </div>
        </Grid>
      </SpaceBetween>
    </ContentLayout>
  );
}
