#!/usr/bin/env python3
"""Drives the six Network Insights operations with boto3; prints one JSON document.

Usage: python3 test/boto3/network-insights.py <endpoint-url> [<inter-region-endpoint-url>]

The second endpoint, when given, is a server started with `vpcpeer serve --reach-inter-region`.

test/boto3/network-insights.test.ts asserts the facts: what botocore parsed for paths and
analyses (types included), every refusal's ClientError, the paginators, DryRun, ClientToken
idempotency, isolation between accounts, and the verdicts and explanation codes of the peering
situations of REACHABILITY.md §2.4. Each scenario runs on its own; an unexpected exception is
recorded under its name.
"""

import json
import sys

from boto_support import client_factory, endpoint_from_argv, error_of, scenario_recorder

URL = endpoint_from_argv("network-insights.py")

A = "111111111111"
B = "222222222222"


client = client_factory(URL, read_timeout=30)
INTER_REGION_URL = sys.argv[2] if len(sys.argv) > 2 else None


ec2 = client(A)
ec2b = client(B)
out = {}


scenario = scenario_recorder(out)


def vpc_with_eni(c, cidr, subnet_cidr):
    vpc = c.create_vpc(CidrBlock=cidr)["Vpc"]["VpcId"]
    subnet = c.create_subnet(VpcId=vpc, CidrBlock=subnet_cidr)["Subnet"]["SubnetId"]
    eni = c.create_network_interface(SubnetId=subnet)["NetworkInterface"]
    return {"vpc": vpc, "cidr": cidr, "subnet": subnet, "eni": eni["NetworkInterfaceId"], "ip": eni["PrivateIpAddress"]}


def main_table(c, vpc):
    return c.describe_route_tables(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "association.main", "Values": ["true"]}])["RouteTables"][0]["RouteTableId"]


def peer(c, x, y, accept=True):
    pcx = c.create_vpc_peering_connection(VpcId=x["vpc"], PeerVpcId=y["vpc"])["VpcPeeringConnection"]["VpcPeeringConnectionId"]
    if accept:
        c.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    return pcx


def route_both_ways(c, x, y, pcx):
    """Each side's main table sends the other's IPv4 block over the peering."""
    c.create_route(RouteTableId=main_table(c, x["vpc"]), DestinationCidrBlock=y["cidr"], VpcPeeringConnectionId=pcx)
    c.create_route(RouteTableId=main_table(c, y["vpc"]), DestinationCidrBlock=x["cidr"], VpcPeeringConnectionId=pcx)


def jsonable(value):
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return {"type": type(value).__name__, "iso": value.isoformat(), "aware": value.tzinfo is not None}
    return value


X = vpc_with_eni(ec2, "10.60.0.0/16", "10.60.1.0/24")
Y = vpc_with_eni(ec2, "10.61.0.0/16", "10.61.1.0/24")


@scenario("path")
def _():
    p = ec2.create_network_insights_path(
        Source=X["eni"], Destination=Y["eni"], Protocol="TCP", DestinationPort=443,
        TagSpecifications=[{"ResourceType": "network-insights-path", "Tags": [{"Key": "Name", "Value": "boto"}]}],
    )["NetworkInsightsPath"]
    described = ec2.describe_network_insights_paths(NetworkInsightsPathIds=[p["NetworkInsightsPathId"]])["NetworkInsightsPaths"]
    filtered = ec2.describe_network_insights_paths(
        Filters=[{"Name": "source", "Values": [X["eni"]]}, {"Name": "protocol", "Values": ["tcp"]}, {"Name": "tag:Name", "Values": ["boto"]}]
    )["NetworkInsightsPaths"]
    return {"created": jsonable(p), "described": jsonable(described), "filtered": [f["NetworkInsightsPathId"] for f in filtered], "x": X, "y": Y}


