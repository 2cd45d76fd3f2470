import { isIP } from 'node:net';

/** Whether an address only this machine can reach: localhost, 127.0.0.0/8, ::1 (and ::ffff:127.x). */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost') return true;
  const v4 = h.startsWith('::ffff:') && isIP(h.slice(7)) === 4 ? h.slice(7) : h;
  if (isIP(v4) === 4) return v4.split('.')[0] === '127';
  if (isIP(h) === 6) return /^(0{0,4}:){7}0{0,3}1$|^::1$/.test(h);
  return false;
}

/**
 * Why the server must not start, or undefined. Open mode trusts whatever access key a request
 * names: on an address other machines can reach, anyone there could act as any account.
 */
export function bindRefusal(host: string, auth: 'open' | 'strict', allowOpenAuth: boolean): string | undefined {
  if (auth === 'strict' || allowOpenAuth || isLoopback(host)) return undefined;
  return (
    `refusing to listen on ${host} with --auth open: signatures are not checked in open mode, so anyone who can reach ` +
    `this address could act as any account (an access key of 12 digits is that account). Use --auth strict ` +
    `--credentials FILE (create keys with \`vpcpeer credentials create --account <id>\`), or pass --allow-open-auth ` +
    `if everyone on this network may act as every account.`
  );
}
