import { createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * An AssumeRole session's secret key and token, derived from its access key id and a key only the
 * server holds (HMAC-SHA256), so the store keeps nothing secret: a copy of the database (a backup,
 * an export, a stolen file) cannot sign as a session. Issue 14: "derive them from a server key
 * kept in a 0600 file (an HMAC of the session id, so nothing secret is stored)".
 */
export class SessionSecrets {
  constructor(private readonly key: Buffer) {}

  private mac(purpose: string, accessKeyId: string, block = 0): Buffer {
    return createHmac('sha256', this.key).update(`${purpose}\u0000${accessKeyId}\u0000${block}`).digest();
  }

  /** 40 characters of base64 without `+/=`, as AWS secret keys look. */
  secretOf(accessKeyId: string): string {
    return this.mac('secret', accessKeyId).toString('base64').replace(/[+/=]/g, 'A').slice(0, 40);
  }

  /** AWS's session-token prefix and 96 derived bytes, as the tokens minted before were shaped. */
  tokenOf(accessKeyId: string): string {
    const bytes = Buffer.concat([0, 1, 2].map((block) => this.mac('token', accessKeyId, block)));
    return 'FQoGZXIvYXdzE' + bytes.toString('base64');
  }
}

/**
 * The server key in `file` (32 random bytes, made on first use, mode 0600 in a 0700 folder if it
 * makes one). Every process that verifies sessions must read the same file: processes on one host
 * share it; several hosts need a copy each.
 */
export function loadServerKey(file: string): Buffer {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // `wx`: two processes starting together do not overwrite each other's key.
    try {
      writeFileSync(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  if (key.length < 16) throw new Error(`${file} does not hold a server key (64 hexadecimal digits); delete it to have one made`);
  return key;
}
