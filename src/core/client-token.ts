import { errors } from './errors.js';

// ClientToken (CreateNatGateway, CreateNetworkInterface, RunInstances): "Constraint: Maximum 64
// ASCII characters" (EC2 model; "Ensuring idempotency" in the EC2 API reference).
const MAX_CLIENT_TOKEN = 64;

/** Refuses a ClientToken AWS would refuse: longer than 64 characters, or not ASCII. */
export function checkClientToken(token: string | undefined): void {
  if (token === undefined) return;
  if (token.length > MAX_CLIENT_TOKEN || !/^[\x00-\x7f]*$/.test(token)) {
    throw errors.invalidValueFor('clientToken', token, `It must be at most ${MAX_CLIENT_TOKEN} ASCII characters.`);
  }
}