@scenario("refusals")
def _():
    def create(**kw):
        return error_of(lambda: ec2.create_network_insights_path(**kw))

    return {
        "noDestination": create(Source=X["eni"], DestinationIp=Y["ip"], Protocol="tcp"),
        "protocol": create(Source=X["eni"], Destination=Y["eni"], Protocol="icmp"),
        "port": create(Source=X["eni"], Destination=Y["eni"], Protocol="tcp", DestinationPort=65536),
        "sourceIp": create(Source=X["eni"], Destination=Y["eni"], Protocol="tcp", SourceIp="10.60.1.256"),
        "destinationIpV6": create(Source=X["eni"], Destination=Y["eni"], Protocol="tcp", DestinationIp="fe80::1"),
        "filterSourceAndPort": create(Source=X["eni"], Protocol="tcp", FilterAtSource={"DestinationAddress": Y["ip"]}, DestinationPort=22),
        "filterSourceAndSourceIp": create(Source=X["eni"], Protocol="tcp", FilterAtSource={"DestinationAddress": Y["ip"]}, SourceIp=X["ip"]),
        "filterDestinationAndDestinationIp": create(Source=X["eni"], Destination=Y["eni"], Protocol="tcp", FilterAtDestination={"SourceAddress": X["ip"]}, DestinationIp=Y["ip"]),
        "portRange": create(Source=X["eni"], Protocol="tcp", FilterAtSource={"DestinationAddress": Y["ip"], "DestinationPortRange": {"FromPort": 90, "ToPort": 80}}),
        "unknownEni": create(Source="eni-0123456789abcdef0", Destination=Y["eni"], Protocol="tcp"),
        "unknownInstance": create(Source=X["eni"], Destination="i-0123456789abcdef0", Protocol="tcp"),
        "unknownPeering": create(Source=X["eni"], Destination="pcx-0123456789abcdef0", Protocol="tcp"),
        "malformedEni": create(Source="eni-xyz", Destination=Y["eni"], Protocol="tcp"),
        "unsupported": create(Source=X["eni"], Destination="tgw-0123456789abcdef0", Protocol="tcp"),
        "unknownGateway": create(Source="igw-0123456789abcdef0", Destination=X["eni"], Protocol="tcp"),
        "wrongArnType": create(Source=X["eni"], Destination=f"arn:aws:ec2:us-east-1:{A}:instance/{Y['eni']}", Protocol="tcp"),
        "tagType": create(Source=X["eni"], Destination=Y["eni"], Protocol="tcp", TagSpecifications=[{"ResourceType": "vpc", "Tags": [{"Key": "a", "Value": "b"}]}]),
        "intruderId": error_of(lambda: ec2b.create_network_insights_path(Source=X["eni"], Destination=Y["eni"], Protocol="tcp")),
        "intruderArn": error_of(lambda: ec2b.create_network_insights_path(Source=f"arn:aws:ec2:us-east-1:{A}:network-interface/{X['eni']}", Destination=Y["eni"], Protocol="tcp")),
        "dryRun": create(Source=X["eni"], Destination=Y["eni"], Protocol="tcp", DryRun=True),
        # Every path of the account, whatever its protocol: only the "path" scenario's one may be there.
        "leftBehind": sorted(p["NetworkInsightsPathId"] for p in ec2.describe_network_insights_paths()["NetworkInsightsPaths"]),
    }


@scenario("analysis")
def _():
    p = ec2.create_network_insights_path(Source=X["eni"], Destination=Y["eni"], Protocol="udp", DestinationPort=53)["NetworkInsightsPath"]["NetworkInsightsPathId"]
    arn = f"arn:aws:ec2:us-east-1:{A}:vpc-peering-connection/pcx-0123456789abcdef0"
    started = ec2.start_network_insights_analysis(
        NetworkInsightsPathId=p, FilterInArns=[arn], AdditionalAccounts=[B],
        TagSpecifications=[{"ResourceType": "network-insights-analysis", "Tags": [{"Key": "Name", "Value": "a1"}]}],
    )["NetworkInsightsAnalysis"]
    described = ec2.describe_network_insights_analyses(NetworkInsightsAnalysisIds=[started["NetworkInsightsAnalysisId"]])["NetworkInsightsAnalyses"][0]
    plain = ec2.start_network_insights_analysis(NetworkInsightsPathId=p, ClientToken="tok-1")["NetworkInsightsAnalysis"]
    token1 = plain["NetworkInsightsAnalysisId"]
    token2 = ec2.start_network_insights_analysis(NetworkInsightsPathId=p, ClientToken="tok-1")["NetworkInsightsAnalysis"]["NetworkInsightsAnalysisId"]
    mismatch = error_of(lambda: ec2.start_network_insights_analysis(NetworkInsightsPathId=p, ClientToken="tok-1", AdditionalAccounts=[B]))
    errors = {
        "unknownPath": error_of(lambda: ec2.start_network_insights_analysis(NetworkInsightsPathId="nip-0123456789abcdef0")),
        "malformedPath": error_of(lambda: ec2.start_network_insights_analysis(NetworkInsightsPathId="nip-1")),
        "account": error_of(lambda: ec2.start_network_insights_analysis(NetworkInsightsPathId=p, AdditionalAccounts=["12"])),
        "filterIn": error_of(lambda: ec2.start_network_insights_analysis(NetworkInsightsPathId=p, FilterInArns=["pcx-0123456789abcdef0"])),
        # Only intermediate components can be required (route tables appear in paths, but cannot be).
        "filterInRouteTable": error_of(lambda: ec2.start_network_insights_analysis(NetworkInsightsPathId=p, FilterInArns=[f"arn:aws:ec2:us-east-1:{A}:route-table/rtb-0123456789abcdef0"])),
        "tagType": error_of(lambda: ec2.start_network_insights_analysis(NetworkInsightsPathId=p, TagSpecifications=[{"ResourceType": "network-insights-path", "Tags": [{"Key": "a", "Value": "b"}]}])),
        "dryRun": error_of(lambda: ec2.start_network_insights_analysis(NetworkInsightsPathId=p, DryRun=True)),
        "describeUnknown": error_of(lambda: ec2.describe_network_insights_analyses(NetworkInsightsAnalysisIds=["nia-0123456789abcdef0"])),
        "describeMalformed": error_of(lambda: ec2.describe_network_insights_analyses(NetworkInsightsAnalysisIds=["nia-x"])),
        "badFilter": error_of(lambda: ec2.describe_network_insights_analyses(Filters=[{"Name": "state", "Values": ["x"]}])),
        "maxResults": error_of(lambda: ec2.describe_network_insights_analyses(MaxResults=101)),
        "deletePathWithAnalyses": error_of(lambda: ec2.delete_network_insights_path(NetworkInsightsPathId=p)),
        "deleteAnalysisDryRun": error_of(lambda: ec2.delete_network_insights_analysis(NetworkInsightsAnalysisId=token1, DryRun=True)),
        "intruderStart": error_of(lambda: ec2b.start_network_insights_analysis(NetworkInsightsPathId=p)),
        "intruderDescribe": error_of(lambda: ec2b.describe_network_insights_analyses(NetworkInsightsAnalysisIds=[token1])),
        "intruderDelete": error_of(lambda: ec2b.delete_network_insights_analysis(NetworkInsightsAnalysisId=token1)),
        "intruderDeletePath": error_of(lambda: ec2b.delete_network_insights_path(NetworkInsightsPathId=p)),
    }
    by_path = ec2.describe_network_insights_analyses(NetworkInsightsPathId=p)["NetworkInsightsAnalyses"]
    by_status = ec2.describe_network_insights_analyses(NetworkInsightsPathId=p, Filters=[{"Name": "status", "Values": ["succeeded"]}])["NetworkInsightsAnalyses"]
    by_tag = ec2.describe_network_insights_analyses(Filters=[{"Name": "tag:Name", "Values": ["a1"]}])["NetworkInsightsAnalyses"]
    deleted = []
    for a in by_path:
        deleted.append(ec2.delete_network_insights_analysis(NetworkInsightsAnalysisId=a["NetworkInsightsAnalysisId"])["NetworkInsightsAnalysisId"])
    path_deleted = ec2.delete_network_insights_path(NetworkInsightsPathId=p)["NetworkInsightsPathId"]
    return {
        "pathId": p,
        "started": jsonable(started),
        "startedPlain": sorted(plain.keys()),
        "described": jsonable(described),
        "tokenSame": token1 == token2,
        "mismatch": mismatch,
        "errors": errors,
        "byPath": len(by_path),
        "byStatus": len(by_status),
        "byTag": [a["NetworkInsightsAnalysisId"] for a in by_tag] == [started["NetworkInsightsAnalysisId"]],
        "deleted": len(deleted),
        "pathDeleted": path_deleted == p,
        "gone": error_of(lambda: ec2.describe_network_insights_paths(NetworkInsightsPathIds=[p])),
    }


