#!/usr/bin/env python3
"""Drives security groups and network ACLs with boto3 across two accounts; prints one JSON document.

Usage: python3 test/boto3/security-acl.py <endpoint-url>

test/boto3/security-acl.test.ts asserts the facts: default group and ACL rules, rules that
reference a peer account's group through an active peering (UserIdGroupPairs with UserId, VpcId,
VpcPeeringConnectionId), what Describe shows for them, DescribeSecurityGroupReferences on both
sides, ModifySecurityGroupRules and the rule description updates, DescribeStaleSecurityGroups
once a referenced group and then the peering are deleted, and every network ACL operation with
its errors. Each scenario runs on its own; an unexpected exception is recorded under its name.
"""

import json

from boto_support import client_factory, endpoint_from_argv, error_of, scenario_recorder

URL = endpoint_from_argv("security-acl.py")

A = "311111111111"
B = "322222222222"


client = client_factory(URL, read_timeout=15)


def strip(o):
    """Drops ResponseMetadata so the document holds only what the operation answered."""
    return {k: v for k, v in o.items() if k != "ResponseMetadata"}


a = client(A)
unchecked = client_factory(URL, parameter_validation=False)(A)
b = client(B)
b_west = client(B, "us-west-2")
out = {"accounts": {"a": A, "b": B}}
w = {}  # the world the scenarios share


scenario = scenario_recorder(out)


def default_group(ec2, vpc_id):
    return ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [vpc_id]}, {"Name": "group-name", "Values": ["default"]}])["SecurityGroups"][0]


@scenario("defaults")
def _():
    w["vpcA"] = a.create_vpc(CidrBlock="10.61.0.0/16")["Vpc"]["VpcId"]
    w["vpcB"] = b.create_vpc(CidrBlock="10.62.0.0/16")["Vpc"]["VpcId"]
    w["vpc6"] = a.create_vpc(CidrBlock="10.63.0.0/16", AmazonProvidedIpv6CidrBlock=True)["Vpc"]["VpcId"]
    w["subnetA"] = a.create_subnet(VpcId=w["vpcA"], CidrBlock="10.61.1.0/24")["Subnet"]["SubnetId"]
    dg = default_group(a, w["vpcA"])
    dg6 = default_group(a, w["vpc6"])
    w["sgA"] = a.create_security_group(GroupName="app-a", Description="app in A", VpcId=w["vpcA"])["GroupId"]
    w["sgB"] = b.create_security_group(GroupName="db-b", Description="db in B", VpcId=w["vpcB"])["GroupId"]
    w["sgB2"] = b.create_security_group(GroupName="cache-b", Description="cache in B", VpcId=w["vpcB"])["GroupId"]
    new = a.describe_security_groups(GroupIds=[w["sgA"]])["SecurityGroups"][0]
    acl = a.describe_network_acls(Filters=[{"Name": "vpc-id", "Values": [w["vpcA"]]}, {"Name": "default", "Values": ["true"]}])["NetworkAcls"][0]
    acl6 = a.describe_network_acls(Filters=[{"Name": "vpc-id", "Values": [w["vpc6"]]}, {"Name": "default", "Values": ["true"]}])["NetworkAcls"][0]
    w["defaultAclA"] = acl["NetworkAclId"]
    return {
        "defaultGroup": {"id": dg["GroupId"], "ingress": dg["IpPermissions"], "egress": dg["IpPermissionsEgress"], "description": dg["Description"]},
        "defaultGroupIpv6Egress": dg6["IpPermissionsEgress"],
        "newGroup": {"ingress": new["IpPermissions"], "egress": new["IpPermissionsEgress"]},
        "defaultAcl": acl["Entries"],
        "defaultAclIpv6": acl6["Entries"],
    }


@scenario("beforePeering")
def _():
    pair = {"GroupId": w["sgB"], "UserId": B}
    return error_of(lambda: a.authorize_security_group_ingress(GroupId=w["sgA"], IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "UserIdGroupPairs": [pair]}]))


