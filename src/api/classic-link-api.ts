import type { OperationTable } from './operation.js';

/** The retired EC2-Classic calls, answered as AWS answers them today. */
export const CLASSIC_LINK_OPERATIONS: OperationTable = {};
