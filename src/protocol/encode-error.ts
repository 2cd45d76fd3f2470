// The EC2 error document. Unlike other Query services EC2 nests the error in
// <Response><Errors><Error> and spells the request id `RequestID`; the SDKs look for exactly that.
import { escapeXml } from './xml-escape.js';

/** Encodes an EC2 error response body (send it with the error's HTTP status). */
export function encodeError(code: string, message: string, requestId: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error>' +
    `<Code>${escapeXml(code)}</Code><Message>${escapeXml(message)}</Message>` +
    `</Error></Errors><RequestID>${escapeXml(requestId)}</RequestID></Response>`
  );
}
