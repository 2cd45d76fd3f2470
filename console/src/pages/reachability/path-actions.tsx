import { DeleteNetworkInsightsAnalysisCommand, DeleteNetworkInsightsPathCommand } from '@aws-sdk/client-ec2';
import { describeInsightsAnalyses } from '../../api/describe';
import { deleteAction } from '../../shared/delete-action';
import type { RowAction } from '../../shared/row-actions';
import { S } from '../../strings';
import type { PathRow } from './path-row';

/** Delete path: its analyses first (AWS refuses a path that still has some: AnalysisExistsForNetworkInsightsPath). */
export const PATH_ACTIONS: readonly RowAction<PathRow>[] = [
  deleteAction(S.reachability, async (ec2, r) => {
    for (const a of await describeInsightsAnalyses(ec2, undefined, { pathId: r.id })) {
      await ec2.send(new DeleteNetworkInsightsAnalysisCommand({ NetworkInsightsAnalysisId: a.NetworkInsightsAnalysisId }));
    }
    await ec2.send(new DeleteNetworkInsightsPathCommand({ NetworkInsightsPathId: r.id }));
  }),
];