@scenario("paginators")
def _():
    c = client("555555555555")
    x = vpc_with_eni(c, "10.62.0.0/16", "10.62.1.0/24")
    made = [c.create_network_insights_path(Source=x["eni"], Destination=x["eni"], Protocol="tcp", DestinationPort=7000 + i)["NetworkInsightsPath"]["NetworkInsightsPathId"] for i in range(5)]
    analyses = [c.start_network_insights_analysis(NetworkInsightsPathId=made[0])["NetworkInsightsAnalysis"]["NetworkInsightsAnalysisId"] for _ in range(3)]
    path_pages = list(c.get_paginator("describe_network_insights_paths").paginate(PaginationConfig={"PageSize": 2}))
    analysis_pages = list(c.get_paginator("describe_network_insights_analyses").paginate(PaginationConfig={"PageSize": 1}))
    return {
        "pathPages": len(path_pages),
        "paths": sorted(p["NetworkInsightsPathId"] for page in path_pages for p in page["NetworkInsightsPaths"]) == sorted(made),
        "analysisPages": len(analysis_pages),
        "analyses": sorted(a["NetworkInsightsAnalysisId"] for page in analysis_pages for a in page["NetworkInsightsAnalyses"]) == sorted(analyses),
        "badToken": error_of(lambda: c.describe_network_insights_paths(NextToken="nope")),
    }


def analyse(c, source, destination=None, port=443, start=None, **kw):
    args = {"Source": source, "Protocol": "tcp", **({"DestinationPort": port} if port is not None else {}), **kw}
    if destination:
        args["Destination"] = destination
    p = c.create_network_insights_path(**args)["NetworkInsightsPath"]["NetworkInsightsPathId"]
    nia = c.start_network_insights_analysis(NetworkInsightsPathId=p, **(start or {}))["NetworkInsightsAnalysis"]["NetworkInsightsAnalysisId"]
    a = c.describe_network_insights_analyses(NetworkInsightsAnalysisIds=[nia])["NetworkInsightsAnalyses"][0]
    return {
        "status": a["Status"],
        "found": a.get("NetworkPathFound"),
        "codes": [e.get("ExplanationCode") for e in a.get("Explanations", [])],
        "forward": [h["Component"]["Id"] for h in a.get("ForwardPathComponents", [])],
        "returnHops": len(a.get("ReturnPathComponents", [])),
        "returnCodes": [e.get("ExplanationCode") for h in a.get("ReturnPathComponents", []) for e in h.get("Explanations", [])],
        "sequence": [h["SequenceNumber"] for h in a.get("ForwardPathComponents", [])],
        "keys": sorted(a.keys()),
        "back": [h["Component"]["Id"] for h in a.get("ReturnPathComponents", [])],
        "explained": [explained(e) for e in a.get("Explanations", [])],
        "returnExplained": [explained(e) for h in a.get("ReturnPathComponents", []) for e in h.get("Explanations", [])],
        "returnGroupRules": [h.get("SecurityGroupRule") for h in a.get("ReturnPathComponents", []) if h["Component"]["Id"].startswith("sg-")],
    }


