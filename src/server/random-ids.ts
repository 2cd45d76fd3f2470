import { randomBytes } from 'node:crypto';
import type { IdGenerator, IdPrefix } from '../core/ids.js';

/** New-style AWS ids: the prefix and 17 lower-case hex digits. */
export const randomIds: IdGenerator = {
  next(prefix: IdPrefix): string {
    return `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;
  },
};
