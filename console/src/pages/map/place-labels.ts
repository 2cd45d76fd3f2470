/** An axis-aligned box in flow coordinates: top-left corner and size. */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A label to put near the segment it names (`from` to `to`), with the room it may take at most. */
export interface LabelRequest {
  readonly id: string;
  readonly from: Point;
  readonly to: Point;
  readonly w: number;
  readonly h: number;
}

/** Clear space kept around every label, so neighbours read as separate words. */
const MARGIN = 6;
/** Along the segment: the middle first, then outwards. */
const ALONG = [0.5, 0.4, 0.6, 0.32, 0.68, 0.24, 0.76, 0.16, 0.84];

const overlaps = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

function boxAt(c: Point, w: number, h: number): Box {
  return { x: c.x - w / 2 - MARGIN, y: c.y - h / 2 - MARGIN, w: w + 2 * MARGIN, h: h + 2 * MARGIN };
}

/** Offsets off the segment, nearest first: just above/below, beside, then further out. */
function offsets(w: number, h: number): Point[] {
  const dy = h / 2 + MARGIN + 4;
  const dx = w / 2 + MARGIN + 4;
  return [
    { x: 0, y: 0 },
    { x: 0, y: -dy }, { x: 0, y: dy },
    { x: -dx, y: 0 }, { x: dx, y: 0 },
    { x: -dx, y: -dy }, { x: dx, y: -dy }, { x: -dx, y: dy }, { x: dx, y: dy },
    { x: 0, y: -2 * dy }, { x: 0, y: 2 * dy },
  ];
}

/**
 * Where each label's centre goes: on its segment where that is free, else just off it, else the
 * nearest free spot spiralling out from the segment's middle. Free means clear of every obstacle
 * (the VPC and gateway boxes, the group titles) and of every label placed before, and inside
 * `across` horizontally. Short segments
 * are placed first: they have the fewest places to go. Labels therefore never overlap each other
 * or a node, whatever the map.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Box[], across: { readonly min: number; readonly max: number }): Map<string, Point> {
  const taken: Box[] = [...obstacles];
  const placed = new Map<string, Point>();
  const length = (r: LabelRequest): number => Math.hypot(r.to.x - r.from.x, r.to.y - r.from.y);
  // Within the drawing's width (the frame is laid out for it); above or below it is fine.
  const free = (b: Box): boolean => b.x >= across.min && b.x + b.w <= across.max && !taken.some((t) => overlaps(b, t));
  for (const r of [...requests].sort((a, b) => length(a) - length(b) || a.id.localeCompare(b.id))) {
    let spot: Point | undefined;
    for (const o of offsets(r.w, r.h)) {
      for (const t of ALONG) {
        const c = { x: r.from.x + (r.to.x - r.from.x) * t + o.x, y: r.from.y + (r.to.y - r.from.y) * t + o.y };
        if (free(boxAt(c, r.w, r.h))) {
          spot = c;
          break;
        }
      }
      if (spot) break;
    }
    const mid = { x: (r.from.x + r.to.x) / 2, y: (r.from.y + r.to.y) / 2 };
    // Rings grow without bound, so a free spot is always found (above or below the drawing at worst).
    for (let radius = 24; !spot; radius += 24) {
      const steps = Math.max(12, Math.round(radius / 12));
      for (let i = 0; i < steps; i++) {
        const a = (2 * Math.PI * i) / steps;
        const c = { x: mid.x + radius * Math.cos(a), y: mid.y + radius * Math.sin(a) };
        if (free(boxAt(c, r.w, r.h))) {
          spot = c;
          break;
        }
      }
    }
    taken.push(boxAt(spot, r.w, r.h));
    placed.set(r.id, spot);
  }
  return placed;
}
