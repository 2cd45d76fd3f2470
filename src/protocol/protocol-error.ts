/**
 * An error the client caused, with the AWS error code it should see.
 *
 * The protocol layer throws only this type so the server can map any decoding failure to an
 * EC2-style error response (see encode-error.ts) without guessing; anything else reaching the
 * server is a bug and becomes a 500.
 */
export class ProtocolError extends Error {
  readonly code: string;
  readonly httpStatus: number;

  constructor(code: string, message: string, httpStatus = 400) {
    super(message);
    this.name = 'ProtocolError';
    this.code = code;
    this.httpStatus = httpStatus;
  }
}
