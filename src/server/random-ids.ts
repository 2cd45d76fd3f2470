import { randomFillSync } from 'node:crypto';
import type { IdGenerator, IdPrefix } from '../core/ids.js';

/** Random bytes drawn a pool at a time: one call into the CSPRNG serves hundreds of ids. */
const pool = Buffer.alloc(4096);
let used = pool.length;

function randomHex17(): string {
  if (used + 9 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const hex = pool.toString('hex', used, used + 9);
  used += 9;
  return hex.slice(0, 17);
}

/** New-style AWS ids: the prefix and 17 lower-case hex digits. */
export const randomIds: IdGenerator = {
  next(prefix: IdPrefix): string {
    return `${prefix}-${randomHex17()}`;
  },
};
