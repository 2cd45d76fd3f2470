import type { Node } from '@xyflow/react';
import { MarkerType } from '@xyflow/react';
import { peeringStatusLabel } from '../../shared/peering-status';
import { S } from '../../strings';
import type { LabelledEdge } from './labelled-edge-view';
import { packGroups } from './pack-groups';
import type { Box, LabelRequest, Point } from './place-labels';
import { placeLabels } from './place-labels';
import type { PathOverlay } from './path-overlay';
import type { MapGateway, MapGroup, MapVpc, Topology } from './topology-model';

/** Narrower than the shared style's 200px (topology-map.css): four VPCs a row in a 700px frame. */
export const NODE_W = 180;
export const NODE_H = 78;
const PAD = 16;
const HEADER = 64;
/** Between VPCs in a row; labels mostly sit in the wider gaps between rows. */
const COL_GAP = 24;
/** Between rows of VPCs: a peering label (PEERING_LABEL.h) fits with room around it. */
const ROW_GAP = 56;
const GROUP_GAP = 56;
/** A peering label's most room: two lines of 12px bold ("pcx-… ·" / "Pending acceptance"). */
const PEERING_LABEL = { w: 176, h: 40 };
/** The stroke of a connection selected or on an analysis' path (the others are 2.5px). */
const THICK_STROKE = 5;
/** A gateway's routes: one line of 10px, cut short with an ellipsis (the full list on hover). */
const ROUTE_LABEL = { w: 150, h: 22 };

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
/** Between a VPC and its first gateway, below it: room for the routes label on the edge between. */
const GW_GAP = 36;
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
/** An empty point that widens the drawing's bounds (fitView fits nodes) to a label placed outside it. */
export type SpacerNode = Node<Record<string, never>, 'spacer'>;
export type MapNode = VpcNode | GroupNode | GatewayNode | SpacerNode;

export interface TopologyDrawing {
  readonly nodes: MapNode[];
  readonly edges: LabelledEdge[];
  /** The drawing's extent in flow units, labels included. */
  readonly bounds: Box;
}

/** A VPC's drawn height: its name, id and CIDRs, a line per instance, and the stop box when the path stops in it. */
export function vpcHeight(v: MapVpc, overlay?: PathOverlay): number {
  return NODE_H + 4 + v.instances.length * INSTANCE_H + (overlay?.stop?.vpcId === v.vpcId ? STOP_H : 0);
}

/** A group's VPCs as a grid of cells, each a VPC and, below it, the column of its gateways. */
interface GroupGrid {
  rowHeights(columns: number): number[];
  size(columns: number): { w: number; h: number };
}

function cellHeight(v: MapVpc, gateways: number, overlay: PathOverlay | undefined): number {
  return vpcHeight(v, overlay) + (gateways > 0 ? GW_GAP + gateways * GW_PITCH - 8 : 0);
}

function groupGrid(g: MapGroup, gatewaysOf: (vpc: string) => readonly MapGateway[], overlay: PathOverlay | undefined): GroupGrid {
  const cellH = g.vpcs.map((v) => cellHeight(v, gatewaysOf(v.key).length, overlay));
  const rowHeights = (columns: number): number[] => {
    const rows: number[] = [];
    cellH.forEach((h, i) => {
      const r = Math.floor(i / columns);
      rows[r] = Math.max(rows[r] ?? 0, h);
    });
    return rows.length > 0 ? rows : [NODE_H];
  };
  return {
    rowHeights,
    size: (columns) => {
      const c = Math.max(1, Math.min(columns, g.vpcs.length));
      const rows = rowHeights(c);
      return { w: 2 * PAD + c * NODE_W + (c - 1) * COL_GAP, h: HEADER + rows.reduce((a, b) => a + b, 0) + (rows.length - 1) * ROW_GAP + PAD };
    },
  };
}

const centre = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** Where the ray from `inside` towards `toward` leaves the box. */
function borderPoint(b: Box, inside: Point, toward: Point): Point {
  const dx = toward.x - inside.x;
  const dy = toward.y - inside.y;
  const tx = dx > 0 ? (b.x + b.w - inside.x) / dx : dx < 0 ? (b.x - inside.x) / dx : Infinity;
  const ty = dy > 0 ? (b.y + b.h - inside.y) / dy : dy < 0 ? (b.y - inside.y) / dy : Infinity;
  const t = Math.min(tx, ty, 1);
  return { x: inside.x + dx * t, y: inside.y + dy * t };
}

const pathOf = (a: Point, b: Point): string => `M ${a.x} ${a.y} L ${b.x} ${b.y}`;

/**
 * Account-and-region groups packed in rows no wider than `targetWidth` (ours first), each a grid
 * of its VPCs, a VPC's gateways beside it. Peering connections are straight lines between VPC
 * borders (parallel when two join the same VPCs); every label goes where placeLabels finds room,
 * so no label covers a VPC, a group's title or another label.
 */
