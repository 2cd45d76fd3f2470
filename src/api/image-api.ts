import type { OperationTable } from './operation.js';

/** Machine images: a small built-in catalogue per Region. */
export const IMAGE_OPERATIONS: OperationTable = {};
