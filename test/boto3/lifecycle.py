#!/usr/bin/env python3
"""Drives a vpcpeer server with boto3 and prints one JSON document of observations.

Usage: python3 test/boto3/lifecycle.py <endpoint-url>

The script records facts (what boto3/botocore parsed, which errors they raised, how waiters and
paginators behaved); test/boto3/boto3.test.ts asserts them against AWS-BEHAVIOUR.md. Each scenario
runs on its own: an unexpected exception is recorded under that scenario's "error" key (with the
traceback) and the remaining scenarios still run. Only stdlib and boto3/botocore are used.

Accounts come from 12-digit access key ids, regions from the signing region. Every scenario uses
its own VPCs (distinct CIDRs) so the scenarios do not see each other's connections where that
matters (the paginator runs in an account and region of its own).
"""

import datetime
import json
import sys
import time
import traceback

import boto3
import botocore.config
import botocore.exceptions

URL = sys.argv[1] if len(sys.argv) > 1 else None
if not URL:
    sys.stderr.write("usage: lifecycle.py <endpoint-url>\n")
    sys.exit(2)

CONFIG = botocore.config.Config(
    retries={"total_max_attempts": 1, "mode": "standard"},
    connect_timeout=5,
    read_timeout=15,
)
UNKNOWN_PCX = "pcx-0123456789abcdef0"


def client(service, account, region):
    return boto3.client(
        service,
        endpoint_url=URL,
        region_name=region,
        aws_access_key_id=account,
        aws_secret_access_key="x",
        config=CONFIG,
    )


def ts(value):
    """A parsed timestamp as facts: its Python type, ISO text and whether it is timezone-aware."""
    if value is None:
        return None
    return {
        "type": type(value).__name__,
        "iso": value.isoformat() if hasattr(value, "isoformat") else str(value),
        "aware": getattr(value, "tzinfo", None) is not None,
        "epoch": value.timestamp() if isinstance(value, datetime.datetime) else None,
    }


def error_facts(exc):
    """A botocore ClientError as facts."""
    r = exc.response
    return {
        "class": type(exc).__name__,
        "code": r.get("Error", {}).get("Code"),
        "message": r.get("Error", {}).get("Message"),
        "http": r.get("ResponseMetadata", {}).get("HTTPStatusCode"),
        "requestId": r.get("ResponseMetadata", {}).get("RequestId"),
    }


def call_error(fn, **kwargs):
    """Runs a call that should fail; returns the error facts, or {"noError": <result keys>}."""
    try:
        result = fn(**kwargs)
    except botocore.exceptions.ClientError as exc:
        return error_facts(exc)
    return {"noError": True, "resultKeys": sorted(k for k in result.keys() if k != "ResponseMetadata")}


def side(info):
    """VpcPeeringConnectionVpcInfo as parsed, with the presence of the optional parts made explicit."""
    if info is None:
        return None
    return {
        "keys": sorted(info.keys()),
        "OwnerId": info.get("OwnerId"),
        "VpcId": info.get("VpcId"),
        "Region": info.get("Region"),
        "CidrBlock": info.get("CidrBlock"),
        "CidrBlockSet": [b.get("CidrBlock") for b in info.get("CidrBlockSet", [])] if "CidrBlockSet" in info else None,
        "PeeringOptions": info.get("PeeringOptions"),
    }


def pcx(p):
    """One VpcPeeringConnection as facts."""
    return {
        "keys": sorted(p.keys()),
        "id": p.get("VpcPeeringConnectionId"),
        "code": p.get("Status", {}).get("Code"),
        "message": p.get("Status", {}).get("Message"),
        "expiration": ts(p.get("ExpirationTime")),
        "hasExpiration": "ExpirationTime" in p,
        "tags": {t["Key"]: t["Value"] for t in p.get("Tags", [])},
        "tagsPresent": "Tags" in p,
        "requester": side(p.get("RequesterVpcInfo")),
        "accepter": side(p.get("AccepterVpcInfo")),
    }


