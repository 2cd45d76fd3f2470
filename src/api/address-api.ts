import type { OperationTable } from './operation.js';

/** Elastic IP addresses. */
export const ADDRESS_OPERATIONS: OperationTable = {};
