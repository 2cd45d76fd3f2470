/** A group as the packer sees it: how many VPCs, and how big it is for a number of columns. */
export interface PackableGroup {
  readonly count: number;
  size(columns: number): { readonly w: number; readonly h: number };
}

export interface PackedGroup {
  readonly x: number;
  readonly y: number;
  readonly columns: number;
  readonly w: number;
  readonly h: number;
}

interface Shelf {
  readonly members: readonly PackableGroup[];
  readonly columns: readonly number[];
  readonly w: number;
  readonly h: number;
}

/**
 * The groups side by side in one row with as few rows of VPCs as fit in `width` (every group gets
 * columns enough for that many rows), or one column each when nothing narrower fits.
 */
function shelf(members: readonly PackableGroup[], width: number, gap: number): Shelf {
  const most = Math.max(1, ...members.map((g) => g.count));
  let best: Shelf | undefined;
  for (let rows = 1; rows <= most; rows++) {
    const columns = members.map((g) => Math.max(1, Math.ceil(g.count / rows)));
    const sizes = members.map((g, i) => g.size(columns[i] ?? 1));
    const w = sizes.reduce((a, s) => a + s.w, 0) + gap * (members.length - 1);
    best = { members, columns, w, h: Math.max(...sizes.map((s) => s.h)) };
    if (w <= width) break;
  }
  return best ?? { members, columns: [], w: 0, h: 0 };
}

/**
 * Groups in rows no wider than `width`, in order. A group joins the current row (which then lays
 * every group in it out over more rows of VPCs) when that makes the drawing less tall than
 * starting a new row with it.
 */
export function packGroups(groups: readonly PackableGroup[], width: number, gap: number): PackedGroup[] {
  const shelves: Shelf[] = [];
  for (const g of groups) {
    const last = shelves[shelves.length - 1];
    const alone = shelf([g], width, gap);
    if (last) {
      const joined = shelf([...last.members, g], width, gap);
      if (joined.w <= width && joined.h <= last.h + gap + alone.h) {
        shelves[shelves.length - 1] = joined;
        continue;
      }
    }
    shelves.push(alone);
  }
  const out: PackedGroup[] = [];
  let y = 0;
  for (const s of shelves) {
    let x = 0;
    s.members.forEach((g, i) => {
      const columns = s.columns[i] ?? 1;
      const size = g.size(columns);
      out.push({ x, y, columns, w: size.w, h: size.h });
      x += size.w + gap;
    });
    y += s.h + gap;
  }
  return out;
}
