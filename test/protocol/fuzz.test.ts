// Property tests: the decoder is exposed to whatever a client sends, so for arbitrary parameter
// lists it must either decode or throw a ProtocolError - never anything else. And any string we
// encode must come back out of the SDK's XML parser (replaced per xml-escape.ts where XML 1.0
// cannot carry it), never break it.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DescribeTagsCommand } from '@aws-sdk/client-ec2';
import { decodeQuery, EC2_OPERATIONS, encodeResponse, ProtocolError } from '../../src/protocol/index.js';
import { sdkHarness } from './sdk-harness.js';

const segment = fc.oneof(
  fc.constantFrom(
    'Filter', 'filter', 'Name', 'Value', 'VpcId', 'vpcId', 'VpcPeeringConnectionId', 'TagSpecification', 'Tag', 'Key',
    'ResourceType', 'ResourceId', 'MaxResults', 'DryRun', 'RequesterPeeringConnectionOptions', 'AllowDnsResolutionFromRemoteVpc',
    'EnableDnsHostnames', 'VpcEncryptionControl', 'Mode', 'Attribute', 'InstanceTenancy',
    '1', '2', '3', '1000', '1001', '0', '01', '999999', '', '__proto__', 'constructor', 'toString',
  ),
  fc.string({ maxLength: 8, unit: 'binary' }),
);
const key = fc.oneof(fc.array(segment, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.')), fc.string({ unit: 'binary' }));
const value = fc.oneof(
  fc.constantFrom('true', 'FALSE', '5', '-1', '1000', 'abc', '', 'vpc-1', 'default', 'enable', '2147483648'),
  fc.string({ unit: 'binary' }),
);

describe('decodeQuery under arbitrary input', () => {
  it('returns an object or throws a ProtocolError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...EC2_OPERATIONS), fc.array(fc.tuple(key, value), { maxLength: 30 }), (operation, params) => {
        try {
          expect(typeof decodeQuery(operation, params)).toBe('object');
        } catch (error) {
          if (!(error instanceof ProtocolError)) throw error;
          expect(error.httpStatus).toBe(400);
          expect(['UnknownParameter', 'MissingParameter', 'InvalidParameterValue']).toContain(error.code);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('encodeResponse under arbitrary text', () => {
  const h = sdkHarness();
  // What XML 1.0 cannot carry becomes U+FFFD (see xml-escape.ts).
  const carried = (text: string) => text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu, '\uFFFD');
  // The SDK's parser reads whitespace-only text that contains a newline as empty.
  const parsedBySdk = (text: string) => (text.trim() === '' && text.includes('\n') ? '' : text);

  it('always produces XML the SDK parses back to the (replaced) text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (text) => {
        h.respondWith({ statusCode: 200, body: encodeResponse('DescribeTags', { Tags: [{ Key: 'k', Value: text }], NextToken: text }, 'r') });
        const out = await h.client.send(new DescribeTagsCommand({}));
        const expected = parsedBySdk(carried(text));
        expect(out.Tags?.[0]?.Value).toBe(expected);
        expect(out.NextToken).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
