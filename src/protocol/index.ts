// Public API of the protocol layer: EC2 Query requests in, EC2 XML responses out.
export { ProtocolError } from './protocol-error.js';
export { decodeQuery } from './decode-query.js';
export { encodeResponse, encodeResponseStream } from './encode-response.js';
export { encodeError } from './encode-error.js';
export { escapeXml } from './xml-escape.js';
export { ec2Model, isEc2OperationName } from './ec2-model.js';
export type { Ec2Model, MemberRef, ShapeDef } from './ec2-model.js';
export * from './model/ec2-types.js';