def explained(e):
    """An explanation's code and the ids of the components it names (as botocore parsed them)."""
    ids = {k: v["Id"] for k, v in e.items() if isinstance(v, dict) and "Id" in v}
    return {"code": e.get("ExplanationCode"), **ids, **{k: e[k] for k in ("Direction", "State") if k in e}}


def allow_ingress(c, vpc, cidr, port=443):
    group = c.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]["GroupId"]
    c.authorize_security_group_ingress(GroupId=group, IpPermissions=[{"IpProtocol": "tcp", "FromPort": port, "ToPort": port, "IpRanges": [{"CidrIp": cidr}]}])
    return group


@scenario("situations")
def _():
    c = client("666666666666")
    a = vpc_with_eni(c, "10.70.0.0/16", "10.70.1.0/24")
    b = vpc_with_eni(c, "10.71.0.0/16", "10.71.1.0/24")
    pending_peer = vpc_with_eni(c, "10.72.0.0/16", "10.72.1.0/24")
    far = vpc_with_eni(c, "10.73.0.0/16", "10.73.1.0/24")
    ab = peer(c, a, b)
    peer(c, b, far)
    pending = peer(c, a, pending_peer, accept=False)
    rta = main_table(c, a["vpc"])
    result = {"missingRoute": analyse(c, a["eni"], b["eni"])}
    route_both_ways(c, a, b, ab)
    result["securityGroup"] = analyse(c, a["eni"], b["eni"])
    allow_ingress(c, b["vpc"], "10.70.0.0/16")
    result["found"] = analyse(c, a["eni"], b["eni"])
    # FilterOutArns: the only peering between A and B excluded, then one the path does not use.
    pcx_arn = lambda pcx: f"arn:aws:ec2:us-east-1:666666666666:vpc-peering-connection/{pcx}"  # noqa: E731
    result["peeringFilteredOut"] = analyse(c, a["eni"], b["eni"], start={"FilterOutArns": [pcx_arn(ab)]})
    result["otherFilteredOut"] = analyse(c, a["eni"], b["eni"], start={"FilterOutArns": [pcx_arn(pending)]})
    instance = c.run_instances(ImageId="ami-0123456789abcdef0", InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=a["subnet"])["Instances"][0]["InstanceId"]
    result["fromInstance"] = analyse(c, instance, b["eni"])
    interfaces = c.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]["NetworkInterfaces"]
    result["instance"] = instance
    result["instanceEni"] = next(n["NetworkInterfaceId"] for n in interfaces if n["Attachment"]["DeviceIndex"] == 0)
    # A network ACL on B's subnet that admits the request but has no outbound rule for its reply
    # (only the implicit deny): stateless, so the return leg is refused. (Any outbound TCP rule to A
    # would let some packet back: source ports are free, 0-65535, REACHABILITY.md §2.2.)
    acl = c.create_network_acl(VpcId=b["vpc"])["NetworkAcl"]["NetworkAclId"]
    c.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False, CidrBlock="10.70.0.0/16", PortRange={"From": 443, "To": 443})
    c.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="17", RuleAction="allow", Egress=True, CidrBlock="10.70.0.0/16", PortRange={"From": 1024, "To": 65535})
    assoc = c.describe_network_acls(Filters=[{"Name": "association.subnet-id", "Values": [b["subnet"]]}])["NetworkAcls"][0]
    assoc_id = next(x["NetworkAclAssociationId"] for x in assoc["Associations"] if x["SubnetId"] == b["subnet"])
    c.replace_network_acl_association(AssociationId=assoc_id, NetworkAclId=acl)
    result["aclReturn"] = analyse(c, a["eni"], b["eni"])
    c.create_route(RouteTableId=rta, DestinationCidrBlock="10.72.0.0/16", VpcPeeringConnectionId=pending)
    result["blackhole"] = analyse(c, a["eni"], pending_peer["eni"])
    c.create_route(RouteTableId=rta, DestinationCidrBlock="10.73.0.0/16", VpcPeeringConnectionId=ab)
    result["transitive"] = analyse(c, a["eni"], far["eni"])
    result["toPeering"] = analyse(c, a["eni"], ab)
    return result


