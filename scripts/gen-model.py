#!/usr/bin/env python3
"""Generate the EC2 model slice and its TypeScript types from botocore's EC2 service model.

The protocol layer (src/protocol) decodes EC2 Query requests and encodes XML responses
generically from the AWS API model, the way botocore and LocalStack do. Shipping the whole
EC2 model (megabytes, thousands of shapes) would be wasteful, so this script keeps only the
operations we serve and the shapes they reach, without documentation.

Usage:
    python3 scripts/gen-model.py           # (re)write src/protocol/model/*
    python3 scripts/gen-model.py --check   # exit 1 if the files on disk are stale

Only the Python standard library is used; botocore is read as data, not imported for logic.
"""

import gzip
import json
import os
import sys

OPERATIONS = [
    'CreateVpc', 'DescribeVpcs', 'DeleteVpc', 'AssociateVpcCidrBlock', 'DisassociateVpcCidrBlock',
    'ModifyVpcAttribute', 'DescribeVpcAttribute',
    'CreateSubnet', 'DescribeSubnets', 'DeleteSubnet',
    'CreateRouteTable', 'DescribeRouteTables', 'DeleteRouteTable', 'AssociateRouteTable',
    'DisassociateRouteTable', 'ReplaceRouteTableAssociation',
    'CreateRoute', 'ReplaceRoute', 'DeleteRoute',
    'CreateVpcPeeringConnection', 'AcceptVpcPeeringConnection', 'RejectVpcPeeringConnection',
    'DeleteVpcPeeringConnection', 'DescribeVpcPeeringConnections', 'ModifyVpcPeeringConnectionOptions',
    'CreateTags', 'DeleteTags', 'DescribeTags',
    'DescribeRegions', 'DescribeAvailabilityZones', 'DescribeAccountAttributes',
    'DescribeSecurityGroups', 'DescribeNetworkAcls', 'DescribeNetworkInterfaces',
    'DescribeInternetGateways', 'DescribeDhcpOptions',
    # The VPC surface around a peering that real configurations build (issue: real clients).
    'CreateInternetGateway', 'AttachInternetGateway', 'DetachInternetGateway', 'DeleteInternetGateway',
    'CreateEgressOnlyInternetGateway', 'DeleteEgressOnlyInternetGateway', 'DescribeEgressOnlyInternetGateways',
    'AllocateAddress', 'ReleaseAddress', 'DescribeAddresses', 'AssociateAddress', 'DisassociateAddress',
    'DescribeAddressesAttribute',
    'CreateNatGateway', 'DeleteNatGateway', 'DescribeNatGateways',
    'CreateDhcpOptions', 'AssociateDhcpOptions', 'DeleteDhcpOptions',
    'ModifySubnetAttribute', 'AssociateSubnetCidrBlock', 'DisassociateSubnetCidrBlock',
    'CreateSecurityGroup', 'DeleteSecurityGroup', 'AuthorizeSecurityGroupIngress', 'AuthorizeSecurityGroupEgress',
    'RevokeSecurityGroupIngress', 'RevokeSecurityGroupEgress', 'DescribeSecurityGroupRules',
    'CreateNetworkAcl', 'DeleteNetworkAcl', 'CreateNetworkAclEntry', 'DeleteNetworkAclEntry',
    'ReplaceNetworkAclEntry', 'ReplaceNetworkAclAssociation',
    'DescribeImages',
    # Reachability (issue 11): interfaces, instances, security-group references, Network Insights.
    'CreateNetworkInterface', 'DeleteNetworkInterface', 'ModifyNetworkInterfaceAttribute',
    'DescribeNetworkInterfaceAttribute', 'AttachNetworkInterface', 'DetachNetworkInterface',
    'AssignPrivateIpAddresses', 'UnassignPrivateIpAddresses', 'AssignIpv6Addresses', 'UnassignIpv6Addresses',
    'RunInstances', 'DescribeInstances', 'StopInstances', 'StartInstances', 'TerminateInstances',
    'RebootInstances', 'DescribeInstanceStatus', 'DescribeInstanceAttribute', 'ModifyInstanceAttribute',
    'DescribeInstanceCreditSpecifications', 'DescribeVolumes',
    'ModifyInstanceMetadataOptions', 'DescribeKeyPairs', 'DescribeInstanceTypes',
    'ModifySecurityGroupRules', 'DescribeSecurityGroupReferences', 'DescribeStaleSecurityGroups',
    'UpdateSecurityGroupRuleDescriptionsIngress', 'UpdateSecurityGroupRuleDescriptionsEgress',
    'CreateNetworkInsightsPath', 'DescribeNetworkInsightsPaths', 'DeleteNetworkInsightsPath',
    'StartNetworkInsightsAnalysis', 'DescribeNetworkInsightsAnalyses', 'DeleteNetworkInsightsAnalysis',
    # Retired EC2-Classic calls: served only to answer UnsupportedOperation as AWS does.
    'DescribeVpcClassicLink', 'DescribeVpcClassicLinkDnsSupport', 'EnableVpcClassicLink',
    'DisableVpcClassicLink', 'EnableVpcClassicLinkDnsSupport', 'DisableVpcClassicLinkDnsSupport',
]

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT_DIR = os.path.join(ROOT, 'src', 'protocol', 'model')
SLICE_PATH = os.path.join(OUT_DIR, 'ec2-slice.json')
TYPES_PATH = os.path.join(OUT_DIR, 'ec2-types.ts')

