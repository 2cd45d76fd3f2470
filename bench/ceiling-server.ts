/**
 * The ceiling: a bare Node `http` server that answers every request with a fixed, prebuilt body
 * of the size vpcpeer answers with (one body per Action, set by the harness through
 * POST /_ceiling/responses). It reads the request body and picks the answer by `Action=`, as
 * little as any Query server must do, so its throughput is what this runtime on this machine can
 * do at all for these request and response sizes. Started by the harness on 127.0.0.1 only.
 */
import { createServer } from 'node:http';

const HEADERS = {
  'content-type': 'text/xml;charset=UTF-8',
  server: 'AmazonEC2',
  'x-amzn-requestid': '00000000-0000-4000-8000-000000000000',
};
interface Answer {
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string | number>>;
}
const answer = (text: string): Answer => {
  const body = Buffer.from(text, 'utf8');
  return { body, headers: { ...HEADERS, 'content-length': body.length } };
};
let byAction = new Map<string, Answer>();
let fallback = answer('<?xml version="1.0" encoding="UTF-8"?>\n<Response/>');
const ACTION = /(?:^|&)Action=([A-Za-z]+)/;

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
    if (req.url === '/_ceiling/responses') {
      const map = JSON.parse(body.toString('utf8')) as Record<string, string>;
      byAction = new Map(Object.entries(map).map(([k, v]) => [k, answer(v)]));
      fallback = byAction.values().next().value ?? fallback;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
      return;
    }
    const m = ACTION.exec(body.toString('latin1', 0, Math.min(body.length, 256)));
    const a = (m && byAction.get(m[1] as string)) || fallback;
    res.writeHead(200, a.headers);
    res.end(a.body);
  });
});
server.keepAliveTimeout = 30_000; // as vpcpeer's
server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  const port = typeof a === 'object' && a ? a.port : 0;
  process.stdout.write(`ceiling listening on http://127.0.0.1:${port}\n`);
});
const stop = (): void => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
