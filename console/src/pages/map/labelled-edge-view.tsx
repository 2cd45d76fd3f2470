import type { Edge, EdgeProps } from '@xyflow/react';
import { BaseEdge, EdgeLabelRenderer } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useContext } from 'react';
import { MapSelectContext } from './map-select-context';

/** A straight edge whose label sits where the layout found room for it (see placeLabels). */
export type LabelledEdgeData = {
  readonly kind: 'peering' | 'route';
  readonly path: string;
  readonly label: string;
  /** The label's centre and the most room it may take, in flow coordinates. */
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly colour: string;
};
export type LabelledEdge = Edge<LabelledEdgeData, 'labelled'>;

export function LabelledEdgeView({ id, data, markerEnd, style }: EdgeProps<LabelledEdge>): ReactNode {
  const select = useContext(MapSelectContext);
  if (!data) return null;
  return (
    <>
      <BaseEdge id={id} path={data.path} markerEnd={markerEnd} style={style} interactionWidth={14} />
      <EdgeLabelRenderer>
        <div
          className={`vpcpeer-map-edge-label vpcpeer-map-edge-label--${data.kind} nodrag nopan`}
          data-testid={`map-edge-label-${data.kind}`}
          title={data.label}
          style={{ transform: `translate(-50%, -50%) translate(${data.x}px, ${data.y}px)`, maxWidth: data.w, maxHeight: data.h, color: data.colour }}
          onClick={() => select(id)}
        >
          {data.label}
        </div>
      </EdgeLabelRenderer>
    </>
  );
}