@scenario("peering")
def _():
    pcx = a.create_vpc_peering_connection(VpcId=w["vpcA"], PeerVpcId=w["vpcB"], PeerOwnerId=B)["VpcPeeringConnection"]["VpcPeeringConnectionId"]
    b.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    w["pcx"] = pcx
    return a.describe_vpc_peering_connections(VpcPeeringConnectionIds=[pcx])["VpcPeeringConnections"][0]["Status"]["Code"]


@scenario("authorize")
def _():
    pair = {"GroupId": w["sgB"], "UserId": B, "VpcId": w["vpcB"], "VpcPeeringConnectionId": w["pcx"], "Description": "ssh from db"}
    ingress = a.authorize_security_group_ingress(
        GroupId=w["sgA"],
        IpPermissions=[
            {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "UserIdGroupPairs": [pair]},
            {"IpProtocol": "udp", "FromPort": 53, "ToPort": 53, "IpRanges": [{"CidrIp": "10.62.0.0/16"}], "Ipv6Ranges": [{"CidrIpv6": "2001:db8::/32"}]},
            {"IpProtocol": "icmp", "FromPort": 8, "ToPort": -1, "IpRanges": [{"CidrIp": "10.62.0.0/16"}]},
            {"IpProtocol": "icmpv6", "FromPort": -1, "ToPort": -1, "Ipv6Ranges": [{"CidrIpv6": "::/0"}]},
            {"IpProtocol": "50", "IpRanges": [{"CidrIp": "10.62.9.0/24"}]},
        ],
    )
    w["ruleSsh"] = ingress["SecurityGroupRules"][0]["SecurityGroupRuleId"]
    w["ruleDns"] = ingress["SecurityGroupRules"][1]["SecurityGroupRuleId"]
    # The group to be deleted later: referenced by UserId + GroupId only.
    cache = a.authorize_security_group_ingress(GroupId=w["sgA"], IpPermissions=[{"IpProtocol": "tcp", "FromPort": 6379, "ToPort": 6379, "UserIdGroupPairs": [{"GroupId": w["sgB2"], "UserId": B}]}])
    w["ruleCache"] = cache["SecurityGroupRules"][0]["SecurityGroupRuleId"]
    # B's side: egress to A's group, the "<account>/sg-…" pair Terraform sends.
    egress = b.authorize_security_group_egress(GroupId=w["sgB"], IpPermissions=[{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": w["sgA"], "UserId": A}]}])
    w["ruleBEgress"] = egress["SecurityGroupRules"][0]["SecurityGroupRuleId"]
    duplicate = error_of(lambda: a.authorize_security_group_ingress(GroupId=w["sgA"], IpPermissions=[{"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "UserIdGroupPairs": [{"GroupId": w["sgB"], "UserId": B}]}]))
    wrong_pcx = error_of(lambda: a.authorize_security_group_ingress(GroupId=w["sgA"], IpPermissions=[{"IpProtocol": "tcp", "FromPort": 23, "ToPort": 23, "UserIdGroupPairs": [{"GroupId": w["sgB"], "UserId": B, "VpcPeeringConnectionId": "pcx-0123456789abcdef0"}]}]))
    no_user = error_of(lambda: a.authorize_security_group_ingress(GroupId=w["sgA"], IpPermissions=[{"IpProtocol": "tcp", "FromPort": 24, "ToPort": 24, "UserIdGroupPairs": [{"GroupId": w["sgB"]}]}]))
    no_ports = error_of(lambda: a.authorize_security_group_ingress(GroupId=w["sgA"], IpPermissions=[{"IpProtocol": "tcp", "IpRanges": [{"CidrIp": "10.0.0.0/8"}]}]))
    return {"ingress": ingress["SecurityGroupRules"], "egress": egress["SecurityGroupRules"], "return": ingress["Return"], "duplicate": duplicate, "wrongPcx": wrong_pcx, "noUserId": no_user, "noPorts": no_ports}


@scenario("crossRegion")
def _():
    vpc_w = b_west.create_vpc(CidrBlock="10.64.0.0/16")["Vpc"]["VpcId"]
    sg_w = b_west.create_security_group(GroupName="west", Description="west", VpcId=vpc_w)["GroupId"]
    pcx = a.create_vpc_peering_connection(VpcId=w["vpcA"], PeerVpcId=vpc_w, PeerOwnerId=B, PeerRegion="us-west-2")["VpcPeeringConnection"]["VpcPeeringConnectionId"]
    b_west.accept_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    status = a.describe_vpc_peering_connections(VpcPeeringConnectionIds=[pcx])["VpcPeeringConnections"][0]["Status"]["Code"]
    err = error_of(lambda: a.authorize_security_group_ingress(GroupId=w["sgA"], IpPermissions=[{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "UserIdGroupPairs": [{"GroupId": sg_w, "UserId": B, "VpcPeeringConnectionId": pcx}]}]))
    a.delete_vpc_peering_connection(VpcPeeringConnectionId=pcx)
    return {"status": status, "group": sg_w, "error": err}


@scenario("describe")
def _():
    g = a.describe_security_groups(GroupIds=[w["sgA"]])["SecurityGroups"][0]
    rules = a.describe_security_group_rules(Filters=[{"Name": "group-id", "Values": [w["sgA"]]}])["SecurityGroupRules"]
    by_user = a.describe_security_groups(Filters=[{"Name": "ip-permission.user-id", "Values": [B]}])["SecurityGroups"]
    b_rules = b.describe_security_group_rules(SecurityGroupRuleIds=[w["ruleBEgress"]])["SecurityGroupRules"]
    return {
        "ingress": g["IpPermissions"],
        "ruleSsh": next(r for r in rules if r["SecurityGroupRuleId"] == w["ruleSsh"]),
        "byUserId": [x["GroupId"] for x in by_user],
        "bRule": b_rules[0],
    }


@scenario("references")
def _():
    return {
        "b": strip(b.describe_security_group_references(GroupId=[w["sgB"], w["sgB2"]])),
        "a": strip(a.describe_security_group_references(GroupId=[w["sgA"]])),
        "intruder": error_of(lambda: a.describe_security_group_references(GroupId=[w["sgB"]])),
        "missing": error_of(lambda: a.describe_security_group_references(GroupId=[])),
    }


@scenario("modify")
def _():
    changed = a.modify_security_group_rules(
        GroupId=w["sgA"],
        SecurityGroupRules=[{"SecurityGroupRuleId": w["ruleDns"], "SecurityGroupRule": {"IpProtocol": "tcp", "FromPort": 5353, "ToPort": 5354, "CidrIpv4": "10.62.7.0/24", "Description": "mdns"}}],
    )
    # Terraform's aws_vpc_security_group_ingress_rule sends "<account>/sg-…" as ReferencedGroupId.
    a.modify_security_group_rules(
        GroupId=w["sgA"],
        SecurityGroupRules=[{"SecurityGroupRuleId": w["ruleSsh"], "SecurityGroupRule": {"IpProtocol": "tcp", "FromPort": 2222, "ToPort": 2222, "ReferencedGroupId": f"{B}/{w['sgB']}", "Description": "ssh from db"}}],
    )
    rules = {r["SecurityGroupRuleId"]: r for r in a.describe_security_group_rules(SecurityGroupRuleIds=[w["ruleDns"], w["ruleSsh"]])["SecurityGroupRules"]}
    unknown = error_of(lambda: a.modify_security_group_rules(GroupId=w["sgA"], SecurityGroupRules=[{"SecurityGroupRuleId": "sgr-0123456789abcdef0", "SecurityGroupRule": {"IpProtocol": "-1", "CidrIpv4": "0.0.0.0/0"}}]))
    bad_port = error_of(lambda: a.modify_security_group_rules(GroupId=w["sgA"], SecurityGroupRules=[{"SecurityGroupRuleId": w["ruleDns"], "SecurityGroupRule": {"IpProtocol": "tcp", "FromPort": 9, "ToPort": 1, "CidrIpv4": "10.0.0.0/8"}}]))
    two_peers = error_of(lambda: a.modify_security_group_rules(GroupId=w["sgA"], SecurityGroupRules=[{"SecurityGroupRuleId": w["ruleDns"], "SecurityGroupRule": {"IpProtocol": "-1", "CidrIpv4": "10.0.0.0/8", "CidrIpv6": "::/0"}}]))
    intruder = error_of(lambda: b.modify_security_group_rules(GroupId=w["sgA"], SecurityGroupRules=[{"SecurityGroupRuleId": w["ruleDns"], "SecurityGroupRule": {"IpProtocol": "-1", "CidrIpv4": "10.0.0.0/8"}}]))
    dry = error_of(lambda: a.modify_security_group_rules(DryRun=True, GroupId=w["sgA"], SecurityGroupRules=[{"SecurityGroupRuleId": w["ruleDns"], "SecurityGroupRule": {"IpProtocol": "-1", "CidrIpv4": "10.0.0.0/8"}}]))
    after = a.describe_security_group_rules(SecurityGroupRuleIds=[w["ruleDns"]])["SecurityGroupRules"][0]
    return {"return": changed["Return"], "dns": rules[w["ruleDns"]], "ssh": rules[w["ruleSsh"]], "unknown": unknown, "badPort": bad_port, "twoPeers": two_peers, "intruder": intruder, "dryRun": dry, "unchangedAfterErrors": after == rules[w["ruleDns"]]}


@scenario("descriptions")
def _():
    by_perm = a.update_security_group_rule_descriptions_ingress(
        GroupId=w["sgA"], IpPermissions=[{"IpProtocol": "tcp", "FromPort": 5353, "ToPort": 5354, "IpRanges": [{"CidrIp": "10.62.7.0/24", "Description": "multicast dns"}]}]
    )
    by_id = b.update_security_group_rule_descriptions_egress(GroupId=w["sgB"], SecurityGroupRuleDescriptions=[{"SecurityGroupRuleId": w["ruleBEgress"], "Description": "to app"}])
    missing = error_of(lambda: a.update_security_group_rule_descriptions_ingress(GroupId=w["sgA"], IpPermissions=[{"IpProtocol": "tcp", "FromPort": 1, "ToPort": 1, "IpRanges": [{"CidrIp": "10.9.9.0/24", "Description": "x"}]}]))
    wrong_direction = error_of(lambda: b.update_security_group_rule_descriptions_ingress(GroupId=w["sgB"], SecurityGroupRuleDescriptions=[{"SecurityGroupRuleId": w["ruleBEgress"], "Description": "x"}]))
    dns = a.describe_security_group_rules(SecurityGroupRuleIds=[w["ruleDns"]])["SecurityGroupRules"][0]
    egress = b.describe_security_group_rules(SecurityGroupRuleIds=[w["ruleBEgress"]])["SecurityGroupRules"][0]
    return {"returns": [by_perm["Return"], by_id["Return"]], "dns": dns.get("Description"), "egress": egress.get("Description"), "missing": missing, "wrongDirection": wrong_direction}


@scenario("stale")
def _():
    before = strip(a.describe_stale_security_groups(VpcId=w["vpcA"]))
    b.delete_security_group(GroupId=w["sgB2"])
    group_gone = strip(a.describe_stale_security_groups(VpcId=w["vpcA"]))
    b.delete_vpc_peering_connection(VpcPeeringConnectionId=w["pcx"])
    peering_gone_a = strip(a.describe_stale_security_groups(VpcId=w["vpcA"]))
    peering_gone_b = strip(b.describe_stale_security_groups(VpcId=w["vpcB"]))
    # The rules stay in their groups; Describe shows the connection as deleted.
    g = a.describe_security_groups(GroupIds=[w["sgA"]])["SecurityGroups"][0]
    refs = strip(b.describe_security_group_references(GroupId=[w["sgB"]]))
    # A stale rule can still be revoked, by id.
    revoked = a.revoke_security_group_ingress(GroupId=w["sgA"], SecurityGroupRuleIds=[w["ruleCache"]])
    # And by content: B's stale egress rule, named by the peer group it references.
    revoked_egress = b.revoke_security_group_egress(GroupId=w["sgB"], IpPermissions=[{"IpProtocol": "tcp", "FromPort": 8080, "ToPort": 8080, "UserIdGroupPairs": [{"GroupId": w["sgA"], "UserId": A}]}])
    b_after = strip(b.describe_stale_security_groups(VpcId=w["vpcB"]))
    pages = list(a.get_paginator("describe_stale_security_groups").paginate(VpcId=w["vpcA"], PaginationConfig={"PageSize": 5}))
    return {
        "before": before,
        "groupGone": group_gone,
        "peeringGoneA": peering_gone_a,
        "peeringGoneB": peering_gone_b,
        "stillThere": g["IpPermissions"],
        "referencesAfter": refs,
        "revoked": [r["SecurityGroupRuleId"] for r in revoked["RevokedSecurityGroupRules"]],
        "revokedEgress": [r["SecurityGroupRuleId"] for r in revoked_egress["RevokedSecurityGroupRules"]],
        "bAfterRevoke": b_after,
        "paginated": [x["GroupId"] for p in pages for x in p["StaleSecurityGroupSet"]],
        # botocore checks the 5-255 range itself; unchecked, the server must refuse it too.
        "badMax": error_of(lambda: unchecked.describe_stale_security_groups(VpcId=w["vpcA"], MaxResults=4)),
        "otherVpc": error_of(lambda: a.describe_stale_security_groups(VpcId=w["vpcB"])),
    }


@scenario("acl")
def _():
    created = a.create_network_acl(VpcId=w["vpcA"], TagSpecifications=[{"ResourceType": "network-acl", "Tags": [{"Key": "Name", "Value": "web"}]}])["NetworkAcl"]
    acl = created["NetworkAclId"]
    e = {}
    a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False, CidrBlock="10.62.0.0/16", PortRange={"From": 22, "To": 22})
    a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=110, Protocol="1", RuleAction="allow", Egress=False, CidrBlock="10.62.0.0/16", IcmpTypeCode={"Type": 8, "Code": -1})
    a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=120, Protocol="-1", RuleAction="deny", Egress=False, Ipv6CidrBlock="2001:db8::/32")
    a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=True, CidrBlock="10.62.0.0/16", PortRange={"From": 1024, "To": 65535})
    e["duplicate"] = error_of(lambda: a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="-1", RuleAction="allow", Egress=False, CidrBlock="0.0.0.0/0"))
    e["reserved"] = error_of(lambda: a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=32767, Protocol="-1", RuleAction="allow", Egress=False, CidrBlock="0.0.0.0/0"))
    e["zero"] = error_of(lambda: a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=0, Protocol="-1", RuleAction="allow", Egress=False, CidrBlock="0.0.0.0/0"))
    e["noPorts"] = error_of(lambda: a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=130, Protocol="17", RuleAction="allow", Egress=False, CidrBlock="0.0.0.0/0"))
    e["name"] = error_of(lambda: a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=130, Protocol="tcp", RuleAction="allow", Egress=False, CidrBlock="0.0.0.0/0", PortRange={"From": 1, "To": 2}))
    e["noIcmp"] = error_of(lambda: a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=130, Protocol="1", RuleAction="allow", Egress=False, CidrBlock="0.0.0.0/0"))
    e["badAction"] = error_of(lambda: a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=130, Protocol="-1", RuleAction="maybe", Egress=False, CidrBlock="0.0.0.0/0"))
    e["intruder"] = error_of(lambda: b.create_network_acl_entry(NetworkAclId=acl, RuleNumber=130, Protocol="-1", RuleAction="allow", Egress=False, CidrBlock="0.0.0.0/0"))
    a.replace_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False, CidrBlock="10.62.0.0/16", PortRange={"From": 22, "To": 23})
    e["replaceMissing"] = error_of(lambda: a.replace_network_acl_entry(NetworkAclId=acl, RuleNumber=999, Protocol="-1", RuleAction="allow", Egress=False, CidrBlock="0.0.0.0/0"))
    a.delete_network_acl_entry(NetworkAclId=acl, RuleNumber=120, Egress=False)
    e["deleteMissing"] = error_of(lambda: a.delete_network_acl_entry(NetworkAclId=acl, RuleNumber=120, Egress=False))
    # The 21st rule of one direction is over the default quota of 20.
    for n in range(1, 19):
        a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=1000 + n, Protocol="-1", RuleAction="deny", Egress=False, CidrBlock=f"192.168.{n}.0/24")
    e["limit"] = error_of(lambda: a.create_network_acl_entry(NetworkAclId=acl, RuleNumber=2000, Protocol="-1", RuleAction="deny", Egress=False, CidrBlock="192.168.200.0/24"))
    for n in range(1, 19):
        a.delete_network_acl_entry(NetworkAclId=acl, RuleNumber=1000 + n, Egress=False)
    entries = a.describe_network_acls(NetworkAclIds=[acl])["NetworkAcls"][0]["Entries"]
    current = a.describe_network_acls(Filters=[{"Name": "association.subnet-id", "Values": [w["subnetA"]]}])["NetworkAcls"][0]
    assoc = next(x for x in current["Associations"] if x["SubnetId"] == w["subnetA"])
    moved = a.replace_network_acl_association(AssociationId=assoc["NetworkAclAssociationId"], NetworkAclId=acl)["NewAssociationId"]
    now_on = a.describe_network_acls(Filters=[{"Name": "association.subnet-id", "Values": [w["subnetA"]]}])["NetworkAcls"][0]["NetworkAclId"]
    e["deleteAssociated"] = error_of(lambda: a.delete_network_acl(NetworkAclId=acl))
    e["unknownAssociation"] = error_of(lambda: a.replace_network_acl_association(AssociationId="aclassoc-0123456789abcdef0", NetworkAclId=acl))
    back = a.replace_network_acl_association(AssociationId=moved, NetworkAclId=w["defaultAclA"])["NewAssociationId"]
    e["deleteDefault"] = error_of(lambda: a.delete_network_acl(NetworkAclId=w["defaultAclA"]))
    a.delete_network_acl(NetworkAclId=acl)
    e["deleteAgain"] = error_of(lambda: a.delete_network_acl(NetworkAclId=acl))
    return {"created": created, "entries": entries, "movedTo": now_on, "moved": moved, "back": back, "acl": acl, "errors": e}


@scenario("aclDefaultEdits")
def _():
    # aws_default_network_acl replaces the default rules in place.
    acl = w["defaultAclA"]
    a.replace_network_acl_entry(NetworkAclId=acl, RuleNumber=100, Protocol="6", RuleAction="allow", Egress=False, CidrBlock="10.0.0.0/8", PortRange={"From": 443, "To": 443})
    entry = next(x for x in a.describe_network_acls(NetworkAclIds=[acl])["NetworkAcls"][0]["Entries"] if x["RuleNumber"] == 100 and not x["Egress"])
    return {"entry": entry, "catchAll": error_of(lambda: a.delete_network_acl_entry(NetworkAclId=acl, RuleNumber=32767, Egress=False))}


# The ids the scenarios made, for the test to assert exact references.
out["world"] = w
print(json.dumps(out, default=str, indent=1))
