import { createContext } from 'react';

/**
 * Selects a map item by id. Edge labels are drawn outside their edge's SVG (xyflow's label layer),
 * where the flow's onEdgeClick does not reach: they select through this.
 */
export const MapSelectContext = createContext<(id: string) => void>(() => undefined);
