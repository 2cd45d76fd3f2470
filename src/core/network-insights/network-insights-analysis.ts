import type { AnalysisResult } from '../reachability/analysis-result.js';
import type { Scope } from '../scope.js';

/**
 * A finished analysis. It is computed inside StartNetworkInsightsAnalysis against one store
 * snapshot; Start answers `running` (AWS's shape) and every read after shows `succeeded`.
 * `failed` is for the machinery only, never a topology verdict.
 */
export interface NetworkInsightsAnalysis extends Scope {
  readonly id: string;
  readonly pathId: string;
  readonly startedAt: number;
  readonly filterInArns: readonly string[];
  readonly additionalAccounts: readonly string[];
  /** FilterOutArns, echoed as sent: components the walk must do without (reachability/filter-out.ts). */
  readonly filterOutArns?: readonly string[];
  /** StartNetworkInsightsAnalysis' ClientToken, for idempotency. Added by the insights branch. */
  readonly clientToken?: string;
  readonly status: 'succeeded' | 'failed';
  readonly statusMessage?: string;
  readonly result?: AnalysisResult;
}