def describe_one(ec2, pcx_id):
    r = ec2.describe_vpc_peering_connections(VpcPeeringConnectionIds=[pcx_id])
    items = r.get("VpcPeeringConnections", [])
    out = {"count": len(items), "requestId": r["ResponseMetadata"].get("RequestId"), "http": r["ResponseMetadata"].get("HTTPStatusCode")}
    if items:
        out["item"] = pcx(items[0])
    return out


def new_vpc(ec2, cidr):
    return ec2.create_vpc(CidrBlock=cidr)["Vpc"]["VpcId"]


def main_route_table(ec2, vpc_id):
    r = ec2.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}, {"Name": "association.main", "Values": ["true"]}])
    tables = r["RouteTables"]
    if len(tables) != 1:
        raise AssertionError("expected exactly one main route table for %s, got %d" % (vpc_id, len(tables)))
    return tables[0]["RouteTableId"]


def route_to(ec2, rtb_id, destination):
    """The route for `destination` in a route table, as facts (None when absent)."""
    table = ec2.describe_route_tables(RouteTableIds=[rtb_id])["RouteTables"][0]
    for route in table.get("Routes", []):
        if route.get("DestinationCidrBlock") == destination:
            return {
                "State": route.get("State"),
                "Origin": route.get("Origin"),
                "VpcPeeringConnectionId": route.get("VpcPeeringConnectionId"),
                "GatewayId": route.get("GatewayId"),
            }
    return None


class CallCounter:
    """Counts DescribeVpcPeeringConnections requests a client sends (waiter attempts)."""

    def __init__(self, ec2):
        self.count = 0
        ec2.meta.events.register("before-call.ec2.DescribeVpcPeeringConnections", self._hit)

    def _hit(self, **_kwargs):
        self.count += 1


def run_waiter(ec2, name, pcx_id, delay, attempts):
    counter = CallCounter(ec2)
    started = time.monotonic()
    facts = {"name": name, "delay": delay, "maxAttempts": attempts}
    try:
        ec2.get_waiter(name).wait(VpcPeeringConnectionIds=[pcx_id], WaiterConfig={"Delay": delay, "MaxAttempts": attempts})
        facts["outcome"] = "success"
    except botocore.exceptions.WaiterError as exc:
        facts["outcome"] = "WaiterError"
        facts["reason"] = exc.kwargs.get("reason")
        last = exc.last_response or {}
        facts["lastErrorCode"] = last.get("Error", {}).get("Code")
    facts["calls"] = counter.count
    facts["seconds"] = round(time.monotonic() - started, 2)
    return facts


# ------------------------------------------------------------------------------------------------
# Scenarios


