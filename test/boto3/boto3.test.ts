// boto3 against a real vpcpeer server. test/boto3/lifecycle.py drives the server with boto3 and
// prints what botocore parsed, raised, waited for and paginated; this file asserts those facts
// against AWS-BEHAVIOUR.md (§2 lifecycle, §3 rules, §4 API, §7 botocore waiters).
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../support/start-server.js';
import { startServer } from '../support/start-server.js';
import { toolAvailable } from '../support/require-tool.js';

const ok = toolAvailable('python3 with boto3', ['python3', '-c', 'import boto3']);
const SCRIPT = resolve(import.meta.dirname, 'lifecycle.py');

interface Timestamp {
  readonly type: string;
  readonly iso: string;
  readonly aware: boolean;
  readonly epoch: number | null;
}

interface Side {
  readonly keys: string[];
  readonly OwnerId?: string;
  readonly VpcId?: string;
  readonly Region?: string;
  readonly CidrBlock?: string | null;
  readonly CidrBlockSet?: string[] | null;
  readonly PeeringOptions?: Record<string, boolean> | null;
}

interface Peering {
  readonly keys: string[];
  readonly id: string;
  readonly code: string;
  readonly message: string;
  readonly expiration: Timestamp | null;
  readonly hasExpiration: boolean;
  readonly tags: Record<string, string>;
  readonly tagsPresent: boolean;
  readonly requester: Side;
  readonly accepter: Side;
  readonly requestId?: string;
  readonly http?: number;
  readonly secondsToExpiry?: number | null;
}

interface DescribeOne {
  readonly count: number;
  readonly requestId: string;
  readonly http: number;
  readonly item?: Peering;
  readonly secondsToExpiry?: number | null;
}

/** A call that was meant to fail: the ClientError facts, or `noError` when it succeeded. */
interface CallError {
  readonly class?: string;
  readonly code?: string;
  readonly message?: string;
  readonly http?: number;
  readonly requestId?: string;
  readonly noError?: boolean;
}

interface WaiterRun {
  readonly name: string;
  readonly outcome: 'success' | 'WaiterError';
  readonly reason?: string;
  readonly lastErrorCode?: string | null;
  readonly calls: number;
  readonly seconds: number;
  readonly maxAttempts: number;
}

interface Route {
  readonly State?: string;
  readonly Origin?: string;
  readonly VpcPeeringConnectionId?: string;
  readonly GatewayId?: string | null;
}

interface Lifecycle {
  readonly vpcA: string;
  readonly vpcB: string;
  readonly rtbA: string;
  readonly create: Peering;
  readonly existsWaiter: WaiterRun;
  readonly pending: DescribeOne;
  readonly createRoute: { readonly Return: boolean; readonly http: number };
  readonly routeWhilePending: Route | null;
  readonly accept: Peering;
  readonly active: DescribeOne;
  readonly routeWhileActive: Route | null;
  readonly routeBWhileActive: Route | null;
  readonly delete: { readonly Return: boolean; readonly http: number };
  readonly deletedWaiter: WaiterRun;
  readonly afterDelete: DescribeOne;
  readonly routeAfterDelete: Route | null;
  readonly routeBAfterDelete: Route | null;
  readonly secondDelete: CallError;
  readonly acceptDeleted: CallError;
}

interface UnknownId {
  readonly id: string;
  readonly describe: CallError;
  readonly accept: CallError;
  readonly existsWaiter: WaiterRun;
  readonly deletedWaiter: WaiterRun;
  readonly dryRunCreate: CallError;
  readonly dryRunDescribe: CallError;
  readonly afterDryRunCount: number;
}

