import type { Edge, Node } from '@xyflow/react';
import { MarkerType } from '@xyflow/react';
import { peeringStatusLabel } from '../../shared/peering-status';
import { S } from '../../strings';
import type { PathOverlay } from './path-overlay';
import type { MapGateway, MapGroup, MapVpc, Topology } from './topology-model';

export const NODE_W = 200;
export const NODE_H = 78;
const GAP_Y = 64;
const PAD = 16;
const HEADER = 64;
/** Wide enough for an edge label ("name · Pending acceptance") between two groups. */
const GROUP_GAP = 250;

/** Edge colours by status: Cloudscape's status colours, so the map reads like the tables. */
export const STATUS_COLOURS: Readonly<Record<string, string>> = {
  active: '#037f0c',
  'pending-acceptance': '#0972d3',
  'initiating-request': '#0972d3',
  provisioning: '#0972d3',
  failed: '#d91515',
  rejected: '#8d99a8',
  expired: '#8d99a8',
  deleted: '#8d99a8',
  deleting: '#8d99a8',
};

export const GW_W = 170;
const GW_H = 40;
const GW_GAP = 56;
/** A gateway's place below the previous one of the same VPC. */
const GW_PITCH = GW_H + 8;

/** One line per instance inside a VPC, and the "path stops here" box. */
export const INSTANCE_H = 22;
export const STOP_H = 40;

export type VpcNodeData = { vpc: MapVpc; selected: boolean; height: number; overlay?: PathOverlay };
export type GatewayNodeData = { gateway: MapGateway; selected: boolean };
export type GatewayNode = Node<GatewayNodeData, 'gateway'>;
export type GroupNodeData = { group: MapGroup; mine: boolean };
export type VpcNode = Node<VpcNodeData, 'vpc'>;
export type GroupNode = Node<GroupNodeData, 'account-region'>;

/** A VPC's drawn height: its name, id and CIDRs, a line per instance, and the stop box when the path stops in it. */
export function vpcHeight(v: MapVpc, overlay?: PathOverlay): number {
  return NODE_H + 4 + v.instances.length * INSTANCE_H + (overlay?.stop?.vpcId === v.vpcId ? STOP_H : 0);
}

function groupSize(heights: readonly number[], withGateways: boolean): { width: number; height: number } {
  const total = heights.length === 0 ? NODE_H : heights.reduce((a, b) => a + b, 0) + (heights.length - 1) * GAP_Y;
  return { width: PAD * 2 + NODE_W + (withGateways ? GW_GAP + GW_W : 0), height: HEADER + PAD + total };
}

/**
 * Groups left to right (ours first), each a column of VPCs. Links between groups run through the
 * wide gaps between them, where their labels sit; links inside a group join neighbours top to
 * bottom, or bracket out to the right past the VPCs in between.
 */
