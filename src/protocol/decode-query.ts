// Decodes EC2 Query parameters into an operation's input structure, driven by the model.
//
// The wire format is the one botocore's EC2Serializer (and the JS SDK's ec2Query protocol)
// writes: a member's key is its queryName, else its locationName with the first letter
// upper-cased, else the member name; nested structures are joined with dots; lists are always
// flattened as `<Name>.<n>` with a 1-based index and no member name. Older clients and the AWS
// docs spell segments in lower camel case (`vpcPeeringConnectionId.1`), so that is accepted too.
//
// Decoding is two passes. Pass one resolves every key against the model into a tree keyed by
// member name / list index; it rejects unknown keys and bad indexes. Pass two turns the tree
// into values, converting scalars and checking required members. Per-shape lookup tables are
// compiled when the module loads, so a request costs a few Map lookups per key segment.
//
// A key that appears twice (in the query string and the body, or as `VpcId` and `vpcId`) is
// not an error: the last value wins, as with most form decoders.
//
// Every failure is a ProtocolError; nothing here throws anything else for any input (nesting
// is bounded by MAX_DEPTH, list indexes by MAX_LIST_INDEX, the parameter count by MAX_PARAMS).
import { ec2Model, shapeOf, type ShapeDef } from './ec2-model.js';
import type { Ec2OperationName, Ec2Operations } from './model/ec2-types.js';
import { parseTimestamp } from './parse-timestamp.js';
import { ProtocolError } from './protocol-error.js';

const MAX_PARAMS = 10_000;
const MAX_LIST_INDEX = 1000;
// Deeper than any key the model allows (its deepest path has 8 segments); keeps recursion
// shallow even if a recursive shape is ever added.
const MAX_DEPTH = 32;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

interface MemberPlan {
  readonly name: string;
  readonly wire: string;
  readonly shape: string;
}

type Plan =
  | { readonly kind: 'structure'; readonly members: ReadonlyMap<string, MemberPlan>; readonly required: readonly MemberPlan[] }
  | { readonly kind: 'list'; readonly item: string }
  | { readonly kind: 'scalar'; readonly convert: (raw: string, param: string) => unknown };

/** A decoded key path: structure fields by member name, list items by index, or a raw leaf value. */
interface Node {
  readonly plan: Plan;
  /** Canonical wire path (`Filter.2.Value`), for MissingParameter messages. */
  readonly path: string;
  fields?: Map<string, Node>;
  items?: Map<number, Node>;
  raw?: string;
  /** The key exactly as the client sent it, for messages about the value. */
  param?: string;
}

const plans = new Map<string, Plan>();

function planFor(shapeName: string): Plan {
  let plan = plans.get(shapeName);
  if (plan === undefined) {
    plan = compile(shapeOf(shapeName), shapeName);
    plans.set(shapeName, plan);
  }
  return plan;
}

// Enums EC2 matches without regard to case, answering the model's spelling: the EC2 CLI reference's
// create-network-insights-path example sends `--protocol TCP` and is answered `"Protocol": "tcp"`.
const CASE_INSENSITIVE_ENUMS: ReadonlySet<string> = new Set(['Protocol']);

function compile(shape: ShapeDef, name: string): Plan {
  switch (shape.type) {
    case 'structure':
      return compileStructure(shape);
    case 'list':
      if (shape.member === undefined) throw new Error('list shape without member');
      return { kind: 'list', item: shape.member.shape };
    case 'string':
      return { kind: 'scalar', convert: shape.enum ? enumConverter(shape.enum, CASE_INSENSITIVE_ENUMS.has(name)) : (raw) => raw };
    case 'boolean':
      return { kind: 'scalar', convert: toBoolean };
    case 'integer':
      return { kind: 'scalar', convert: integerConverter(shape, INT32_MIN, INT32_MAX) };
    case 'long':
      return { kind: 'scalar', convert: integerConverter(shape, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) };
    case 'double':
      return { kind: 'scalar', convert: toDouble };
    case 'timestamp':
      return { kind: 'scalar', convert: toDate };
    default:
      throw new Error(`unsupported shape type ${shape.type}`);
  }
}