interface CrossAccount {
  readonly id: string;
  readonly vpcA: string;
  readonly vpcB: string;
  readonly create: Peering;
  readonly requesterPending: DescribeOne;
  readonly accepterPending: DescribeOne;
  readonly strangerDescribe: CallError;
  readonly requesterAccept: CallError;
  readonly requesterReject: CallError;
  readonly strangerAccept: CallError;
  readonly accept: Peering;
  readonly requesterActive: DescribeOne;
  readonly accepterActive: DescribeOne;
  readonly requesterFilterOwnName: string[];
  readonly requesterFilterOtherName: string[];
  readonly accepterDelete: CallError;
  readonly requesterAfterDelete: DescribeOne;
}

interface CrossRegion {
  readonly id: string;
  readonly vpcEast: string;
  readonly vpcWest: string;
  readonly create: Peering;
  readonly eastPending: DescribeOne;
  readonly westPending: DescribeOne;
  readonly euDescribe: CallError;
  readonly acceptInRequesterRegion: CallError;
  readonly accept: Peering;
  readonly eastActive: DescribeOne;
  readonly westActive: DescribeOne;
  readonly deletedWaiterWest: WaiterRun;
  readonly eastAfterDelete: DescribeOne;
  readonly westAfterDelete: DescribeOne;
}

interface Paginator {
  readonly created: string[];
  readonly pages: string[][];
  readonly nextTokens: Array<string | null>;
  readonly unpaged: string[];
  readonly fullResult: string[];
}

interface Sts {
  readonly Account: string;
  readonly Arn: string;
  readonly UserId: string;
  readonly requestId: string;
  readonly http: number;
  readonly otherAccount: string;
}

interface Failure {
  readonly error: string;
  readonly traceback: string;
}

interface Observations {
  readonly boto3: string;
  readonly botocore: string;
  readonly seconds: Record<string, number>;
  readonly same_account_lifecycle: Lifecycle | Failure;
  readonly unknown_id: UnknownId | Failure;
  readonly cross_account: CrossAccount | Failure;
  readonly cross_region: CrossRegion | Failure;
  readonly paginator: Paginator | Failure;
  readonly sts: Sts | Failure;
}

type ScenarioName = Exclude<keyof Observations, 'boto3' | 'botocore' | 'seconds'>;

function runScript(url: string): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    execFile('python3', [SCRIPT, url], { timeout: 50_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) fail(new Error(`lifecycle.py failed: ${err.message}\nstderr:\n${stderr}\nstdout:\n${stdout}`));
      else done({ stdout, stderr });
    });
  });
}

const ISO_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?\+00:00$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PCX = /^pcx-[0-9a-f]{17}$/;
const SEVEN_DAYS = 7 * 24 * 3600;

/** Status codes AWS documents as the immediate answer of Accept (§2.2): provisioning, or active. */
const ACCEPT_ANSWER: Record<string, string> = { provisioning: 'Provisioning', active: 'Active' };

