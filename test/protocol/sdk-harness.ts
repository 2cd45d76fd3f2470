// An EC2Client wired to an in-memory "server": it captures each serialised request and answers
// with whatever body the test queued, so SDK serialisation and parsing can be checked against
// the protocol codecs without sockets.
import { Readable } from 'node:stream';
import { EC2Client } from '@aws-sdk/client-ec2';

export interface CannedResponse {
  readonly statusCode: number;
  readonly body: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface SdkHarness {
  readonly client: EC2Client;
  /** Form parameters of the last request, in wire order, URL-decoded. */
  lastParams(): Array<[string, string]>;
  /** The response the next request receives. */
  respondWith(response: CannedResponse): void;
}

export function sdkHarness(): SdkHarness {
  let captured: Array<[string, string]> = [];
  let next: CannedResponse = { statusCode: 200, body: '' };
  const client = new EC2Client({
    region: 'us-east-1',
    endpoint: 'http://127.0.0.1:1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    maxAttempts: 1,
    requestHandler: {
      async handle(request: { body?: unknown }) {
        captured = [...new URLSearchParams(String(request.body))];
        const { statusCode, body, headers = {} } = next;
        return {
          response: { statusCode, headers: { 'content-type': 'text/xml;charset=UTF-8', ...headers }, body: Readable.from([Buffer.from(body)]) },
        };
      },
    },
  });
  return {
    client,
    lastParams: () => captured,
    respondWith: (response) => {
      next = response;
    },
  };
}

/** Drops the envelope keys the server strips before calling decodeQuery. */
export function withoutEnvelope(params: ReadonlyArray<[string, string]>): Array<[string, string]> {
  return params.filter(([key]) => key !== 'Action' && key !== 'Version' && !key.startsWith('X-Amz-'));
}