export function layoutTopology(t: Topology, me: { accountId: string; region: string }, selected: string | undefined, overlay?: PathOverlay): { nodes: (VpcNode | GroupNode | GatewayNode)[]; edges: Edge[] } {
  const nodes: (VpcNode | GroupNode | GatewayNode)[] = [];
  const gatewaysOf = (vpc: string): MapGateway[] => t.gateways.filter((g) => g.vpc === vpc);
  const centre = new Map<string, { x: number; y: number }>();
  let x = 0;
  for (const g of t.groups) {
    const heights = g.vpcs.map((v) => vpcHeight(v, overlay));
    const size = groupSize(heights, g.vpcs.some((v) => gatewaysOf(v.key).length > 0));
    nodes.push({
      id: `group:${g.key}`,
      type: 'account-region',
      position: { x, y: 0 },
      data: { group: g, mine: g.accountId === me.accountId && g.region === me.region },
      style: { width: size.width, height: size.height },
      selectable: false,
      draggable: true,
    });
    let y = HEADER;
    g.vpcs.forEach((v, i) => {
      const height = heights[i] ?? NODE_H;
      const position = { x: PAD, y };
      y += height + GAP_Y;
      nodes.push({ id: v.key, type: 'vpc', parentId: `group:${g.key}`, extent: 'parent', position, data: { vpc: v, selected: selected === v.key, height, ...(overlay ? { overlay } : {}) } });
      centre.set(v.key, { x: x + position.x + NODE_W / 2, y: position.y + height / 2 });
      // The VPC's gateways in a column to its right, hanging off it as in AWS's resource map.
      gatewaysOf(v.key).forEach((gw, j) => {
        nodes.push({ id: gw.key, type: 'gateway', parentId: `group:${g.key}`, extent: 'parent', position: { x: PAD + NODE_W + GW_GAP, y: position.y + j * GW_PITCH }, data: { gateway: gw, selected: selected === gw.key } });
      });
    });
    x += size.width + GROUP_GAP;
  }
  const edges: Edge[] = t.links.map((l) => {
    const a = centre.get(l.from) ?? { x: 0, y: 0 };
    const b = centre.get(l.to) ?? { x: 0, y: 0 };
    let handles: [string, string];
    if (a.x !== b.x) handles = b.x > a.x ? ['s-right', 't-left'] : ['s-left', 't-right'];
    else if (Math.abs(b.y - a.y) <= NODE_H + GAP_Y + 4 * INSTANCE_H) handles = b.y > a.y ? ['s-bottom', 't-top'] : ['s-top', 't-bottom'];
    else handles = ['s-right', 't-right'];
    const [sourceHandle, targetHandle] = handles;
    const bracket = sourceHandle === 's-right' && targetHandle === 't-right';
    const colour = STATUS_COLOURS[l.status] ?? '#8d99a8';
    const live = l.status === 'active' || l.status === 'pending-acceptance';
    // An analysis' path through this connection is drawn thicker; where it stops, in red.
    const onPath = overlay?.onPath.has(l.id) === true;
    const stopsHere = overlay?.stop?.component === l.id;
    return {
      id: l.id,
      source: l.from,
      target: l.to,
      sourceHandle,
      targetHandle,
      type: 'smoothstep',
      // A bracket clears the group's edge so its label sits outside the column of VPCs.
      pathOptions: bracket ? { offset: 48, borderRadius: 8 } : { borderRadius: 8 },
      animated: l.status === 'pending-acceptance',
      selected: selected === l.id,
      label: stopsHere ? S.map.stopsAt(S.map.edgeLabel(l.name || l.id, peeringStatusLabel(l.status))) : S.map.edgeLabel(l.name || l.id, peeringStatusLabel(l.status)),
      labelStyle: { fill: stopsHere ? '#d91515' : colour, fontWeight: 700, fontSize: 11 },
      labelBgStyle: { fill: '#ffffff' },
      labelBgPadding: [6, 3] as [number, number],
      labelBgBorderRadius: 4,
      style: { stroke: stopsHere ? '#d91515' : colour, strokeWidth: selected === l.id || onPath ? 5 : 2.5, strokeDasharray: live ? undefined : '6 4' },
      markerEnd: { type: MarkerType.ArrowClosed, color: colour },
      ariaLabel: S.map.edgeAria(l.id, peeringStatusLabel(l.status)),
    };
  });
  const routes: Edge[] = t.gateways.map((gw) => ({
    id: gw.key,
    source: gw.vpc,
    target: gw.key,
    sourceHandle: 's-right',
    targetHandle: 't-left',
    type: 'smoothstep',
    selected: selected === gw.key,
    label: S.mapGateways.routes(gw.routes),
    labelStyle: { fill: '#414d5c', fontSize: 10 },
    labelBgStyle: { fill: '#ffffff' },
    style: { stroke: '#414d5c', strokeWidth: 1.5, strokeDasharray: gw.routes.length > 0 ? undefined : '4 4' },
    markerEnd: { type: MarkerType.ArrowClosed, color: '#414d5c' },
  }));
  return { nodes, edges: [...edges, ...routes] };
}