export function layoutTopology(t: Topology, me: { accountId: string; region: string }, overlay: PathOverlay | undefined, targetWidth: number): TopologyDrawing {
  const nodes: MapNode[] = [];
  // Each VPC's gateways, grouped once: the grid, the nodes and the route labels all ask.
  const byVpc = new Map<string, MapGateway[]>();
  for (const g of t.gateways) byVpc.set(g.vpc, [...(byVpc.get(g.vpc) ?? []), g]);
  const gatewaysOf = (vpc: string): readonly MapGateway[] => byVpc.get(vpc) ?? [];
  const grids = t.groups.map((g) => groupGrid(g, gatewaysOf, overlay));
  const widest = Math.max(0, ...grids.map((gr) => gr.size(1).w));
  const packed = packGroups(
    t.groups.map((g, i) => ({ count: g.vpcs.length, size: (grids[i] as GroupGrid).size })),
    Math.max(targetWidth, widest),
    GROUP_GAP,
  );

  const boxes = new Map<string, Box>();
  const obstacles: Box[] = [];
  let width = 0;
  let height = 0;
  t.groups.forEach((g, gi) => {
    const grid = grids[gi] as GroupGrid;
    const at = packed[gi] as (typeof packed)[number];
    const groupId = `group:${g.key}`;
    nodes.push({
      id: groupId,
      type: 'account-region',
      position: { x: at.x, y: at.y },
      data: { group: g, mine: g.accountId === me.accountId && g.region === me.region },
      // Sizes given, not only measured: the minimap draws nodes from these (it skips a controlled
      // node whose measured size was never written back).
      width: at.w,
      height: at.h,
      selectable: false,
    });
    obstacles.push({ x: at.x, y: at.y, w: at.w, h: HEADER - 8 });
    width = Math.max(width, at.x + at.w);
    height = Math.max(height, at.y + at.h);
    const rows = grid.rowHeights(at.columns);
    const rowTop = rows.map((_, r) => HEADER + rows.slice(0, r).reduce((a, b) => a + b, 0) + r * ROW_GAP);
    g.vpcs.forEach((v, i) => {
      const h = vpcHeight(v, overlay);
      const position = { x: PAD + (i % at.columns) * (NODE_W + COL_GAP), y: rowTop[Math.floor(i / at.columns)] ?? HEADER };
      nodes.push({ id: v.key, type: 'vpc', parentId: groupId, extent: 'parent', position, width: NODE_W, height: h, data: { vpc: v, selected: false, height: h, ...(overlay ? { overlay } : {}) } });
      const box = { x: at.x + position.x, y: at.y + position.y, w: NODE_W, h };
      boxes.set(v.key, box);
      obstacles.push(box);
      // The VPC's gateways in a column below it, hanging off it as in AWS's resource map.
      gatewaysOf(v.key).forEach((gw, j) => {
        const gp = { x: position.x + (NODE_W - GW_W) / 2, y: position.y + h + GW_GAP + j * GW_PITCH };
        nodes.push({ id: gw.key, type: 'gateway', parentId: groupId, extent: 'parent', position: gp, width: GW_W, height: GW_H, data: { gateway: gw, selected: false } });
        const gb = { x: at.x + gp.x, y: at.y + gp.y, w: GW_W, h: GW_H };
        boxes.set(gw.key, gb);
        obstacles.push(gb);
      });
    });
  });

  // Connections between the same two VPCs (a rejected request, then a new one) run side by side.
  const pairCount = new Map<string, number>();
  const pairOf = (a: string, b: string): string => (a < b ? `${a}>${b}` : `${b}>${a}`);
  for (const l of t.links) pairCount.set(pairOf(l.from, l.to), (pairCount.get(pairOf(l.from, l.to)) ?? 0) + 1);
  const pairSeen = new Map<string, number>();

  const segments = new Map<string, { from: Point; to: Point }>();
  const requests: LabelRequest[] = [];
  for (const l of t.links) {
    const a = boxes.get(l.from);
    const b = boxes.get(l.to);
    if (!a || !b) continue;
    const pair = pairOf(l.from, l.to);
    const k = pairSeen.get(pair) ?? 0;
    pairSeen.set(pair, k + 1);
    const ca = centre(a);
    const cb = centre(b);
    const len = Math.hypot(cb.x - ca.x, cb.y - ca.y) || 1;
    const shift = (k - ((pairCount.get(pair) ?? 1) - 1) / 2) * 12;
    const n = { x: (-(cb.y - ca.y) / len) * shift, y: ((cb.x - ca.x) / len) * shift };
    const sa = { x: ca.x + n.x, y: ca.y + n.y };
    const sb = { x: cb.x + n.x, y: cb.y + n.y };
    const seg = { from: borderPoint(a, sa, sb), to: borderPoint(b, sb, sa) };
    segments.set(l.id, seg);
    requests.push({ id: l.id, ...seg, ...PEERING_LABEL });
  }
  for (const gw of t.gateways) {
    const v = boxes.get(gw.vpc);
    const g = boxes.get(gw.key);
    if (!v || !g) continue;
    // Side by side when a VPC has several gateways, so their links stay apart.
    const x = g.x + 16 + gatewaysOf(gw.vpc).indexOf(gw) * 16;
    const seg = { from: { x, y: v.y + v.h }, to: { x, y: g.y } };
    segments.set(gw.key, seg);
    requests.push({ id: gw.key, ...seg, ...ROUTE_LABEL });
  }
  const spots = placeLabels(requests, obstacles, { min: 0, max: Math.max(width, PEERING_LABEL.w + 12) });

  // A label placed outside the groups widens the bounds that fitView fits.
  let minX = 0;
  let minY = 0;
  for (const r of requests) {
    const s = spots.get(r.id);
    if (!s) continue;
    minX = Math.min(minX, s.x - r.w / 2);
    minY = Math.min(minY, s.y - r.h / 2);
    width = Math.max(width, s.x + r.w / 2);
    height = Math.max(height, s.y + r.h / 2);
  }
  if (minX < 0 || minY < 0) nodes.push({ id: 'spacer:min', type: 'spacer', position: { x: minX, y: minY }, width: 1, height: 1, data: {}, selectable: false, focusable: false });
  nodes.push({ id: 'spacer:max', type: 'spacer', position: { x: width, y: height }, width: 1, height: 1, data: {}, selectable: false, focusable: false });

  const edges: LabelledEdge[] = [];
  for (const l of t.links) {
    const seg = segments.get(l.id);
    const spot = spots.get(l.id);
    if (!seg || !spot) continue;
    const colour = STATUS_COLOURS[l.status] ?? '#8d99a8';
    const live = l.status === 'active' || l.status === 'pending-acceptance';
    // An analysis' path through this connection is drawn thicker; where it stops, in red.
    const onPath = overlay?.onPath.has(l.id) === true;
    const stopsHere = overlay?.stop?.component === l.id;
    const text = S.map.edgeLabel(l.name || l.id, peeringStatusLabel(l.status));
    edges.push({
      id: l.id,
      source: l.from,
      target: l.to,
      type: 'labelled',
      animated: l.status === 'pending-acceptance',
      selected: false,
      data: { kind: 'peering', path: pathOf(seg.from, seg.to), label: stopsHere ? S.map.stopsAt(text) : text, x: spot.x, y: spot.y, ...PEERING_LABEL, colour: stopsHere ? '#d91515' : colour },
      style: { stroke: stopsHere ? '#d91515' : colour, strokeWidth: onPath ? THICK_STROKE : 2.5, strokeDasharray: live ? undefined : '6 4' },
      markerEnd: { type: MarkerType.ArrowClosed, color: colour },
      ariaLabel: S.map.edgeAria(l.id, peeringStatusLabel(l.status)),
    });
  }
  for (const gw of t.gateways) {
    const seg = segments.get(gw.key);
    const spot = spots.get(gw.key);
    if (!seg || !spot) continue;
    edges.push({
      id: gw.key,
      source: gw.vpc,
      target: gw.key,
      type: 'labelled',
      selected: false,
      data: { kind: 'route', path: pathOf(seg.from, seg.to), label: S.mapGateways.routes(gw.routes), x: spot.x, y: spot.y, ...ROUTE_LABEL, colour: '#414d5c' },
      style: { stroke: '#414d5c', strokeWidth: 1.5, strokeDasharray: gw.routes.length > 0 ? undefined : '4 4' },
      markerEnd: { type: MarkerType.ArrowClosed, color: '#414d5c' },
    });
  }
  return { nodes, edges, bounds: { x: minX, y: minY, w: width - minX, h: height - minY } };
}

/**
 * The drawing with one VPC, gateway or connection selected. A click changes only these flags,
 * so the layout (and every item not selected) is kept as it was.
 */
export function withSelection(d: TopologyDrawing, selected: string | undefined): TopologyDrawing {
  if (selected === undefined) return d;
  const nodes = d.nodes.map((n): MapNode => {
    if (n.id !== selected) return n;
    if (n.type === 'vpc') return { ...n, data: { ...n.data, selected: true } };
    if (n.type === 'gateway') return { ...n, data: { ...n.data, selected: true } };
    return n;
  });
  const edges = d.edges.map((e): LabelledEdge => {
    if (e.id !== selected) return e;
    return { ...e, selected: true, style: e.data?.kind === 'peering' ? { ...e.style, strokeWidth: THICK_STROKE } : e.style };
  });
  return { ...d, nodes, edges };
}