function compileStructure(shape: ShapeDef): Plan {
  const members = new Map<string, MemberPlan>();
  const byName = new Map<string, MemberPlan>();
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const wire = ref.queryName ?? (ref.locationName ? upperFirst(ref.locationName) : name);
    const member = { name, wire, shape: ref.shape };
    byName.set(name, member);
    members.set(wire, member);
    members.set(lowerFirst(wire), member);
  }
  const required = (shape.required ?? []).flatMap((name) => byName.get(name) ?? []);
  return { kind: 'structure', members, required };
}

// Compile every shape now, so a model the codecs cannot handle fails at startup rather than
// surfacing as a non-ProtocolError in the middle of a request.
for (const name of Object.keys(ec2Model.shapes)) planFor(name);

/**
 * Decodes the parameters of one request (already URL-decoded, without Action, Version and
 * X-Amz-*) into the operation's input.
 */
export function decodeQuery<Op extends Ec2OperationName>(
  operation: Op,
  params: ReadonlyArray<readonly [string, string]>,
): Ec2Operations[Op]['input'] {
  if (!Object.hasOwn(ec2Model.operations, operation)) {
    throw new ProtocolError('InvalidAction', `The action ${String(operation)} is not valid for this web service.`);
  }
  if (params.length > MAX_PARAMS) {
    throw new ProtocolError('InvalidParameterValue', `The request has ${params.length} parameters; at most ${MAX_PARAMS} are allowed`);
  }
  const root: Node = { plan: planFor(ec2Model.operations[operation].input), path: '' };
  for (const [key, value] of params) insert(root, key, value);
  // The generated types describe exactly what materialize builds from this model.
  return materialize(root) as Ec2Operations[Op]['input'];
}

function insert(root: Node, key: string, value: string): void {
  let node = root;
  let start = 0;
  // Walk the key segment by segment rather than split() it: a key with a million dots fails
  // at the first segment the model does not allow instead of allocating a million strings.
  for (let depth = 1; ; depth++) {
    if (depth > MAX_DEPTH) throw unknownParameter(key);
    const dot = key.indexOf('.', start);
    const segment = dot === -1 ? key.slice(start) : key.slice(start, dot);
    node = child(node, segment, key);
    if (dot === -1) break;
    start = dot + 1;
  }
  if (node.plan.kind !== 'scalar' && !(node.plan.kind === 'list' && value === '')) {
    // `Filter=x` or `RequesterPeeringConnectionOptions=true`. An empty value for a list is
    // how the generic query protocol writes an empty list, so that one is allowed.
    throw new ProtocolError('InvalidParameterValue', `Invalid value '${show(value)}' for parameter ${show(key)}: expected a ${node.plan.kind}, not a value`);
  }
  node.raw = value;
  node.param = key;
}

function child(node: Node, segment: string, key: string): Node {
  const { plan } = node;
  if (plan.kind === 'structure') {
    const member = plan.members.get(segment);
    if (member === undefined) throw unknownParameter(key);
    node.fields ??= new Map();
    return getOrAdd(node.fields, member.name, () => ({
      plan: planFor(member.shape),
      path: node.path === '' ? member.wire : `${node.path}.${member.wire}`,
    }));
  }
  if (plan.kind === 'list') {
    const index = listIndex(segment, key);
    node.items ??= new Map();
    return getOrAdd(node.items, index, () => ({ plan: planFor(plan.item), path: `${node.path}.${index}` }));
  }
  // A scalar given with sub-keys, e.g. `VpcId.1` where VpcId is a single string.
  throw unknownParameter(key);
}

function getOrAdd<K>(map: Map<K, Node>, key: K, create: () => Node): Node {
  let node = map.get(key);
  if (node === undefined) {
    node = create();
    map.set(key, node);
  }
  return node;
}

function listIndex(segment: string, key: string): number {
  if (!/^[1-9][0-9]*$/.test(segment)) {
    throw new ProtocolError('InvalidParameterValue', `Invalid list index '${show(segment)}' in parameter ${show(key)}: expected a positive integer without leading zeros`);
  }
  // The length test keeps Number() away from hundreds of digits.
  const index = segment.length <= 4 ? Number(segment) : Infinity;
  if (index > MAX_LIST_INDEX) {
    throw new ProtocolError('InvalidParameterValue', `List index ${show(segment)} in parameter ${show(key)} is out of range: indexes go from 1 to ${MAX_LIST_INDEX}`);
  }
  return index;
}

