import type { AnalysisResult } from './analysis-result.js';
import type { ReachQuery, ReachWorld } from './reach-world.js';

/**
 * Would some packet of the query's set go from source to destination, and its reply come back?
 * (Placeholder until the walk lands: it finds nothing and says so.)
 */
export function analyzeReachability(_world: ReachWorld, _query: ReachQuery): AnalysisResult {
  return { pathFound: false, forward: [], return: [], explanations: [], suggestedAccounts: [] };
}
