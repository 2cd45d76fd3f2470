import { Ec2Error } from '../core/ec2-error.js';

/**
 * The database cannot be reached (PostgreSQL restarting, the network down): AWS's own answer for a
 * service that cannot serve right now, which the SDKs and the CLI retry by themselves. Nothing was
 * changed: a transaction cut off before COMMIT is rolled back by the server.
 */
export class StoreUnavailable extends Ec2Error {
  constructor(message: string) {
    super('ServiceUnavailable', message, 503);
  }
}