function materialize(node: Node): unknown {
  const { plan } = node;
  switch (plan.kind) {
    case 'scalar':
      return plan.convert(node.raw ?? '', node.param ?? node.path);
    case 'list':
      // Order by index; gaps are simply skipped, and nothing is ever allocated by index.
      return [...(node.items ?? [])].sort((a, b) => a[0] - b[0]).map(([, item]) => materialize(item));
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [name, field] of node.fields ?? []) out[name] = materialize(field);
      for (const member of plan.required) {
        if (out[member.name] === undefined) {
          // A top-level member is named as AWS names it, in lower camel case ("parameter vpcId",
          // as core/errors.ts does); a nested one by its whole wire path (`Filter.2.Value`).
          const wire = node.path === '' ? (member.wire[0]?.toLowerCase() ?? '') + member.wire.slice(1) : `${node.path}.${member.wire}`;
          throw new ProtocolError('MissingParameter', `The request must contain the parameter ${wire}`);
        }
      }
      return out;
    }
  }
}

function lowerCamel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function toBoolean(raw: string, param: string): boolean {
  const lower = raw.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  throw invalidValue(raw, param, 'expected true or false');
}

/** A decimal number, as the Query protocol writes one (no hex, no exponent-only junk, finite). */
function toDouble(raw: string, param: string): number {
  if (!/^[-+]?(?:[0-9]{1,20}(?:\.[0-9]{0,20})?|\.[0-9]{1,20})(?:[eE][-+]?[0-9]{1,3})?$/.test(raw)) throw invalidValue(raw, param, 'expected a number');
  const value = Number(raw);
  if (!Number.isFinite(value)) throw invalidValue(raw, param, 'expected a number');
  return value;
}

function integerConverter(shape: ShapeDef, lowest: number, highest: number): (raw: string, param: string) => number {
  const min = Math.max(shape.min ?? lowest, lowest);
  const max = Math.min(shape.max ?? highest, highest);
  return (raw, param) => {
    // At most 16 digits: enough for any safe integer, and Number() never sees junk like '1e3' or '0x10'.
    if (!/^[-+]?[0-9]{1,16}$/.test(raw)) throw invalidValue(raw, param, 'expected an integer');
    const value = Number(raw);
    if (value < min || value > max) {
      // The model's min/max (e.g. MaxResults 5..1000) are enforced by EC2 itself, in this wording
      // (observed for maxResults, AWS-BEHAVIOUR.md §4.11): spaces inside the parentheses, the
      // parameter in lower camel case, and only the bound that was crossed.
      const name = lowerCamel(param.replace(/\..*$/, ''));
      const expecting = value < min ? `greater than ${min}` : `less than or equal to ${max}`;
      throw new ProtocolError('InvalidParameterValue', `Value ( ${show(raw)} ) for parameter ${show(name)} is invalid. Expecting a value ${expecting}.`);
    }
    return value;
  };
}

function enumConverter(values: readonly string[], anyCase: boolean): (raw: string, param: string) => string {
  const allowed = new Set(values);
  const byLower = new Map(values.map((v) => [v.toLowerCase(), v]));
  // Long enums (ResourceType has ~100 values) would drown the message; list only short ones.
  const hint = values.length <= 20 ? `Valid values are: ${values.join(', ')}.` : 'It is not a supported value.';
  return (raw, param) => {
    if (allowed.has(raw)) return raw;
    const canonical = anyCase ? byLower.get(raw.toLowerCase()) : undefined;
    if (canonical !== undefined) return canonical;
    throw new ProtocolError('InvalidParameterValue', `Value (${show(raw)}) for parameter ${show(param)} is invalid. ${hint}`);
  };
}

function toDate(raw: string, param: string): Date {
  const date = parseTimestamp(raw);
  if (date === undefined) throw invalidValue(raw, param, 'expected an ISO-8601 timestamp or epoch seconds');
  return date;
}

function unknownParameter(key: string): ProtocolError {
  return new ProtocolError('UnknownParameter', `The parameter ${show(key)} is not recognized`);
}

function invalidValue(raw: string, param: string, expected: string): ProtocolError {
  return new ProtocolError('InvalidParameterValue', `Invalid value '${show(raw)}' for parameter ${show(param)}: ${expected}`);
}

/** Client text quoted in a message, cut short so a huge value cannot bloat the error response. */
function show(text: string): string {
  return text.length <= 200 ? text : `${text.slice(0, 200)}...`;
}

function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