@scenario("moreSituations")
def _():
    # Issue 11 point 3, the cases the first scenario leaves out: two peers with the same block
    # reached each through its own specific route (the peering guide's "specific routes"), a route
    # covering only part of the peer's block, the source/destination check, and IPv6 (the
    # analysis is IPv4 only, as Reachability Analyzer: REACHABILITY.md §3.7).
    c = client("777777777777")
    hub = vpc_with_eni(c, "10.80.0.0/16", "10.80.1.0/24")
    left = vpc_with_eni(c, "10.90.0.0/16", "10.90.1.0/24")
    right = vpc_with_eni(c, "10.90.0.0/16", "10.90.2.0/24")
    to_left, to_right = peer(c, hub, left), peer(c, hub, right)
    rt_hub = main_table(c, hub["vpc"])
    c.create_route(RouteTableId=rt_hub, DestinationCidrBlock="10.90.1.0/24", VpcPeeringConnectionId=to_left)
    c.create_route(RouteTableId=rt_hub, DestinationCidrBlock="10.90.2.0/24", VpcPeeringConnectionId=to_right)
    for side, pcx in ((left, to_left), (right, to_right)):
        c.create_route(RouteTableId=main_table(c, side["vpc"]), DestinationCidrBlock="10.80.0.0/16", VpcPeeringConnectionId=pcx)
        allow_ingress(c, side["vpc"], "10.80.0.0/16")
    result = {"overlapLeft": analyse(c, hub["eni"], left["eni"]), "overlapRight": analyse(c, hub["eni"], right["eni"])}
    result["overlapLeftPeering"] = to_left
    result["overlapRightPeering"] = to_right
    # A route for only the upper half of right's subnet: its interface (allocated from the bottom)
    # is left without a route.
    c.delete_route(RouteTableId=rt_hub, DestinationCidrBlock="10.90.2.0/24")
    c.create_route(RouteTableId=rt_hub, DestinationCidrBlock="10.90.2.128/25", VpcPeeringConnectionId=to_right)
    result["partialRoute"] = analyse(c, hub["eni"], right["eni"])
    result["rightIp"] = right["ip"]
    result["sourceDestCheck"] = analyse(c, hub["eni"], left["eni"], SourceIp="10.80.1.200")
    result["ipv6Refused"] = error_of(lambda: c.create_network_insights_path(Source=hub["eni"], Protocol="tcp", FilterAtSource={"DestinationAddress": "2600:1f18::1"}))
    return result


def route_state(c, table, cidr):
    routes = c.describe_route_tables(RouteTableIds=[table])["RouteTables"][0]["Routes"]
    return next((r["State"] for r in routes if r.get("DestinationCidrBlock") == cidr), None)


def use_acl(c, subnet, acl):
    owner = c.describe_network_acls(Filters=[{"Name": "association.subnet-id", "Values": [subnet]}])["NetworkAcls"][0]
    assoc = next(x["NetworkAclAssociationId"] for x in owner["Associations"] if x["SubnetId"] == subnet)
    c.replace_network_acl_association(AssociationId=assoc, NetworkAclId=acl)


@scenario("blackholes")
def _():
    # Issue 11 point 3, a blackhole from each status that is not active: rejected and deleted (the
    # first scenario covers pending-acceptance). The routes were made while the connections could
    # carry them; afterwards DescribeRouteTables says blackhole and the analysis BAD_STATE_ROUTE.
    c = client("121212121212")
    a = vpc_with_eni(c, "10.120.0.0/16", "10.120.1.0/24")
    rejected_peer = vpc_with_eni(c, "10.122.0.0/16", "10.122.1.0/24")
    deleted_peer = vpc_with_eni(c, "10.123.0.0/16", "10.123.1.0/24")
    rta = main_table(c, a["vpc"])
    rejected = peer(c, a, rejected_peer, accept=False)
    deleted = peer(c, a, deleted_peer)
    c.create_route(RouteTableId=rta, DestinationCidrBlock="10.122.0.0/16", VpcPeeringConnectionId=rejected)
    c.create_route(RouteTableId=rta, DestinationCidrBlock="10.123.0.0/16", VpcPeeringConnectionId=deleted)
    c.create_route(RouteTableId=main_table(c, deleted_peer["vpc"]), DestinationCidrBlock="10.120.0.0/16", VpcPeeringConnectionId=deleted)
    for far_side in (rejected_peer, deleted_peer):
        allow_ingress(c, far_side["vpc"], "10.120.0.0/16")
    result = {"beforeDelete": analyse(c, a["eni"], deleted_peer["eni"]), "activeState": route_state(c, rta, "10.123.0.0/16")}
    c.reject_vpc_peering_connection(VpcPeeringConnectionId=rejected)
    c.delete_vpc_peering_connection(VpcPeeringConnectionId=deleted)
    result["rejected"] = analyse(c, a["eni"], rejected_peer["eni"])
    result["deleted"] = analyse(c, a["eni"], deleted_peer["eni"])
    result["rejectedState"] = route_state(c, rta, "10.122.0.0/16")
    result["deletedState"] = route_state(c, rta, "10.123.0.0/16")
    result.update(table=rta, rejectedPeering=rejected, deletedPeering=deleted)
    return result


