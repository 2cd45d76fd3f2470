import { escapeXml } from '../protocol/index.js';

const STS_NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

export interface StsCaller {
  readonly accountId: string;
  readonly accessKeyId?: string;
}

/**
 * STS GetCallerIdentity in the Query protocol (Version 2011-06-15). It must agree with the
 * access-key -> account mapping of EC2 calls: Terraform compares it with peering owner ids to
 * decide whether it is the requester or the accepter (AWS-BEHAVIOUR.md §5.4).
 */
export function getCallerIdentityXml(caller: StsCaller, requestId: string): string {
  const userId = caller.accessKeyId && /^AKIA|^ASIA/.test(caller.accessKeyId) ? caller.accessKeyId : `AIDA${caller.accountId}EXAMPLE`;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<GetCallerIdentityResponse xmlns="${STS_NS}"><GetCallerIdentityResult>` +
    `<Arn>arn:aws:iam::${caller.accountId}:root</Arn><UserId>${escapeXml(userId)}</UserId><Account>${caller.accountId}</Account>` +
    `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`
  );
}

/** STS errors use the awsQuery shape: ErrorResponse/Error/{Type,Code,Message} and RequestId. */
export function stsErrorXml(code: string, message: string, requestId: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${STS_NS}"><Error><Type>Sender</Type><Code>${escapeXml(code)}</Code>` +
    `<Message>${escapeXml(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
  );
}
