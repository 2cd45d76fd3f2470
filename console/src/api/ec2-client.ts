import { EC2Client } from '@aws-sdk/client-ec2';
import type { Session } from '../session/session';

/**
 * The same SDK every other client uses, pointed at the server that served this page: the access
 * key id names the account, the signing region is the region.
 */
export function createEc2Client(session: Session, region: string = session.region): EC2Client {
  return new EC2Client({
    endpoint: window.location.origin,
    region,
    credentials: { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey },
    // One attempt: a refused or unreachable request is shown at once, with a retry the user chooses.
    maxAttempts: 1,
  });
}
