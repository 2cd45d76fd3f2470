import * as vega from 'vega';
import type { BenchResults } from '../types.js';

interface Point {
  readonly size: number;
  readonly kind: string;
  readonly pct: 'p50' | 'p99';
  readonly ms: number;
}

/**
 * Workload d as a chart: vpcpeer's p50 and p99 latency for each query against the number of
 * stored connections (both axes logarithmic), with the p99 targets as reference lines.
 * Rendered headless by vega (View with renderer 'none', toSVG: no canvas needed).
 */
export async function latencyChartSvg(r: BenchResults): Promise<string> {
  const points: Point[] = [];
  for (const w of r.workloads.filter((x) => x.id === 'd' && x.storeSize !== undefined)) {
    const vp = w.runs.find((x) => x.target === 'vpcpeer');
    for (const [kind, s] of Object.entries(vp?.series ?? {})) {
      if (kind === 'all' || kind.startsWith('failed') || s.requests === 0) continue;
      points.push({ size: w.storeSize as number, kind, pct: 'p50', ms: Math.max(s.p50Ms, 0.001) });
      points.push({ size: w.storeSize as number, kind, pct: 'p99', ms: Math.max(s.p99Ms, 0.001) });
    }
  }
  const sizes = [...new Set(points.map((p) => p.size))].sort((a, b) => a - b);
  const clients = r.workloads.find((x) => x.id === 'd')?.concurrency ?? 1;
  const spec: vega.Spec = {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: 640,
    height: 380,
    padding: 12,
    background: 'white',
    title: {
      text: 'vpcpeer: DescribeVpcPeeringConnections latency against store size',
      subtitle: `${clients} client${clients === 1 ? '' : 's'}, closed loop; same answers (1 item by id, ~100 items filtered) at every size`,
      anchor: 'start',
    },
    data: [
      { name: 'points', values: points },
      {
        name: 'targets',
        values: [
          { ms: 2, label: 'target: by-id p99 < 2 ms' },
          { ms: 20, label: 'target: filtered p99 < 20 ms' },
        ],
      },
    ],
    scales: [
      { name: 'x', type: 'log', domain: sizes.length > 1 ? sizes.filter((_, i, a) => i === 0 || i === a.length - 1) : [1, 10], range: 'width', padding: 24 },
      { name: 'y', type: 'log', domain: { fields: [{ data: 'points', field: 'ms' }, { data: 'targets', field: 'ms' }] }, range: 'height', nice: true },
      { name: 'color', type: 'ordinal', domain: { data: 'points', field: 'kind', sort: true }, range: 'category' },
      { name: 'dash', type: 'ordinal', domain: ['p50', 'p99'], range: [[1, 0], [6, 4]] },
    ],
    axes: [
      { orient: 'bottom', scale: 'x', title: 'stored peering connections (log)', values: sizes, format: '~s', grid: true },
      { orient: 'left', scale: 'y', title: 'latency, ms (log)', grid: true },
    ],
    legends: [
      { stroke: 'color', title: 'query', orient: 'right', labelLimit: 260 },
      { strokeDash: 'dash', title: 'percentile', orient: 'right', symbolType: 'stroke', symbolSize: 300, symbolStrokeWidth: 2, symbolStrokeColor: '#444' },
    ],
    marks: [
      {
        type: 'rule',
        from: { data: 'targets' },
        encode: { enter: { x: { value: 0 }, x2: { signal: 'width' }, y: { scale: 'y', field: 'ms' }, stroke: { value: '#b0b0b0' }, strokeDash: { value: [2, 3] } } },
      },
      {
        type: 'text',
        from: { data: 'targets' },
        encode: { enter: { x: { signal: 'width' }, y: { scale: 'y', field: 'ms', offset: -4 }, text: { field: 'label' }, align: { value: 'right' }, fill: { value: '#808080' }, fontSize: { value: 10 } } },
      },
      {
        type: 'group',
        from: { facet: { name: 'series', data: 'points', groupby: ['kind', 'pct'] } },
        marks: [
          {
            type: 'line',
            from: { data: 'series' },
            sort: { field: 'datum.size' },
            encode: { enter: { x: { scale: 'x', field: 'size' }, y: { scale: 'y', field: 'ms' }, stroke: { scale: 'color', field: 'kind' }, strokeDash: { scale: 'dash', field: 'pct' }, strokeWidth: { value: 2 } } },
          },
          {
            type: 'symbol',
            from: { data: 'series' },
            encode: { enter: { x: { scale: 'x', field: 'size' }, y: { scale: 'y', field: 'ms' }, fill: { scale: 'color', field: 'kind' }, size: { value: 28 } } },
          },
        ],
      },
    ],
  };
  const view = new vega.View(vega.parse(spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}