# What survives from the model: everything the wire format depends on, nothing descriptive.
METADATA_KEYS = ('apiVersion', 'protocol', 'xmlNamespace', 'targetPrefix')
SHAPE_KEYS = ('type', 'required', 'enum', 'min', 'max', 'timestampFormat', 'flattened')
MEMBER_KEYS = ('shape', 'locationName', 'queryName', 'flattened', 'timestampFormat', 'idempotencyToken')
SUPPORTED_TYPES = {'structure', 'list', 'string', 'boolean', 'integer', 'long', 'double', 'timestamp'}
# Shape names that would shadow TypeScript built-ins used by the generated file.
RESERVED_TS_NAMES = {'Date', 'Record', 'Readonly', 'Array', 'ReadonlyArray', 'Uint8Array'}


def load_model():
    import botocore  # only to locate the data file

    path = os.path.join(os.path.dirname(botocore.__file__), 'data', 'ec2', '2016-11-15', 'service-2.json.gz')
    with gzip.open(path, 'rt', encoding='utf-8') as f:
        return json.load(f)


def pick(source, keys):
    return {k: source[k] for k in keys if k in source}


def referenced_shapes(shape):
    refs = [m['shape'] for m in shape.get('members', {}).values()]
    for key in ('member', 'key', 'value'):
        if key in shape:
            refs.append(shape[key]['shape'])
    return refs


def build_slice(model):
    shapes = model['shapes']
    operations = {}
    wanted = []
    for name in OPERATIONS:
        op = model['operations'][name]
        entry = {'input': op['input']['shape']}
        wanted.append(op['input']['shape'])
        if 'output' in op:
            entry['output'] = op['output']['shape']
            wanted.append(op['output']['shape'])
        operations[name] = entry

    kept = {}
    while wanted:
        name = wanted.pop()
        if name in kept:
            continue
        shape = shapes[name]
        if shape['type'] == 'blob':
            # On the Query wire a blob is its base64 text (UserData); handlers decode it themselves.
            shape = {**shape, 'type': 'string'}
        if shape['type'] == 'float':
            # One decimal kind is enough for the codecs (DescribeInstanceTypes' clock and GPU figures).
            shape = {**shape, 'type': 'double'}
        if shape['type'] not in SUPPORTED_TYPES:
            # The TypeScript codecs only implement these types; fail loudly rather than emit a slice they mis-handle.
            raise SystemExit(f'shape {name} has unsupported type {shape["type"]}')
        slim = pick(shape, SHAPE_KEYS)
        if 'members' in shape:
            slim['members'] = {m: pick(ref, MEMBER_KEYS) for m, ref in shape['members'].items()}
        if 'member' in shape:
            slim['member'] = pick(shape['member'], MEMBER_KEYS)
        kept[name] = slim
        wanted.extend(referenced_shapes(shape))

    check_wire_names(kept)
    return {
        'metadata': pick(model['metadata'], METADATA_KEYS),
        'operations': operations,
        'shapes': dict(sorted(kept.items())),
    }


def wire_name(member_name, ref):
    """The EC2 query key of a member, exactly as botocore's EC2Serializer computes it."""
    if 'queryName' in ref:
        return ref['queryName']
    if 'locationName' in ref:
        return ref['locationName'][0].upper() + ref['locationName'][1:]
    return member_name