@scenario("routing")
def _():
    # Issue 11 point 3: a missing return route, longest-prefix match on the way back, edge-to-edge
    # routing through the peer's internet gateway, and transit through a fully routed middle VPC.
    c = client("131313131313")
    a = vpc_with_eni(c, "10.130.0.0/16", "10.130.1.0/24")
    b = vpc_with_eni(c, "10.131.0.0/16", "10.131.1.0/24")
    far = vpc_with_eni(c, "10.132.0.0/16", "10.132.1.0/24")
    # A twin of each with its block: A may route part of B's block to B's twin, B part of A's to A's.
    twin_a = vpc_with_eni(c, "10.130.0.0/16", "10.130.1.0/24")
    twin_b = vpc_with_eni(c, "10.131.0.0/16", "10.131.1.0/24")
    ab, bf, bt, at = peer(c, a, b), peer(c, b, far), peer(c, b, twin_a), peer(c, a, twin_b)
    rta, rtb, rtf = main_table(c, a["vpc"]), main_table(c, b["vpc"]), main_table(c, far["vpc"])
    allow_ingress(c, b["vpc"], "10.130.0.0/16")
    allow_ingress(c, far["vpc"], "10.130.0.0/16")
    c.create_route(RouteTableId=rta, DestinationCidrBlock="10.131.0.0/16", VpcPeeringConnectionId=ab)
    result = {"noReturnRoute": analyse(c, a["eni"], b["eni"])}
    c.create_route(RouteTableId=rtb, DestinationCidrBlock="10.130.0.0/16", VpcPeeringConnectionId=ab)
    result["found"] = analyse(c, a["eni"], b["eni"])
    # Longest prefix on each side: a more specific route to the twin wins over the one to the peer,
    # on A's table for the request, on B's for the reply.
    c.create_route(RouteTableId=rta, DestinationCidrBlock="10.131.1.0/24", VpcPeeringConnectionId=at)
    result["forwardMoreSpecific"] = analyse(c, a["eni"], b["eni"])
    c.delete_route(RouteTableId=rta, DestinationCidrBlock="10.131.1.0/24")
    c.create_route(RouteTableId=rtb, DestinationCidrBlock="10.130.1.0/24", VpcPeeringConnectionId=bt)
    result["returnMoreSpecific"] = analyse(c, a["eni"], b["eni"])
    c.delete_route(RouteTableId=rtb, DestinationCidrBlock="10.130.1.0/24")
    # Edge to edge: B's default route to its internet gateway; A sends everything else over the peering.
    igw = c.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    c.attach_internet_gateway(InternetGatewayId=igw, VpcId=b["vpc"])
    c.create_route(RouteTableId=rtb, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    c.create_route(RouteTableId=rta, DestinationCidrBlock="0.0.0.0/0", VpcPeeringConnectionId=ab)
    result["edgeToEdge"] = analyse(c, a["eni"], port=None, FilterAtSource={"DestinationAddress": "8.8.8.8", "DestinationPortRange": {"FromPort": 443, "ToPort": 443}})
    # Transit A -> B -> far with every table routed: the peering A-B still refuses far's addresses.
    c.create_route(RouteTableId=rta, DestinationCidrBlock="10.132.0.0/16", VpcPeeringConnectionId=ab)
    c.create_route(RouteTableId=rtb, DestinationCidrBlock="10.132.0.0/16", VpcPeeringConnectionId=bf)
    c.create_route(RouteTableId=rtf, DestinationCidrBlock="10.130.0.0/16", VpcPeeringConnectionId=bf)
    result["transitive"] = analyse(c, a["eni"], far["eni"])
    result.update(a=a, b=b, far=far, tableA=rta, tableB=rtb, ab=ab, toTwinOfA=bt, toTwinOfB=at, igw=igw)
    return result


@scenario("statefulness")
def _():
    # Issue 11 point 3: security groups are stateful (no egress rule is needed for the reply, only
    # for the request), network ACLs stateless (the reply needs its ephemeral-port rule); and the
    # source/destination check turned off.
    c = client("141414141414")
    a = vpc_with_eni(c, "10.140.0.0/16", "10.140.1.0/24")
    b = vpc_with_eni(c, "10.141.0.0/16", "10.141.1.0/24")
    ab = peer(c, a, b)
    route_both_ways(c, a, b, ab)
    group_b = allow_ingress(c, b["vpc"], "10.140.0.0/16")
    everything_out = [{"IpProtocol": "-1", "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]
    c.revoke_security_group_egress(GroupId=group_b, IpPermissions=everything_out)
    result = {"groupB": group_b, "replyWithoutEgressRule": analyse(c, a["eni"], b["eni"])}
    group_a = c.describe_network_interfaces(NetworkInterfaceIds=[a["eni"]])["NetworkInterfaces"][0]["Groups"][0]["GroupId"]
    c.revoke_security_group_egress(GroupId=group_a, IpPermissions=everything_out)
    result["requestWithoutEgressRule"] = analyse(c, a["eni"], b["eni"])
    c.authorize_security_group_egress(GroupId=group_a, IpPermissions=everything_out)
    result["groupA"] = group_a
    acl = c.create_network_acl(VpcId=b["vpc"])["NetworkAcl"]["NetworkAclId"]
    c.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False, CidrBlock="10.140.0.0/16", PortRange={"From": 443, "To": 443})
    use_acl(c, b["subnet"], acl)
    result["aclNoEphemeral"] = analyse(c, a["eni"], b["eni"])
    c.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=True, CidrBlock="10.140.0.0/16", PortRange={"From": 1024, "To": 65535})
    result["aclEphemeral"] = analyse(c, a["eni"], b["eni"])
    result["acl"] = acl
    # The check off: the interface may send from an address that is not its own.
    c.modify_network_interface_attribute(NetworkInterfaceId=a["eni"], SourceDestCheck={"Value": True})
    result["checkOn"] = analyse(c, a["eni"], b["eni"], SourceIp="10.140.1.200")
    c.modify_network_interface_attribute(NetworkInterfaceId=a["eni"], SourceDestCheck={"Value": False})
    result["checkOff"] = analyse(c, a["eni"], b["eni"], SourceIp="10.140.1.200")
    result["eniA"] = a["eni"]
    return result


@scenario("ipv6")
def _():
    # Issue 11 point 3, IPv6: the analysis is IPv4 only, as Reachability Analyzer's (REACHABILITY.md
    # §3.7). Between dual-stack VPCs an IPv6 route over the peering is accepted and active, but it
    # does not carry the path's IPv4 packets; the IPv4 route does.
    c = client("151515151515")
    ends = []
    for cidr, subnet_cidr in (("10.150.0.0/16", "10.150.1.0/24"), ("10.151.0.0/16", "10.151.1.0/24")):
        vpc = c.create_vpc(CidrBlock=cidr, AmazonProvidedIpv6CidrBlock=True)["Vpc"]["VpcId"]
        block = c.describe_vpcs(VpcIds=[vpc])["Vpcs"][0]["Ipv6CidrBlockAssociationSet"][0]["Ipv6CidrBlock"]
        subnet = c.create_subnet(VpcId=vpc, CidrBlock=subnet_cidr, Ipv6CidrBlock=block.replace("::/56", "::/64"))["Subnet"]["SubnetId"]
        eni = c.create_network_interface(SubnetId=subnet, Ipv6AddressCount=1)["NetworkInterface"]
        ends.append({"vpc": vpc, "cidr": cidr, "subnet": subnet, "eni": eni["NetworkInterfaceId"], "ip": eni["PrivateIpAddress"], "block": block, "ipv6": [x["Ipv6Address"] for x in eni.get("Ipv6Addresses", [])]})
    a, b = ends
    ab = peer(c, a, b)
    rta, rtb = main_table(c, a["vpc"]), main_table(c, b["vpc"])
    c.create_route(RouteTableId=rta, DestinationIpv6CidrBlock=b["block"], VpcPeeringConnectionId=ab)
    c.create_route(RouteTableId=rtb, DestinationIpv6CidrBlock=a["block"], VpcPeeringConnectionId=ab)
    group_b = c.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [b["vpc"]]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]["GroupId"]
    c.authorize_security_group_ingress(GroupId=group_b, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "Ipv6Ranges": [{"CidrIpv6": a["block"]}], "IpRanges": [{"CidrIp": "10.150.0.0/16"}]}])
    routes = c.describe_route_tables(RouteTableIds=[rta])["RouteTables"][0]["Routes"]
    result = {"ipv6RouteOnly": analyse(c, a["eni"], b["eni"]), "ipv6Routes": [[r.get("DestinationIpv6CidrBlock"), r.get("VpcPeeringConnectionId"), r["State"]] for r in routes if r.get("DestinationIpv6CidrBlock")]}
    route_both_ways(c, a, b, ab)
    result["ipv4Routes"] = analyse(c, a["eni"], b["eni"])
    result.update(a=a, b=b, ab=ab, tableA=rta)
    return result


