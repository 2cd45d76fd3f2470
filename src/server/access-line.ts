import { hostname } from 'node:os';

/** What an access line says about one API call (the fields of handleAction's answer it uses). */
export interface CallFacts {
  readonly action: string;
  readonly accountId: string;
  readonly region: string;
  readonly accessKeyId?: string;
  readonly resourceIds: readonly string[];
  readonly code: string;
  readonly status: number;
}

/** The line's fields as an object, for pino (error lines carry the error as well). */
export function accessFields(call: CallFacts, ms: number): Record<string, unknown> {
  return {
    action: call.action.slice(0, 100),
    account: call.accountId,
    region: call.region.slice(0, 100),
    ...(call.accessKeyId !== undefined ? { key: call.accessKeyId.slice(0, 128) } : {}),
    ids: call.resourceIds.slice(0, 20),
    code: call.code,
    status: call.status,
    ms: Math.round(ms * 100) / 100,
  };
}

const q = JSON.stringify;

/**
 * The access log's line for one API call, in pino's shape (level 30, time, pid, hostname, the
 * fields of accessFields, msg), so the log reads as one stream. Written as one template: an
 * object built and serialised per call cost ~8% of a describe-by-id's throughput (issue 13 allows
 * logging 5%). Every string a client chose goes through JSON.stringify.
 */
export function accessLineWriter(out: { write(text: string): unknown }): (call: CallFacts, ms: number) => void {
  const head = `{"level":30,"time":`;
  const process_ = `,"pid":${process.pid},"hostname":${q(hostname())},"action":`;
  return (call, ms) => {
    const key = call.accessKeyId !== undefined ? `,"key":${q(call.accessKeyId.slice(0, 128))}` : '';
    const ids = call.resourceIds.length === 0 ? '[]' : q(call.resourceIds.length > 20 ? call.resourceIds.slice(0, 20) : call.resourceIds);
    out.write(
      `${head}${Date.now()}${process_}${q(call.action.slice(0, 100))},"account":${q(call.accountId)},"region":${q(call.region.slice(0, 100))}${key},"ids":${ids},"code":${q(call.code)},"status":${call.status},"ms":${Math.round(ms * 100) / 100},"msg":"api call"}\n`,
    );
  };
}