def check_wire_names(shapes):
    # The decoder also accepts the lower-camel spelling of every key segment; make sure no two
    # members of one structure become ambiguous under that folding.
    for name, shape in shapes.items():
        seen = {}
        for member, ref in shape.get('members', {}).items():
            wire = wire_name(member, ref)
            for spelling in {wire, wire[0].lower() + wire[1:]}:
                if spelling in seen and seen[spelling] != member:
                    raise SystemExit(f'{name}: members {seen[spelling]} and {member} share wire name {spelling}')
                seen[spelling] = member
        if name in RESERVED_TS_NAMES and (shape['type'] == 'structure' or 'enum' in shape):
            raise SystemExit(f'shape name {name} would shadow a TypeScript built-in')


def render_slice(slice_):
    """Compact JSON, one operation or shape per line so diffs stay readable."""

    def block(entries):
        lines = [f'    {json.dumps(k)}: {json.dumps(v, separators=(",", ":"))}' for k, v in entries.items()]
        return '{\n' + ',\n'.join(lines) + '\n  }'

    return (
        '{\n'
        f'  "metadata": {json.dumps(slice_["metadata"], separators=(",", ":"))},\n'
        f'  "operations": {block(slice_["operations"])},\n'
        f'  "shapes": {block(slice_["shapes"])}\n'
        '}\n'
    )


def ts_type(shapes, name):
    shape = shapes[name]
    kind = shape['type']
    if kind == 'structure' or (kind == 'string' and 'enum' in shape):
        return name
    if kind == 'list':
        inner = ts_type(shapes, shape['member']['shape'])
        return f'readonly ({inner})[]' if inner.startswith('readonly') else f'readonly {inner}[]'
    return {'string': 'string', 'boolean': 'boolean', 'integer': 'number', 'long': 'number', 'double': 'number', 'timestamp': 'Date'}[kind]


def render_types(slice_):
    shapes = slice_['shapes']
    out = [
        '// Generated by scripts/gen-model.py from the botocore EC2 model. Do not edit.',
        '// Regenerate with `npm run gen:model`.',
        '',
    ]
    for name, shape in shapes.items():
        if shape['type'] == 'string' and 'enum' in shape:
            out.append(f'export type {name} = ' + ' | '.join(json.dumps(v) for v in shape['enum']) + ';')
            out.append('')
        elif shape['type'] == 'structure':
            required = set(shape.get('required', []))
            members = shape.get('members', {})
            if not members:
                out.append(f'export type {name} = Record<string, never>;')
                out.append('')
                continue
            out.append(f'export interface {name} {{')
            for member, ref in members.items():
                optional = '' if member in required else '?'
                out.append(f'  readonly {member}{optional}: {ts_type(shapes, ref["shape"])};')
            out.append('}')
            out.append('')

    out.append('/** Input and output type of every operation the server implements. */')
    out.append('export interface Ec2Operations {')
    for op, io in slice_['operations'].items():
        output = io.get('output', None) or 'Record<string, never>'
        out.append(f'  readonly {op}: {{ readonly input: {io["input"]}; readonly output: {output} }};')
    out.append('}')
    out.append('')
    out.append('export type Ec2OperationName = keyof Ec2Operations;')
    out.append('')
    out.append('export const EC2_OPERATIONS: readonly Ec2OperationName[] = [')
    for op in slice_['operations']:
        out.append(f'  {json.dumps(op)},')
    out.append('];')
    return '\n'.join(out) + '\n'


def main(argv):
    check = '--check' in argv[1:]
    unknown = [a for a in argv[1:] if a != '--check']
    if unknown:
        raise SystemExit(f'usage: gen-model.py [--check] (unknown: {" ".join(unknown)})')
    slice_ = build_slice(load_model())
    files = {SLICE_PATH: render_slice(slice_), TYPES_PATH: render_types(slice_)}
    stale = []
    for path, text in files.items():
        try:
            with open(path, encoding='utf-8') as f:
                current = f.read()
        except FileNotFoundError:
            current = None
        if current == text:
            continue
        stale.append(os.path.relpath(path, ROOT))
        if not check:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, 'w', encoding='utf-8', newline='\n') as f:
                f.write(text)
    if check and stale:
        print('stale generated files (run `npm run gen:model`): ' + ', '.join(stale), file=sys.stderr)
        return 1
    if not check:
        print(f'wrote {len(slice_["operations"])} operations, {len(slice_["shapes"])} shapes'
              + (f' ({", ".join(stale)} changed)' if stale else ' (unchanged)'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