@scenario("internet")
def _():
    # The Reachability Analyzer guide's getting-started CLI flow: an internet gateway as the source,
    # an instance with a public address as the destination, TCP with FilterAtSource's destination
    # port 22. Blocked by the default group (no SSH rule), then found once the rule exists.
    c = client("999999999999")
    web = vpc_with_eni(c, "10.110.0.0/16", "10.110.2.0/24")
    igw = c.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
    c.attach_internet_gateway(InternetGatewayId=igw, VpcId=web["vpc"])
    c.create_route(RouteTableId=main_table(c, web["vpc"]), DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
    instance = c.run_instances(ImageId="ami-0123456789abcdef0", InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=web["subnet"])["Instances"][0]["InstanceId"]
    eip = c.allocate_address(Domain="vpc")
    c.associate_address(InstanceId=instance, AllocationId=eip["AllocationId"])

    def analyse_ssh():
        p = c.create_network_insights_path(Source=igw, Destination=instance, Protocol="TCP", FilterAtSource={"DestinationPortRange": {"FromPort": 22, "ToPort": 22}})["NetworkInsightsPath"]
        nia = c.start_network_insights_analysis(NetworkInsightsPathId=p["NetworkInsightsPathId"])["NetworkInsightsAnalysis"]["NetworkInsightsAnalysisId"]
        a = c.describe_network_insights_analyses(NetworkInsightsAnalysisIds=[nia])["NetworkInsightsAnalyses"][0]
        return {
            "path": {k: p.get(k) for k in ("Source", "SourceArn", "Destination", "DestinationArn", "Protocol")},
            "found": a.get("NetworkPathFound"),
            "codes": [e.get("ExplanationCode") for e in a.get("Explanations", [])],
            "forward": [h["Component"]["Id"] for h in a.get("ForwardPathComponents", [])],
            "back": [h["Component"]["Id"] for h in a.get("ReturnPathComponents", [])],
            "gatewayIn": a["ForwardPathComponents"][0].get("InboundHeader", {}).get("DestinationAddresses"),
            "gatewayOut": a["ForwardPathComponents"][0].get("OutboundHeader", {}).get("DestinationAddresses"),
        }

    blocked = analyse_ssh()
    group = c.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]["SecurityGroups"][0]["GroupId"]
    c.authorize_security_group_ingress(GroupId=group, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}])
    found = analyse_ssh()
    # And out: from the instance's interface to the gateway.
    eni = c.describe_instances(InstanceIds=[instance])["Reservations"][0]["Instances"][0]["NetworkInterfaces"][0]["NetworkInterfaceId"]
    out = analyse(c, eni, igw)
    return {"igw": igw, "instance": instance, "publicIp": eip["PublicIp"], "blocked": blocked, "found": found, "out": out}


