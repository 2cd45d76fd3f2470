import type { AdditionalDetail, Explanation, PathHop } from './analysis-result.js';

export type HopFields = Omit<PathHop, 'sequenceNumber' | 'explanations' | 'additionalDetails'>;

export interface OpenHop {
  fields: HopFields;
  readonly explanations: Explanation[];
  readonly additionalDetails: AdditionalDetail[];
}

/** Hops as a walk appends them; explanations may be pinned on a hop after it was added. */
export class PathBuilder {
  private readonly list: OpenHop[] = [];

  add(fields: HopFields): OpenHop {
    const hop: OpenHop = { fields, explanations: [], additionalDetails: [] };
    this.list.push(hop);
    return hop;
  }

  /** Merges further members into a hop already added (e.g. its header once known). */
  set(hop: OpenHop, more: Partial<HopFields>): void {
    hop.fields = { ...hop.fields, ...more };
  }

  explain(hop: OpenHop, e: Explanation): void {
    hop.explanations.push(e);
  }

  get blocked(): boolean {
    return this.list.some((h) => h.explanations.length > 0);
  }

  /** The first hop showing this component. */
  find(id: string): OpenHop | undefined {
    return this.list.find((h) => h.fields.component.id === id);
  }

  /** Every hop so far, in walk order. */
  hops(): readonly OpenHop[] {
    return this.list;
  }

  get last(): OpenHop | undefined {
    return this.list[this.list.length - 1];
  }

  /** The hops, a blocked path's last one marked as analysed one way only (§2.2, AWS CLI example §2.5a). */
  finish(blocked: boolean): PathHop[] {
    if (blocked && this.last) this.last.additionalDetails.push({ type: 'UNIDIRECTIONAL_PATH_ANALYSIS_ONLY' });
    return this.build();
  }

  build(): PathHop[] {
    return this.list.map((h, i) => ({ sequenceNumber: i + 1, ...h.fields, explanations: [...h.explanations], additionalDetails: [...h.additionalDetails] }));
  }
}