def same_account_lifecycle():
    ec2 = client("ec2", "111111111111", "us-east-1")
    out = {}
    vpc_a = new_vpc(ec2, "10.0.0.0/16")
    vpc_b = new_vpc(ec2, "10.1.0.0/16")
    out["vpcA"], out["vpcB"] = vpc_a, vpc_b
    now = datetime.datetime.now(datetime.timezone.utc)
    created = ec2.create_vpc_peering_connection(
        VpcId=vpc_a,
        PeerVpcId=vpc_b,
        TagSpecifications=[{"ResourceType": "vpc-peering-connection", "Tags": [{"Key": "Name", "Value": "a-to-b"}]}],
    )
    p = created["VpcPeeringConnection"]
    pcx_id = p["VpcPeeringConnectionId"]
    out["create"] = pcx(p)
    out["create"]["requestId"] = created["ResponseMetadata"].get("RequestId")
    out["create"]["http"] = created["ResponseMetadata"].get("HTTPStatusCode")
    out["create"]["secondsToExpiry"] = (p["ExpirationTime"] - now).total_seconds() if "ExpirationTime" in p else None

    out["existsWaiter"] = run_waiter(ec2, "vpc_peering_connection_exists", pcx_id, 1, 5)

    out["pending"] = describe_one(ec2, pcx_id)
    item = ec2.describe_vpc_peering_connections(VpcPeeringConnectionIds=[pcx_id])["VpcPeeringConnections"][0]
    out["pending"]["secondsToExpiry"] = (item["ExpirationTime"] - now).total_seconds() if "ExpirationTime" in item else None

    # A route added while pending is kept and shows blackhole (AWS-BEHAVIOUR.md §3.10).
    rtb_a = main_route_table(ec2, vpc_a)
    out["rtbA"] = rtb_a
    r = ec2.create_route(RouteTableId=rtb_a, DestinationCidrBlock="10.1.0.0/28", VpcPeeringConnectionId=pcx_id)
    out["createRoute"] = {"Return": r.get("Return"), "http": r["ResponseMetadata"].get("HTTPStatusCode")}
    out["routeWhilePending"] = route_to(ec2, rtb_a, "10.1.0.0/28")

    accepted = ec2.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx_id)
    out["accept"] = pcx(accepted["VpcPeeringConnection"])
    out["accept"]["requestId"] = accepted["ResponseMetadata"].get("RequestId")

    out["active"] = describe_one(ec2, pcx_id)
    out["routeWhileActive"] = route_to(ec2, rtb_a, "10.1.0.0/28")

    # Route on the accepter side too, with a whole-VPC destination.
    rtb_b = main_route_table(ec2, vpc_b)
    ec2.create_route(RouteTableId=rtb_b, DestinationCidrBlock="10.0.0.0/16", VpcPeeringConnectionId=pcx_id)
    out["routeBWhileActive"] = route_to(ec2, rtb_b, "10.0.0.0/16")

    deleted = ec2.delete_vpc_peering_connection(VpcPeeringConnectionId=pcx_id)
    out["delete"] = {"Return": deleted.get("Return"), "http": deleted["ResponseMetadata"].get("HTTPStatusCode")}
    out["deletedWaiter"] = run_waiter(ec2, "vpc_peering_connection_deleted", pcx_id, 1, 5)
    out["afterDelete"] = describe_one(ec2, pcx_id)
    out["routeAfterDelete"] = route_to(ec2, rtb_a, "10.1.0.0/28")
    out["routeBAfterDelete"] = route_to(ec2, rtb_b, "10.0.0.0/16")
    out["secondDelete"] = call_error(ec2.delete_vpc_peering_connection, VpcPeeringConnectionId=pcx_id)
    out["acceptDeleted"] = call_error(ec2.accept_vpc_peering_connection, VpcPeeringConnectionId=pcx_id)
    return out


def unknown_id():
    ec2 = client("ec2", "111111111111", "us-east-1")
    out = {"id": UNKNOWN_PCX}
    out["describe"] = call_error(ec2.describe_vpc_peering_connections, VpcPeeringConnectionIds=[UNKNOWN_PCX])
    out["accept"] = call_error(ec2.accept_vpc_peering_connection, VpcPeeringConnectionId=UNKNOWN_PCX)
    out["existsWaiter"] = run_waiter(ec2, "vpc_peering_connection_exists", UNKNOWN_PCX, 1, 3)
    # NotFound is a success state for the deleted waiter.
    out["deletedWaiter"] = run_waiter(ec2, "vpc_peering_connection_deleted", UNKNOWN_PCX, 1, 3)
    vpc_a = new_vpc(ec2, "10.20.0.0/16")
    vpc_b = new_vpc(ec2, "10.21.0.0/16")
    out["dryRunCreate"] = call_error(ec2.create_vpc_peering_connection, VpcId=vpc_a, PeerVpcId=vpc_b, DryRun=True)
    # A dry run creates nothing: the account's listing in this region has no connection between them.
    listed = ec2.describe_vpc_peering_connections(Filters=[{"Name": "requester-vpc-info.vpc-id", "Values": [vpc_a]}])
    out["afterDryRunCount"] = len(listed["VpcPeeringConnections"])
    out["dryRunDescribe"] = call_error(ec2.describe_vpc_peering_connections, DryRun=True)
    return out


