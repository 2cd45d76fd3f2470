import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

// An error code in our source is a string literal shaped like AWS's codes, handed to an error
// constructor or a catalogue table.
const CODE = /['"`]((?:Invalid|Missing|Unknown|Dry|Filter|Malformed|Request|Route|Resource|Dependency|Cidr|Tag|Operation|Vpc|VPCId|Active|Outstanding|Cannot|NoSuch|Internal|Nat|Address|Gateway|Unsupported|Auth|NetworkAcl|Rules|Idempotent|Insufficient)[A-Za-z]*(?:\.[A-Za-z]+)?)['"`]/g;

describe('docs/errors.md lists every error code the server can answer', () => {
  const docs = readFileSync(join(ROOT, 'docs/errors.md'), 'utf8');
  const files = [...sources(join(ROOT, 'src/core')), ...sources(join(ROOT, 'src/api')), ...sources(join(ROOT, 'src/server')), join(ROOT, 'src/protocol/decode-query.ts')];
  const codes = new Set<string>();
  for (const f of files) {
    for (const line of readFileSync(f, 'utf8').split('\n')) {
      if (!/Ec2Error|ProtocolError|stsError|\be\(|encodeError|NotFound|Malformed|\[['"]/.test(line)) continue;
      for (const m of line.matchAll(CODE)) {
        const code = m[1] as string;
        // Wire member names (`VpcEndpointId`) sit in the same tables as codes; codes end in a
        // dotted suffix or are one of AWS's plain codes, which never end in `Id`.
        if (!code.includes('.') && /Id$/.test(code)) continue;
        codes.add(code);
      }
    }
  }

  it('finds the codes (the scan itself works)', () => {
    expect(codes.has('InvalidVpcPeeringConnectionID.NotFound')).toBe(true);
    expect(codes.has('DryRunOperation')).toBe(true);
    expect(codes.size).toBeGreaterThan(30);
  });

  it.each([...codes].sort())('%s is documented', (code) => {
    expect(docs).toContain('`' + code + '`');
  });
});

describe('MissingParameter names the parameter as AWS does', () => {
  it('in lower camel case, a nested member by its wire path, the protocol\'s Version as it is', async () => {
    const { errors } = await import('../../src/core/errors.js');
    expect(errors.missingParameter('RouteTableId').message).toBe('The request must contain the parameter routeTableId');
    expect(errors.missingParameter('VpcId').message).toBe('The request must contain the parameter vpcId');
    expect(errors.missingParameter('Tag.N.Key').message).toBe('The request must contain the parameter Tag.N.Key');
    expect(errors.missingParameter('Version').message).toBe('The request must contain the parameter Version');
    expect(readFileSync(join(ROOT, 'docs/errors.md'), 'utf8')).toContain('the name in lower camel case as AWS writes it (`routeTableId`, `vpcId`)');
  });
});

