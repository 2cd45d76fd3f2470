import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { PreparedRequest, Reply } from './types.js';

const ITEM = Buffer.from('<vpcPeeringConnectionId>');
/** Errors meaning the connection went away before an answer: reconnect and send again. */
const RECONNECTABLE = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'EPIPE', 'UND_ERR_CLOSED', 'ECONNREFUSED']);
const MAX_ATTEMPTS = 4;

export interface SendOptions {
  /** Keep the whole body (for parsing ids); otherwise only bytes and items are counted. */
  readonly keepBody?: boolean;
  /** Called with each body chunk (streaming answers); nothing is kept. */
  readonly onData?: (chunk: Buffer) => void;
  /** Called once when the status line and headers arrive. */
  readonly onHeaders?: () => void;
}

/** Counts a needle across chunk boundaries without keeping the chunks. */
class NeedleCounter {
  count = 0;
  private tail: Buffer | undefined;
  push(chunk: Buffer): void {
    const data = this.tail ? Buffer.concat([this.tail, chunk]) : chunk;
    let at = data.indexOf(ITEM);
    while (at >= 0) {
      this.count++;
      at = data.indexOf(ITEM, at + ITEM.length);
    }
    this.tail = data.length >= ITEM.length ? data.subarray(data.length - ITEM.length + 1) : data;
  }
}

/**
 * The load generator's HTTP client: one undici Pool per target (one connection per concurrent
 * client), driven through `dispatch` with a minimal handler so the client costs as little CPU
 * as possible. When a server closes connections (moto answers every request with
 * `Connection: close`) undici opens a new one for the next request; a request that finds its
 * connection already gone is sent again on a fresh one and counted in `reconnects`.
 */
export class LoadClient {
  private readonly pool: Pool;
  private readonly origin: string;
  /** Sends retried on a fresh connection after the old one went away. */
  reconnects = 0;
  /** Connections opened (with `Connection: close`, one per request). */
  connects = 0;
  /** When set, every answer's body is kept and handed here (to capture answers for the ceiling). */
  onReply: ((req: PreparedRequest, body: Buffer) => void) | undefined;

  constructor(url: string, connections: number) {
    this.origin = new URL(url).origin;
    this.pool = new Pool(this.origin, {
      connections,
      pipelining: 1,
      keepAliveTimeout: 20_000,
      headersTimeout: 600_000,
      bodyTimeout: 600_000,
    });
    this.pool.on('connect', () => this.connects++);
  }

  async send(req: PreparedRequest, options: SendOptions = {}): Promise<Reply> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (!this.onReply) return await this.once(req, options);
        const reply = await this.once(req, { ...options, keepBody: true });
        this.onReply(req, reply.body as Buffer);
        return reply;
      } catch (err) {
        const code = (err as { code?: string }).code;
        const started = (err as { responseStarted?: boolean }).responseStarted === true;
        if (started || attempt >= MAX_ATTEMPTS || code === undefined || !RECONNECTABLE.has(code)) throw err;
        this.reconnects++;
      }
    }
  }

  private once(req: PreparedRequest, options: SendOptions): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      let status = 0;
      let bytes = 0;
      let responseStarted = false;
      const chunks: Buffer[] | undefined = options.keepBody ? [] : undefined;
      const counter = new NeedleCounter();
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart() {},
        onResponseStart(_controller, statusCode) {
          status = statusCode;
          responseStarted = true;
          options.onHeaders?.();
        },
        onResponseData(_controller, chunk) {
          bytes += chunk.length;
          if (options.onData) options.onData(chunk);
          else if (chunks) chunks.push(chunk);
          counter.push(chunk);
        },
        onResponseEnd() {
          resolve({ status, bytes, items: counter.count, ...(chunks ? { body: Buffer.concat(chunks) } : {}) });
        },
        onResponseError(_controller, err) {
          (err as { responseStarted?: boolean }).responseStarted = responseStarted;
          reject(err);
        },
      };
      this.pool.dispatch({ origin: this.origin, path: '/', method: 'POST', headers: req.headers, body: req.body }, handler);
    });
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