def cross_account():
    a = client("ec2", "111111111111", "us-east-1")
    b = client("ec2", "222222222222", "us-east-1")
    c = client("ec2", "333333333333", "us-east-1")
    out = {}
    vpc_a = new_vpc(a, "10.2.0.0/16")
    vpc_b = new_vpc(b, "10.3.0.0/16")
    out["vpcA"], out["vpcB"] = vpc_a, vpc_b
    created = a.create_vpc_peering_connection(
        VpcId=vpc_a,
        PeerVpcId=vpc_b,
        PeerOwnerId="222222222222",
        TagSpecifications=[{"ResourceType": "vpc-peering-connection", "Tags": [{"Key": "Name", "Value": "from-a"}]}],
    )["VpcPeeringConnection"]
    pcx_id = created["VpcPeeringConnectionId"]
    out["id"] = pcx_id
    out["create"] = pcx(created)
    out["requesterPending"] = describe_one(a, pcx_id)
    out["accepterPending"] = describe_one(b, pcx_id)
    out["strangerDescribe"] = call_error(c.describe_vpc_peering_connections, VpcPeeringConnectionIds=[pcx_id])
    out["requesterAccept"] = call_error(a.accept_vpc_peering_connection, VpcPeeringConnectionId=pcx_id)
    out["requesterReject"] = call_error(a.reject_vpc_peering_connection, VpcPeeringConnectionId=pcx_id)
    out["strangerAccept"] = call_error(c.accept_vpc_peering_connection, VpcPeeringConnectionId=pcx_id)
    b.create_tags(Resources=[pcx_id], Tags=[{"Key": "Name", "Value": "from-b"}])
    accepted = b.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx_id)["VpcPeeringConnection"]
    out["accept"] = pcx(accepted)
    out["requesterActive"] = describe_one(a, pcx_id)
    out["accepterActive"] = describe_one(b, pcx_id)
    # Filtering by the other side's Name finds nothing; by one's own finds it.
    out["requesterFilterOwnName"] = [p["VpcPeeringConnectionId"] for p in a.describe_vpc_peering_connections(Filters=[{"Name": "tag:Name", "Values": ["from-a"]}])["VpcPeeringConnections"]]
    out["requesterFilterOtherName"] = [p["VpcPeeringConnectionId"] for p in a.describe_vpc_peering_connections(Filters=[{"Name": "tag:Name", "Values": ["from-b"]}])["VpcPeeringConnections"]]
    # Either owner may delete an active connection; here the accepter does.
    out["accepterDelete"] = call_error(b.delete_vpc_peering_connection, VpcPeeringConnectionId=pcx_id)
    out["requesterAfterDelete"] = describe_one(a, pcx_id)
    return out


def cross_region():
    east = client("ec2", "111111111111", "us-east-1")
    west = client("ec2", "111111111111", "us-west-2")
    eu = client("ec2", "111111111111", "eu-west-1")
    out = {}
    vpc_e = new_vpc(east, "10.4.0.0/16")
    vpc_w = new_vpc(west, "10.5.0.0/16")
    out["vpcEast"], out["vpcWest"] = vpc_e, vpc_w
    created = east.create_vpc_peering_connection(VpcId=vpc_e, PeerVpcId=vpc_w, PeerRegion="us-west-2")["VpcPeeringConnection"]
    pcx_id = created["VpcPeeringConnectionId"]
    out["id"] = pcx_id
    out["create"] = pcx(created)
    out["eastPending"] = describe_one(east, pcx_id)
    out["westPending"] = describe_one(west, pcx_id)
    out["euDescribe"] = call_error(eu.describe_vpc_peering_connections, VpcPeeringConnectionIds=[pcx_id])
    out["acceptInRequesterRegion"] = call_error(east.accept_vpc_peering_connection, VpcPeeringConnectionId=pcx_id)
    accepted = west.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx_id)["VpcPeeringConnection"]
    out["accept"] = pcx(accepted)
    out["eastActive"] = describe_one(east, pcx_id)
    out["westActive"] = describe_one(west, pcx_id)
    east.delete_vpc_peering_connection(VpcPeeringConnectionId=pcx_id)
    out["deletedWaiterWest"] = run_waiter(west, "vpc_peering_connection_deleted", pcx_id, 1, 5)
    out["eastAfterDelete"] = describe_one(east, pcx_id)
    out["westAfterDelete"] = describe_one(west, pcx_id)
    return out


