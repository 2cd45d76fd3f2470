// Encodes an operation's output as an EC2 XML response, driven by the model.
//
// This is the server's hot path, so the model is walked once per shape, not once per call:
// every shape is compiled (once, when the module loads) into a closure that turns a value into the
// XML between its element's tags, with the member tags pre-built as strings. A call is then
// just property reads and string concatenation.
//
// Element names follow the model as the SDKs read them: a member's locationName (else its
// name); a list is the member element wrapping one element per item, named by the list's
// member locationName (`item` in EC2, `member` if absent); empty content is written as a
// self-closing tag (`<tagSet/>`); undefined members are omitted.
import { ec2Model, shapeOf, type ShapeDef } from './ec2-model.js';
import { EC2_OPERATIONS, type Ec2OperationName, type Ec2Operations } from './model/ec2-types.js';
import { escapeXml } from './xml-escape.js';

/** Returns the XML content (not the enclosing tags) for a value of one shape. */
type Encoder = (value: unknown) => string;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
// The model says `.../2016-11-15` but real EC2 responses (and SDK fixtures) end with a slash.
const XML_NAMESPACE = ec2Model.metadata.xmlNamespace.replace(/\/?$/, '/');

const encoders = new Map<string, Encoder>();

function encoderFor(shapeName: string): Encoder {
  let encoder = encoders.get(shapeName);
  if (encoder === undefined) {
    // Register a forwarder before compiling so a recursive shape resolves to itself instead
    // of recursing forever; once compiled, the real encoder replaces it for later lookups.
    let compiled: Encoder = () => {
      throw new Error(`encoder for ${shapeName} called while being compiled`);
    };
    encoders.set(shapeName, (value) => compiled(value));
    compiled = compile(shapeOf(shapeName));
    encoder = compiled;
    encoders.set(shapeName, compiled);
  }
  return encoder;
}

function compile(shape: ShapeDef): Encoder {
  switch (shape.type) {
    case 'structure':
      return compileStructure(shape);
    case 'list': {
      if (shape.member === undefined) throw new Error('list shape without member');
      const item = element(shape.member.locationName ?? 'member', encoderFor(shape.member.shape));
      return (value) => {
        let xml = '';
        for (const entry of value as readonly unknown[]) xml += item(entry);
        return xml;
      };
    }
    case 'boolean':
      return (value) => (value === true ? 'true' : 'false');
    case 'timestamp':
      // ISO-8601 UTC with milliseconds, as EC2 writes them: 2026-12-04T16:46:43.000Z.
      return (value) => (value instanceof Date ? value.toISOString() : escapeXml(String(value)));
    case 'string':
    case 'integer':
    case 'long':
    case 'double':
      return (value) => (typeof value === 'number' ? String(value) : escapeXml(String(value)));
    default:
      throw new Error(`unsupported shape type ${shape.type}`);
  }
}

/** Wraps an encoder's content in `<tag>…</tag>`, or `<tag/>` when there is none. */
function element(tag: string, encode: Encoder): Encoder {
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  const empty = `<${tag}/>`;
  return (value) => {
    const content = encode(value);
    return content === '' ? empty : open + content + close;
  };
}

function compileStructure(shape: ShapeDef): Encoder {
  const fields = Object.entries(shape.members ?? {}).map(([name, ref]) => ({
    name,
    encode: element(ref.locationName ?? name, encoderFor(ref.shape)),
  }));
  return (value) => {
    const record = value as Readonly<Record<string, unknown>>;
    let xml = '';
    for (const field of fields) {
      const member = record[field.name];
      if (member !== undefined && member !== null) xml += field.encode(member);
    }
    return xml;
  };
}

/** Writes a whole response document for one operation, given the request id. */
type ResponseWriter = (output: unknown, requestId: string) => string;

function compileWriter(operation: Ec2OperationName): ResponseWriter {
  const outputShape = ec2Model.operations[operation].output;
  // Operations without an output shape (DeleteVpc, CreateTags, ...) answer `<return>true</return>`, as EC2 does.
  const body: Encoder = outputShape === undefined ? () => '<return>true</return>' : encoderFor(outputShape);
  const head = `${XML_DECLARATION}<${operation}Response xmlns="${XML_NAMESPACE}"><requestId>`;
  const tail = `</${operation}Response>`;
  return (output, requestId) => `${head}${escapeXml(requestId)}</requestId>${body(output)}${tail}`;
}

// Compiled for every operation at load: a model problem fails at startup, and no request pays for compiling.
const writers = new Map(EC2_OPERATIONS.map((operation) => [operation, compileWriter(operation)]));

/** Encodes `output` as the XML body of a successful `operation` response. */
export function encodeResponse<Op extends Ec2OperationName>(
  operation: Op,
  output: Ec2Operations[Op]['output'],
  requestId: string,
): string {
  const writer = writers.get(operation);
  if (writer === undefined) throw new Error(`unknown EC2 operation ${String(operation)}`);
  return writer(output, requestId);
}

/**
 * Encodes a response whose one big list arrives in chunks, as a stream of XML text: the document
 * never exists whole in memory, so a Describe of 100k items costs memory for one chunk at a time.
 * `output` holds the other members (a NextToken, say); `listMember` names the list.
 */
export async function* encodeResponseStream<Op extends Ec2OperationName>(
  operation: Op,
  output: Ec2Operations[Op]['output'],
  listMember: string,
  chunks: AsyncIterable<readonly unknown[]>,
  requestId: string,
): AsyncGenerator<string> {
  const outputShape = ec2Model.operations[operation].output;
  const ref = outputShape === undefined ? undefined : shapeOf(outputShape).members?.[listMember];
  const listShape = ref === undefined ? undefined : shapeOf(ref.shape);
  if (outputShape === undefined || ref === undefined || listShape?.member === undefined) {
    throw new Error(`${String(operation)} has no list member ${listMember}`);
  }
  const listTag = ref.locationName ?? listMember;
  const item = element(listShape.member.locationName ?? 'member', encoderFor(listShape.member.shape));
  const rest = encoderFor(outputShape);
  yield `${XML_DECLARATION}<${operation}Response xmlns="${XML_NAMESPACE}"><requestId>${escapeXml(requestId)}</requestId><${listTag}>`;
  for await (const chunk of chunks) {
    let xml = '';
    for (const entry of chunk) xml += item(entry);
    if (xml !== '') yield xml;
  }
  yield `</${listTag}>${rest({ ...(output as object), [listMember]: undefined })}</${operation}Response>`;
}
