import { describe, it, expect } from 'vitest';
import { encodeResponse } from '../../src/protocol/encode-response.js';
import { encodeError } from '../../src/protocol/encode-error.js';
import { escapeXml } from '../../src/protocol/xml-escape.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://ec2.amazonaws.com/doc/2016-11-15/';

describe('encodeResponse', () => {
  it('writes the EC2 envelope, locationName elements and item lists', () => {
    const xml = encodeResponse(
      'CreateVpc',
      {
        Vpc: {
          VpcId: 'vpc-1',
          CidrBlock: '10.0.0.0/16',
          State: 'pending',
          IsDefault: false,
          Tags: [
            { Key: 'Name', Value: 'a' },
            { Key: 'env', Value: 'prod' },
          ],
          CidrBlockAssociationSet: [],
        },
      },
      'req-1',
    );
    expect(xml).toBe(
      `${HEAD}<CreateVpcResponse xmlns="${NS}"><requestId>req-1</requestId><vpc>` +
        // Members come in model order, whatever the order of the object's keys.
        '<cidrBlockAssociationSet/><isDefault>false</isDefault>' +
        '<tagSet><item><key>Name</key><value>a</value></item><item><key>env</key><value>prod</value></item></tagSet>' +
        '<vpcId>vpc-1</vpcId><state>pending</state><cidrBlock>10.0.0.0/16</cidrBlock>' +
        '</vpc></CreateVpcResponse>',
    );
  });

  it('writes timestamps as ISO-8601 UTC with milliseconds, numbers in decimal, and omits undefined members', () => {
    const xml = encodeResponse(
      'DescribeVpcPeeringConnections',
      {
        VpcPeeringConnections: [{ VpcPeeringConnectionId: 'pcx-1', ExpirationTime: new Date(Date.UTC(2026, 11, 4, 16, 46, 43)), Tags: undefined }],
        NextToken: undefined,
      },
      'r',
    );
    expect(xml).toContain(
      '<vpcPeeringConnectionSet><item><expirationTime>2026-12-04T16:46:43.000Z</expirationTime><vpcPeeringConnectionId>pcx-1</vpcPeeringConnectionId></item></vpcPeeringConnectionSet>',
    );
    expect(xml).not.toContain('nextToken');
    expect(xml).not.toContain('tagSet');
    expect(encodeResponse('DescribeAvailabilityZones', { AvailabilityZones: [{ ZoneName: 'us-east-1a', Messages: [] }] }, 'r')).toContain(
      '<availabilityZoneInfo><item><messageSet/><zoneName>us-east-1a</zoneName></item></availabilityZoneInfo>',
    );
  });

  it('writes <return>true</return> for operations without an output shape', () => {
    expect(encodeResponse('DeleteVpc', {}, 'req-2')).toBe(`${HEAD}<DeleteVpcResponse xmlns="${NS}"><requestId>req-2</requestId><return>true</return></DeleteVpcResponse>`);
  });

  it('writes modelled booleans', () => {
    expect(encodeResponse('DeleteVpcPeeringConnection', { Return: true }, 'r')).toContain('<requestId>r</requestId><return>true</return></DeleteVpcPeeringConnectionResponse>');
    expect(encodeResponse('DeleteVpcPeeringConnection', { Return: false }, 'r')).toContain('<return>false</return>');
  });

  it('escapes text and the request id', () => {
    const xml = encodeResponse('DescribeTags', { Tags: [{ Key: 'a<b>&"c\'', Value: 'x\ry' }] }, '<id>');
    expect(xml).toContain('<requestId>&lt;id&gt;</requestId>');
    expect(xml).toContain('<key>a&lt;b&gt;&amp;&quot;c&apos;</key><value>x&#13;y</value>');
  });
});

describe('escapeXml', () => {
  it('returns ordinary text unchanged', () => {
    expect(escapeXml('plain text, tab\tnewline\n, and unicode é 😀 \u2028')).toBe('plain text, tab\tnewline\n, and unicode é 😀 \u2028');
  });

  it('escapes the five markup characters and CR', () => {
    expect(escapeXml(`&<>"'\r`)).toBe('&amp;&lt;&gt;&quot;&apos;&#13;');
  });

  it('replaces characters XML 1.0 cannot carry with U+FFFD', () => {
    expect(escapeXml('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf\uFFFDg');
    expect(escapeXml('\uFFFE\uFFFF')).toBe('\uFFFD\uFFFD');
    // Lone surrogates are replaced; a valid pair is kept.
    expect(escapeXml('x\uD800y\uDC00z\uD83D\uDE00')).toBe('x\uFFFDy\uFFFDz\uD83D\uDE00');
  });
});

describe('encodeError', () => {
  it('writes the EC2 error document', () => {
    expect(encodeError('InvalidVpcID.NotFound', "The vpc ID 'vpc-1' does not exist", 'req-9')).toBe(
      `${HEAD}<Response><Errors><Error><Code>InvalidVpcID.NotFound</Code><Message>The vpc ID &apos;vpc-1&apos; does not exist</Message></Error></Errors><RequestID>req-9</RequestID></Response>`,
    );
  });

  it('escapes every field', () => {
    expect(encodeError('A&B', '<x>\u0001', '"r"')).toContain('<Code>A&amp;B</Code><Message>&lt;x&gt;\uFFFD</Message></Error></Errors><RequestID>&quot;r&quot;</RequestID>');
  });
});