def paginator():
    # An account and region of its own, so the listing holds exactly the connections made here.
    # Six same-region pairs among four VPCs plus two inter-region requests: eight connections,
    # with no more than four VPCs per region (the default VPC quota is five, default VPC included).
    eu = client("ec2", "444444444444", "eu-west-1")
    west = client("ec2", "444444444444", "us-west-2")
    vpcs = [new_vpc(eu, "10.%d.0.0/16" % n) for n in (30, 31, 32, 33)]
    far = [new_vpc(west, "10.%d.0.0/16" % n) for n in (34, 35)]
    created = []
    for i in range(len(vpcs)):
        for j in range(i + 1, len(vpcs)):
            created.append(eu.create_vpc_peering_connection(VpcId=vpcs[i], PeerVpcId=vpcs[j])["VpcPeeringConnection"]["VpcPeeringConnectionId"])
    for v in far:
        created.append(eu.create_vpc_peering_connection(VpcId=vpcs[0], PeerVpcId=v, PeerRegion="us-west-2")["VpcPeeringConnection"]["VpcPeeringConnectionId"])
    pages = []
    tokens = []
    for page in eu.get_paginator("describe_vpc_peering_connections").paginate(PaginationConfig={"PageSize": 5}):
        pages.append([p["VpcPeeringConnectionId"] for p in page["VpcPeeringConnections"]])
        tokens.append(page.get("NextToken"))
    unpaged = [p["VpcPeeringConnectionId"] for p in eu.describe_vpc_peering_connections()["VpcPeeringConnections"]]
    # build_full_result merges the pages the way most boto3 users consume them.
    full = eu.get_paginator("describe_vpc_peering_connections").paginate(PaginationConfig={"PageSize": 5}).build_full_result()
    return {
        "created": created,
        "pages": pages,
        "nextTokens": tokens,
        "unpaged": unpaged,
        "fullResult": [p["VpcPeeringConnectionId"] for p in full.get("VpcPeeringConnections", [])],
    }


def sts():
    s = client("sts", "222222222222", "us-east-1")
    r = s.get_caller_identity()
    other = client("sts", "111111111111", "us-east-1").get_caller_identity()
    return {
        "Account": r.get("Account"),
        "Arn": r.get("Arn"),
        "UserId": r.get("UserId"),
        "requestId": r["ResponseMetadata"].get("RequestId"),
        "http": r["ResponseMetadata"].get("HTTPStatusCode"),
        "otherAccount": other.get("Account"),
    }


SCENARIOS = [same_account_lifecycle, unknown_id, cross_account, cross_region, paginator, sts]


def main():
    doc = {"boto3": boto3.__version__, "botocore": botocore.__version__}
    for scenario in SCENARIOS:
        started = time.monotonic()
        try:
            doc[scenario.__name__] = scenario()
        except Exception as exc:  # recorded, so the other scenarios still run and report
            doc[scenario.__name__] = {"error": "%s: %s" % (type(exc).__name__, exc), "traceback": traceback.format_exc()}
        doc.setdefault("seconds", {})[scenario.__name__] = round(time.monotonic() - started, 2)
    json.dump(doc, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
