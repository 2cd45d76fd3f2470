import { randomBytes } from 'node:crypto';

/**
 * Temporary credentials (STS AssumeRole) carry their account inside the access key id, the way
 * LocalStack's structured keys do: `ASIA` + base32 of 10 bytes, the first 6 of which are the
 * account id as a 48-bit integer, the last 4 random. Any server can map such a key to its account
 * without a lookup; verifying the secret (strict mode) still needs the stored session.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Uint8Array | undefined {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return undefined;
    value = ((value << 5) | v) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

export function mintSessionAccessKeyId(accountId: string): string {
  const bytes = new Uint8Array(10);
  let n = BigInt(accountId);
  for (let i = 5; i >= 0; i--) {
    bytes[i] = Number(n & 0xffn);
    n >>= 8n;
  }
  bytes.set(randomBytes(4), 6);
  return 'ASIA' + base32(bytes);
}

/** The account a session key was minted for, or undefined when the key is not one of ours. */
export function accountOfSessionKey(accessKeyId: string): string | undefined {
  if (!/^ASIA[A-Z2-7]{16}$/.test(accessKeyId)) return undefined;
  const bytes = unbase32(accessKeyId.slice(4));
  if (!bytes || bytes.length < 6) return undefined;
  let n = 0n;
  for (let i = 0; i < 6; i++) n = (n << 8n) | BigInt(bytes[i] as number);
  return n < 10n ** 12n ? n.toString().padStart(12, '0') : undefined;
}

export function mintSecret(): string {
  return randomBytes(30).toString('base64').replace(/[+/=]/g, 'A').slice(0, 40);
}
