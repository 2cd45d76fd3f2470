import type { Viewport } from '@xyflow/react';
import type { Box } from './place-labels';

/**
 * The viewport that shows all of `bounds` in a `width` x `height` frame, centred, `padding` px
 * clear of the edges, no closer than `maxZoom`. Computed from the layout's own bounds and the
 * frame's DOM size: xyflow's fitView measures both itself and, right after the frame has grown
 * with the drawing, can still fit the old size.
 */
export function fitViewport(bounds: Box, width: number, height: number, padding: number, maxZoom: number): Viewport {
  const zoom = Math.min(maxZoom, (width - 2 * padding) / Math.max(1, bounds.w), (height - 2 * padding) / Math.max(1, bounds.h));
  return { x: (width - bounds.w * zoom) / 2 - bounds.x * zoom, y: (height - bounds.h * zoom) / 2 - bounds.y * zoom, zoom };
}