def two_regions(make):
    """A VPC in us-east-1 and one in eu-west-1 of one account, peered, routed both ways, B admitting
    TCP 443 from A: reachable, but only by an analysis that crosses Regions."""
    east, west = make("us-east-1"), make("eu-west-1")
    a = vpc_with_eni(east, "10.100.0.0/16", "10.100.1.0/24")
    b = vpc_with_eni(west, "10.101.0.0/16", "10.101.1.0/24")
    pcx = east.create_vpc_peering_connection(VpcId=a["vpc"], PeerVpcId=b["vpc"], PeerRegion="eu-west-1")["VpcPeeringConnection"]["VpcPeeringConnectionId"]
    west.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    east.create_route(RouteTableId=main_table(east, a["vpc"]), DestinationCidrBlock="10.101.0.0/16", VpcPeeringConnectionId=pcx)
    west.create_route(RouteTableId=main_table(west, b["vpc"]), DestinationCidrBlock="10.100.0.0/16", VpcPeeringConnectionId=pcx)
    allow_ingress(west, b["vpc"], "10.100.0.0/16")
    return east, a, f"arn:aws:ec2:eu-west-1:{INTER}:network-interface/{b['eni']}", b["ip"], pcx


INTER = "888888888888"


@scenario("regions")
def _():
    # AWS: "The source and destination resources must be in the same Region" (How Reachability
    # Analyzer works), and it analyses one Region: a path into another Region is refused, a path to
    # the peering (which lives in both Regions) is fine, and an address beyond it stops at the peering.
    east, a, b_arn, b_ip, pcx = two_regions(lambda region: client(INTER, region))
    by_address = east.create_network_insights_path(Source=a["eni"], Protocol="tcp", FilterAtSource={"DestinationAddress": b_ip, "DestinationPortRange": {"FromPort": 443, "ToPort": 443}})["NetworkInsightsPath"]["NetworkInsightsPathId"]
    nia = east.start_network_insights_analysis(NetworkInsightsPathId=by_address)["NetworkInsightsAnalysis"]["NetworkInsightsAnalysisId"]
    stopped = east.describe_network_insights_analyses(NetworkInsightsAnalysisIds=[nia])["NetworkInsightsAnalyses"][0]
    return {
        "crossRegion": error_of(lambda: east.create_network_insights_path(Source=a["eni"], Destination=b_arn, Protocol="tcp", DestinationPort=443)),
        "toPeering": analyse(east, a["eni"], pcx),
        "byAddress": {"found": stopped["NetworkPathFound"], "explanations": [[e["ExplanationCode"], e.get("ComponentRegion")] for e in stopped["Explanations"]]},
        "source": a["eni"],
        "destinationArn": b_arn,
        "peering": pcx,
    }


if INTER_REGION_URL:
    client_ir = client_factory(INTER_REGION_URL, read_timeout=30)

    @scenario("interRegion")
    def _():
        # The same world on a server started with --reach-inter-region: the path is created and found.
        east, a, b_arn, _, pcx = two_regions(lambda region: client_ir(INTER, region))
        return {"found": analyse(east, a["eni"], b_arn), "peering": pcx}


print(json.dumps(out, indent=1, sort_keys=True, default=str))
