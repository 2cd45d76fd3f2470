import Box from '@cloudscape-design/components/box';
import type { NodeProps } from '@xyflow/react';
import { Handle, Position } from '@xyflow/react';
import type { ReactNode } from 'react';
import { regionName } from '../../shared/region-option';
import { S } from '../../strings';
import type { GatewayNode, GroupNode, SpacerNode, VpcNode } from './topology-layout';

const SIDES = [
  ['top', Position.Top],
  ['right', Position.Right],
  ['bottom', Position.Bottom],
  ['left', Position.Left],
] as const;

/**
 * A VPC: its Name, id and CIDRs, then its instances; a peer VPC of another account is drawn as
 * known only by id. Over an analysis, what the path went through is outlined and the place it
 * stopped is boxed in red with the explanation code.
 */
export function VpcNodeView({ data }: NodeProps<VpcNode>): ReactNode {
  const v = data.vpc;
  const overlay = data.overlay;
  const stop = overlay?.stop?.vpcId === v.vpcId ? overlay.stop : undefined;
  return (
    <div className={`vpcpeer-map-vpc${v.own ? '' : ' vpcpeer-map-vpc--foreign'}${data.selected ? ' vpcpeer-map-vpc--selected' : ''}`} style={{ height: data.height }} data-testid={`map-vpc-${v.vpcId}`}>
      {SIDES.map(([side, position]) => (
        <Handle key={`s-${side}`} id={`s-${side}`} type="source" position={position} isConnectable={false} />
      ))}
      {SIDES.map(([side, position]) => (
        <Handle key={`t-${side}`} id={`t-${side}`} type="target" position={position} isConnectable={false} />
      ))}
      <div className="vpcpeer-map-vpc__name">{v.name || (v.isDefault ? S.map.defaultVpc : v.own ? S.map.unnamed : S.map.peerVpc)}</div>
      <div className="vpcpeer-map-vpc__id">{v.vpcId}</div>
      <div className="vpcpeer-map-vpc__cidrs">{v.cidrs.length > 0 ? v.cidrs.join(', ') : S.map.cidrsHidden}</div>
      {v.instances.map((i) => (
        <div key={i.id} className={`vpcpeer-map-instance${overlay?.onPath.has(i.id) ? ' vpcpeer-map-instance--on-path' : ''}`} data-testid={`map-instance-${i.id}`} title={`${i.id} ${i.privateIp} ${i.state}`}>
          {S.map.instance(i.name || i.id, i.privateIp)}
        </div>
      ))}
      {stop && (
        <div className="vpcpeer-map-stop" data-testid="map-path-stop" title={stop.sentence ?? stop.code}>
          {S.map.stopsAt(stop.component)} <span className="vpcpeer-map-stop__code">{stop.code}</span>
        </div>
      )}
    </div>
  );
}

export function GroupNodeView({ data }: NodeProps<GroupNode>): ReactNode {
  const g = data.group;
  return (
    <div className={`vpcpeer-map-group${data.mine ? ' vpcpeer-map-group--mine' : ''}`} role="group" aria-label={S.map.groupAria(g.accountId, g.region)}>
      <Box padding={{ left: 's', top: 'xs' }}>
        <Box variant="h4" padding="n">
          {S.map.account(g.accountId)}
          {data.mine && <span className="vpcpeer-map-group__you"> {S.map.you}</span>}
        </Box>
        <Box variant="small">{S.map.region(g.region, regionName(g.region))}</Box>
      </Box>
    </div>
  );
}

/** An internet or NAT gateway beside its VPC; the edge from the VPC carries the routed destinations. */
export function GatewayNodeView({ data }: NodeProps<GatewayNode>): ReactNode {
  const g = data.gateway;
  const kind = g.kind === 'igw' ? S.mapGateways.igw : S.mapGateways.nat;
  return (
    <div className={`vpcpeer-map-gw vpcpeer-map-gw--${g.kind}${data.selected ? ' vpcpeer-map-vpc--selected' : ''}`} data-testid={`map-gw-${g.id}`} aria-label={S.mapGateways.gatewayAria(kind, g.id)}>
      <Handle id="t-left" type="target" position={Position.Left} isConnectable={false} />
      <div className="vpcpeer-map-gw__kind">{kind}</div>
      <div className="vpcpeer-map-vpc__id">{g.name || g.id}</div>
    </div>
  );
}

/** Nothing to see: a point that stretches the fitted bounds to a label placed outside the groups. */
export function SpacerNodeView(_props: NodeProps<SpacerNode>): ReactNode {
  return <div className="vpcpeer-map-spacer" />;
}