describe.skipIf(!ok)('boto3 against vpcpeer', () => {
  let server: RunningServer;
  let doc: Observations;
  let started = 0;

  beforeAll(async () => {
    server = await startServer({ inMemory: true });
    started = Date.now();
    const { stdout } = await runScript(server.url);
    doc = JSON.parse(stdout) as Observations;
  }, 60_000);

  afterAll(async () => {
    await server?.stop();
  });

  /** A scenario's observations; fails with the Python traceback when the scenario raised. */
  function scenario<K extends ScenarioName>(name: K): Exclude<Observations[K], Failure> {
    const s = doc[name];
    if ('error' in s && 'traceback' in s) throw new Error(`scenario ${name} raised in Python: ${s.error}\n${s.traceback}`);
    return s as Exclude<Observations[K], Failure>;
  }

  /** The single item of a Describe by id. */
  function item(d: DescribeOne): Peering {
    expect(d.http).toBe(200);
    expect(d.count).toBe(1);
    if (!d.item) throw new Error('describe returned no item');
    return d.item;
  }

  it('runs with the expected boto3 and finishes in time', () => {
    expect(doc.botocore).toMatch(/^1\.\d+\.\d+$/);
    expect(Date.now() - started).toBeLessThan(50_000);
  });

  describe('same account, same region', () => {
    it('Create answers initiating-request with ExpirationTime (a datetime, +7 days) and the requested tags', () => {
      const s = scenario('same_account_lifecycle');
      const c = s.create;
      expect(c.id).toMatch(PCX);
      expect(c.http).toBe(200);
      expect(c.requestId).toMatch(UUID);
      expect(c.code).toBe('initiating-request');
      expect(c.message).toBe('Initiating Request to 111111111111');
      expect(c.expiration?.type).toBe('datetime');
      expect(c.expiration?.aware).toBe(true);
      expect(c.expiration?.iso).toMatch(ISO_MS);
      expect(Math.abs((c.secondsToExpiry ?? 0) - SEVEN_DAYS)).toBeLessThan(120);
      expect(c.tags).toEqual({ Name: 'a-to-b' });
      expect(c.requester).toMatchObject({ OwnerId: '111111111111', VpcId: s.vpcA, Region: 'us-east-1', CidrBlock: '10.0.0.0/16', CidrBlockSet: ['10.0.0.0/16'] });
      expect(c.requester.PeeringOptions).toEqual({
        AllowDnsResolutionFromRemoteVpc: false,
        AllowEgressFromLocalClassicLinkToRemoteVpc: false,
        AllowEgressFromLocalVpcToRemoteClassicLink: false,
      });
      // Accepter CIDR and options are hidden until acceptance (§4.1).
      expect(c.accepter.keys).toEqual(['OwnerId', 'Region', 'VpcId']);
      expect(c.accepter).toMatchObject({ OwnerId: '111111111111', VpcId: s.vpcB, Region: 'us-east-1' });
    });

    it('the vpc_peering_connection_exists waiter succeeds on the first attempt', () => {
      const w = scenario('same_account_lifecycle').existsWaiter;
      expect(w.outcome).toBe('success');
      expect(w.calls).toBe(1);
    });

    it('Describe shows pending-acceptance with ExpirationTime and without the accepter CIDR', () => {
      const s = scenario('same_account_lifecycle');
      const p = item(s.pending);
      expect(s.pending.requestId).toMatch(UUID);
      expect(p.id).toBe(s.create.id);
      expect(p.code).toBe('pending-acceptance');
      expect(p.message).toBe('Pending Acceptance by 111111111111');
      expect(p.hasExpiration).toBe(true);
      expect(p.expiration?.type).toBe('datetime');
      expect(p.expiration?.epoch).toBe(s.create.expiration?.epoch);
      expect(Math.abs((s.pending.secondsToExpiry ?? 0) - SEVEN_DAYS)).toBeLessThan(120);
      expect(p.accepter.keys).toEqual(['OwnerId', 'Region', 'VpcId']);
      expect(p.tags).toEqual({ Name: 'a-to-b' });
    });

    it('a route to the pending connection is accepted and is a blackhole', () => {
      const s = scenario('same_account_lifecycle');
      expect(s.createRoute).toEqual({ Return: true, http: 200 });
      expect(s.routeWhilePending).toEqual({ State: 'blackhole', Origin: 'CreateRoute', VpcPeeringConnectionId: s.create.id, GatewayId: null });
    });

    it('Accept answers provisioning (or active), without ExpirationTime, with the accepter CIDR', () => {
      const s = scenario('same_account_lifecycle');
      const a = s.accept;
      expect(a.id).toBe(s.create.id);
      expect(Object.keys(ACCEPT_ANSWER)).toContain(a.code);
      expect(a.message).toBe(ACCEPT_ANSWER[a.code]);
      expect(a.hasExpiration).toBe(false);
      expect(a.accepter.CidrBlock).toBe('10.1.0.0/16');
      expect(a.requestId).toMatch(UUID);
    });

    it('Describe shows active with AccepterVpcInfo CidrBlock and options, and no ExpirationTime', () => {
      const s = scenario('same_account_lifecycle');
      const p = item(s.active);
      expect(p.code).toBe('active');
      expect(p.message).toBe('Active');
      expect(p.hasExpiration).toBe(false);
      expect(p.keys).not.toContain('ExpirationTime');
      expect(p.accepter).toMatchObject({ OwnerId: '111111111111', VpcId: s.vpcB, Region: 'us-east-1', CidrBlock: '10.1.0.0/16', CidrBlockSet: ['10.1.0.0/16'] });
      expect(p.accepter.PeeringOptions).toEqual({
        AllowDnsResolutionFromRemoteVpc: false,
        AllowEgressFromLocalClassicLinkToRemoteVpc: false,
        AllowEgressFromLocalVpcToRemoteClassicLink: false,
      });
      // Same account and region: one tag set for both sides (§3.9).
      expect(p.tags).toEqual({ Name: 'a-to-b' });
    });

    it('routes to the active connection are active, on both sides', () => {
      const s = scenario('same_account_lifecycle');
      expect(s.routeWhileActive).toMatchObject({ State: 'active', VpcPeeringConnectionId: s.create.id });
      expect(s.routeBWhileActive).toMatchObject({ State: 'active', Origin: 'CreateRoute', VpcPeeringConnectionId: s.create.id });
    });

    it('Delete returns true and the vpc_peering_connection_deleted waiter succeeds at once', () => {
      const s = scenario('same_account_lifecycle');
      expect(s.delete).toEqual({ Return: true, http: 200 });
      expect(s.deletedWaiter.outcome).toBe('success');
      expect(s.deletedWaiter.calls).toBe(1);
      const p = item(s.afterDelete);
      expect(p.code).toBe('deleted');
      expect(p.hasExpiration).toBe(false);
    });

    it('routes stay after the delete, as blackholes that keep the connection id', () => {
      const s = scenario('same_account_lifecycle');
      expect(s.routeAfterDelete).toEqual({ State: 'blackhole', Origin: 'CreateRoute', VpcPeeringConnectionId: s.create.id, GatewayId: null });
      expect(s.routeBAfterDelete).toMatchObject({ State: 'blackhole', VpcPeeringConnectionId: s.create.id });
    });

    it('deleting or accepting the deleted connection is InvalidStateTransition', () => {
      const s = scenario('same_account_lifecycle');
      expect(s.secondDelete).toMatchObject({
        class: 'ClientError',
        code: 'InvalidStateTransition',
        http: 400,
        message: `Invalid state transition for ${s.create.id}, attempted to transition from deleted to deleting`,
      });
      expect(s.secondDelete.requestId).toMatch(UUID);
      expect(s.acceptDeleted).toMatchObject({ code: 'InvalidStateTransition', http: 400 });
      expect(s.acceptDeleted.message).toMatch(new RegExp(`^Invalid state transition for ${s.create.id}, attempted to transition from deleted to `));
    });
  });

  describe('unknown id, DryRun', () => {
    it('Describe and Accept raise ClientError InvalidVpcPeeringConnectionID.NotFound (HTTP 400)', () => {
      const u = scenario('unknown_id');
      for (const e of [u.describe, u.accept]) {
        expect(e).toMatchObject({
          class: 'ClientError',
          code: 'InvalidVpcPeeringConnectionID.NotFound',
          http: 400,
          message: `The vpcPeeringConnection ID '${u.id}' does not exist`,
        });
        expect(e.requestId).toMatch(UUID);
      }
    });

    it('the exists waiter retries NotFound until its attempts run out, then raises WaiterError', () => {
      const w = scenario('unknown_id').existsWaiter;
      expect(w.outcome).toBe('WaiterError');
      expect(w.calls).toBe(w.maxAttempts);
      expect(w.lastErrorCode).toBe('InvalidVpcPeeringConnectionID.NotFound');
      expect(w.reason).toMatch(/Max attempts exceeded/);
      // Delay 1 s between 3 attempts: about 2 s.
      expect(w.seconds).toBeGreaterThanOrEqual(1.5);
    });

    it('the deleted waiter treats NotFound as success', () => {
      const w = scenario('unknown_id').deletedWaiter;
      expect(w.outcome).toBe('success');
      expect(w.calls).toBe(1);
    });

    it('DryRun answers DryRunOperation with HTTP 412 and creates nothing', () => {
      const u = scenario('unknown_id');
      for (const e of [u.dryRunCreate, u.dryRunDescribe]) {
        expect(e).toMatchObject({ class: 'ClientError', code: 'DryRunOperation', http: 412, message: 'Request would have succeeded, but DryRun flag is set.' });
      }
      expect(u.afterDryRunCount).toBe(0);
    });
  });

  describe('cross-account (111111111111 -> 222222222222)', () => {
    it('both owners see the pending request under one id; the accepter CIDR stays hidden', () => {
      const x = scenario('cross_account');
      expect(x.create.code).toBe('initiating-request');
      expect(x.create.message).toBe('Initiating Request to 222222222222');
      for (const d of [x.requesterPending, x.accepterPending]) {
        const p = item(d);
        expect(p.id).toBe(x.id);
        expect(p.code).toBe('pending-acceptance');
        expect(p.message).toBe('Pending Acceptance by 222222222222');
        expect(p.hasExpiration).toBe(true);
        expect(p.requester).toMatchObject({ OwnerId: '111111111111', VpcId: x.vpcA, CidrBlock: '10.2.0.0/16' });
        expect(p.accepter.keys).toEqual(['OwnerId', 'Region', 'VpcId']);
        expect(p.accepter).toMatchObject({ OwnerId: '222222222222', VpcId: x.vpcB });
      }
    });

    it('an account that is no party gets NotFound', () => {
      const x = scenario('cross_account');
      expect(x.strangerDescribe).toMatchObject({ code: 'InvalidVpcPeeringConnectionID.NotFound', http: 400 });
      expect(x.strangerAccept).toMatchObject({ code: 'InvalidVpcPeeringConnectionID.NotFound', http: 400 });
    });

    it("the requester's accept and reject raise OperationNotPermitted", () => {
      const x = scenario('cross_account');
      expect(x.requesterAccept).toMatchObject({ class: 'ClientError', code: 'OperationNotPermitted', http: 400, message: `User (111111111111) cannot accept peering ${x.id}` });
      expect(x.requesterReject).toMatchObject({ class: 'ClientError', code: 'OperationNotPermitted', http: 400, message: `User (111111111111) cannot reject peering ${x.id}` });
    });

    it('the accepter accepts; both see active with the accepter CIDR', () => {
      const x = scenario('cross_account');
      expect(Object.keys(ACCEPT_ANSWER)).toContain(x.accept.code);
      for (const d of [x.requesterActive, x.accepterActive]) {
        const p = item(d);
        expect(p.code).toBe('active');
        expect(p.hasExpiration).toBe(false);
        expect(p.accepter).toMatchObject({ OwnerId: '222222222222', VpcId: x.vpcB, CidrBlock: '10.3.0.0/16' });
      }
    });

    it('Name tags are private to each side', () => {
      const x = scenario('cross_account');
      expect(x.create.tags).toEqual({ Name: 'from-a' });
      expect(item(x.requesterPending).tags).toEqual({ Name: 'from-a' });
      expect(item(x.accepterPending).tags).toEqual({});
      expect(item(x.requesterActive).tags).toEqual({ Name: 'from-a' });
      expect(item(x.accepterActive).tags).toEqual({ Name: 'from-b' });
      expect(x.requesterFilterOwnName).toEqual([x.id]);
      expect(x.requesterFilterOtherName).toEqual([]);
    });

    it('the accepter may delete the active connection; the requester then sees deleted', () => {
      const x = scenario('cross_account');
      expect(x.accepterDelete.noError).toBe(true);
      const p = item(x.requesterAfterDelete);
      expect(p.code).toBe('deleted');
    });
  });

  describe('cross-region (us-east-1 -> us-west-2)', () => {
    it('Create names the peer region; both regions see the pending request under one id', () => {
      const r = scenario('cross_region');
      expect(r.create.code).toBe('initiating-request');
      expect(r.create.requester).toMatchObject({ Region: 'us-east-1', VpcId: r.vpcEast });
      expect(r.create.accepter).toMatchObject({ Region: 'us-west-2', VpcId: r.vpcWest });
      for (const d of [r.eastPending, r.westPending]) {
        const p = item(d);
        expect(p.id).toBe(r.id);
        expect(p.code).toBe('pending-acceptance');
        expect(p.requester.Region).toBe('us-east-1');
        expect(p.accepter.Region).toBe('us-west-2');
        expect(p.accepter.keys).toEqual(['OwnerId', 'Region', 'VpcId']);
      }
    });

    it('a third region of the same account does not see it', () => {
      expect(scenario('cross_region').euDescribe).toMatchObject({ code: 'InvalidVpcPeeringConnectionID.NotFound', http: 400 });
    });

    it('Accept in the requester region is OperationNotPermitted naming both regions', () => {
      const r = scenario('cross_region');
      expect(r.acceptInRequesterRegion).toMatchObject({
        code: 'OperationNotPermitted',
        http: 400,
        message: `Incorrect region (us-east-1) specified for this request. VPC peering connection ${r.id} must be accepted in region us-west-2`,
      });
    });

    it('Accept in us-west-2 makes it active in both regions', () => {
      const r = scenario('cross_region');
      expect(Object.keys(ACCEPT_ANSWER)).toContain(r.accept.code);
      for (const d of [r.eastActive, r.westActive]) {
        const p = item(d);
        expect(p.code).toBe('active');
        expect(p.accepter.CidrBlock).toBe('10.5.0.0/16');
        expect(p.requester.CidrBlock).toBe('10.4.0.0/16');
      }
    });

    it('after a delete in us-east-1 the deleted waiter succeeds in us-west-2', () => {
      const r = scenario('cross_region');
      expect(r.deletedWaiterWest.outcome).toBe('success');
      expect(item(r.eastAfterDelete).code).toBe('deleted');
      expect(item(r.westAfterDelete).code).toBe('deleted');
    });
  });

  describe('paginator', () => {
    it('describe_vpc_peering_connections with PageSize 5 returns each connection exactly once', () => {
      const p = scenario('paginator');
      expect(p.created.length).toBeGreaterThanOrEqual(7);
      expect(new Set(p.created).size).toBe(p.created.length);
      expect(p.pages.length).toBeGreaterThanOrEqual(2);
      for (const page of p.pages) expect(page.length).toBeLessThanOrEqual(5);
      const all = p.pages.flat();
      expect(all.length).toBe(p.created.length);
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual([...p.created].sort());
      // The last page carries no NextToken; every earlier one does.
      expect(p.nextTokens.at(-1) ?? null).toBeNull();
      for (const t of p.nextTokens.slice(0, -1)) expect(typeof t).toBe('string');
      expect([...p.fullResult].sort()).toEqual([...p.created].sort());
      // Without MaxResults AWS returns everything in one answer.
      expect([...p.unpaged].sort()).toEqual([...p.created].sort());
    });
  });

  describe('STS', () => {
    it('get_caller_identity answers the account of the access key', () => {
      const s = scenario('sts');
      expect(s.http).toBe(200);
      expect(s.Account).toBe('222222222222');
      expect(s.Arn).toMatch(/^arn:aws:iam::222222222222:/);
      expect(s.UserId.length).toBeGreaterThan(0);
      expect(s.requestId.length).toBeGreaterThan(0);
      expect(s.otherAccount).toBe('111111111111');
    });
  });
});
