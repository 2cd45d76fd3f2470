#!/usr/bin/env python3
"""Drives DescribeInstances, DescribeInstanceStatus and DescribeNetworkInterfaces filters, and the
refusals of RunInstances, ModifyNetworkInterfaceAttribute and ModifyInstanceAttribute, with boto3;
prints one JSON document.

Usage: python3 test/boto3/instance-checks.py <endpoint-url>

test/boto3/instance-checks.test.ts asserts the facts: that every filter name botocore's own model
documents for the three Describe calls is taken (the names are read from the installed botocore,
not copied here), that each filter matches what the answer shows, and the codes and messages of
the refusals. Each scenario runs on its own; an unexpected exception is recorded under its name.
"""

import json
import re

import botocore.session

from boto_support import client_factory, endpoint_from_argv, error_of, scenario_recorder

URL = endpoint_from_argv("instance-checks.py")
AMI = "ami-0123456789abcdef0"

client = client_factory(URL)
ec2 = client("666666666666", "eu-west-1")
out = {}
scenario = scenario_recorder(out)


def documented_filters(operation):
    """The filter names the model documents for an operation (`tag:<key>` as `tag:Name`)."""
    doc = botocore.session.get_session().get_service_model("ec2").operation_model(operation).input_shape.members["Filters"].documentation
    names = re.findall(r"<li>\s*<p>\s*<code>([^<]+)</code>", doc)
    return ["tag:Name" if n.startswith("tag:") or n == "tag" else n for n in names]


NAMES = {}


def named(ids):
    """Ids as the names this script gave them, sorted."""
    return sorted(NAMES.get(i, i) for i in ids)


def instances(*filters):
    """The instances (by name) a DescribeInstances with these (name, value) filters answers."""
    r = ec2.describe_instances(Filters=[{"Name": n, "Values": [v]} for n, v in filters])
    return named(i["InstanceId"] for res in r["Reservations"] for i in res["Instances"])


# The world: a VPC with two subnets; `web` launched with a group, a fixed address, metadata
# tokens required and an Elastic IP (the VPC has an internet gateway), and a second tagged interface with a secondary address;
# `db` in the other zone, stopped.
vpc = ec2.create_vpc(CidrBlock="10.91.0.0/16")["Vpc"]["VpcId"]
subnet_a = ec2.create_subnet(VpcId=vpc, CidrBlock="10.91.1.0/24", AvailabilityZone="eu-west-1a")["Subnet"]["SubnetId"]
subnet_b = ec2.create_subnet(VpcId=vpc, CidrBlock="10.91.2.0/24", AvailabilityZone="eu-west-1b")["Subnet"]["SubnetId"]
sg = ec2.create_security_group(GroupName="web", Description="web", VpcId=vpc)["GroupId"]
web = ec2.run_instances(
    ImageId=AMI, InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=subnet_a, SecurityGroupIds=[sg], PrivateIpAddress="10.91.1.10",
    MetadataOptions={"HttpTokens": "required"},
)["Instances"][0]["InstanceId"]
db = ec2.run_instances(ImageId=AMI, InstanceType="t3.micro", MinCount=1, MaxCount=1, SubnetId=subnet_b)["Instances"][0]["InstanceId"]
extra = ec2.create_network_interface(
    SubnetId=subnet_a, PrivateIpAddress="10.91.1.20", SecondaryPrivateIpAddressCount=1,
    TagSpecifications=[{"ResourceType": "network-interface", "Tags": [{"Key": "Role", "Value": "extra"}]}],
)["NetworkInterface"]
ec2.attach_network_interface(NetworkInterfaceId=extra["NetworkInterfaceId"], InstanceId=web, DeviceIndex=1)
secondary = [p["PrivateIpAddress"] for p in extra["PrivateIpAddresses"] if not p["Primary"]][0]
igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
eip = ec2.allocate_address(Domain="vpc")
ec2.associate_address(AllocationId=eip["AllocationId"], InstanceId=web)
ec2.stop_instances(InstanceIds=[db])
NAMES.update({web: "web", db: "db", extra["NetworkInterfaceId"]: "extra"})
described = {i["InstanceId"]: i for r in ec2.describe_instances(InstanceIds=[web, db])["Reservations"] for i in r["Instances"]}
NAMES[next(n["NetworkInterfaceId"] for n in described[web]["NetworkInterfaces"] if n["Attachment"]["DeviceIndex"] == 0)] = "web-primary"


@scenario("world")
def _():
    return {"web": web, "db": db, "extra": extra["NetworkInterfaceId"], "secondary": secondary, "eip": eip["PublicIp"]}


@scenario("documented")
def _():
    """Every documented name is taken: the refusals, if any, by name."""
    calls = {
        "DescribeInstances": lambda f: ec2.describe_instances(Filters=f),
        "DescribeInstanceStatus": lambda f: ec2.describe_instance_status(Filters=f, IncludeAllInstances=True),
        "DescribeNetworkInterfaces": lambda f: ec2.describe_network_interfaces(Filters=f),
    }
    result = {}
    for operation, call in calls.items():
        names = documented_filters(operation)
        refused = {n: error_of(lambda n=n: call([{"Name": n, "Values": ["x"]}])) for n in names}
        result[operation] = {"count": len(names), "refused": {n: e for n, e in refused.items() if not e.get("noError")}}
    return result


@scenario("unknown")
def _():
    bad = [{"Name": "dns_name", "Values": ["x"]}]
    return {
        "instances": error_of(lambda: ec2.describe_instances(Filters=bad)),
        "status": error_of(lambda: ec2.describe_instance_status(Filters=bad)),
        "interfaces": error_of(lambda: ec2.describe_network_interfaces(Filters=bad)),
    }


@scenario("shown")
def _():
    w = described[web]
    return {
        "zoneId": w["Placement"].get("AvailabilityZoneId"),
        "publicIp": w.get("PublicIpAddress"),
        "httpTokens": w["MetadataOptions"]["HttpTokens"],
        "platformDetails": w["PlatformDetails"],
        "interfaces": [NAMES.get(n["NetworkInterfaceId"]) for n in sorted(w["NetworkInterfaces"], key=lambda n: n["Attachment"]["DeviceIndex"])],
        "dbReason": described[db]["StateReason"]["Code"],
    }


@scenario("instanceFilters")
def _():
    w = described[web]
    day = w["LaunchTime"].strftime("%Y-%m-%dT*")
    return {
        # Addresses and names: the primary address only, or every address of every interface.
        "network-interface.private-ip-address": instances(("network-interface.private-ip-address", "10.91.1.20")),
        "network-interface.addresses.private-ip-address": instances(("network-interface.addresses.private-ip-address", secondary)),
        "private-ip-address of a second interface": instances(("private-ip-address", "10.91.1.20")),
        "private-dns-name": instances(("private-dns-name", w["PrivateDnsName"])),
        "dns-name": instances(("dns-name", "*")),
        "network-interface.addresses.primary=false": instances(("network-interface.addresses.primary", "false")),
        "network-interface.addresses.primary=true": instances(("network-interface.addresses.primary", "true")),
        # Interfaces, their groups, subnets, tags and attachments.
        "network-interface.status": instances(("network-interface.status", "in-use")),
        "network-interface.attachment.instance-id": instances(("network-interface.attachment.instance-id", web)),
        "network-interface.attachment.device-index": instances(("network-interface.attachment.device-index", "1")),
        "network-interface.subnet-id": instances(("network-interface.subnet-id", subnet_b)),
        "network-interface.vpc-id": instances(("network-interface.vpc-id", vpc)),
        "network-interface.group-id": instances(("network-interface.group-id", sg)),
        "network-interface.tag-key": instances(("network-interface.tag-key", "Role")),
        "network-interface.tag-value": instances(("network-interface.tag-value", "extr?")),
        # Public addresses: the Elastic IP on the primary address.
        "ip-address": instances(("ip-address", eip["PublicIp"])),
        "network-interface.association.public-ip": instances(("network-interface.association.public-ip", eip["PublicIp"])),
        "network-interface.addresses.association.allocation-id": instances(("network-interface.addresses.association.allocation-id", eip["AllocationId"])),
        # Placement, state, times, image and type facts.
        "availability-zone-id": instances(("availability-zone-id", w["Placement"].get("AvailabilityZoneId", "none"))),
        "launch-time that day": instances(("launch-time", day)),
        "launch-time another day": instances(("launch-time", "1999-*")),
        "usage-operation-update-time": instances(("usage-operation-update-time", day)),
        "state-reason-code": instances(("state-reason-code", "Client.UserInitiatedShutdown")),
        "reason": instances(("reason", "User initiated (*")),
        "metadata-options.http-tokens=required": instances(("metadata-options.http-tokens", "required")),
        "metadata-options.http-tokens=optional": instances(("metadata-options.http-tokens", "optional")),
        "platform-details": instances(("platform-details", "Linux/UNIX")),
        "tenancy": instances(("tenancy", "default")),
        "ebs-optimized": instances(("ebs-optimized", "false")),
        "ena-support": instances(("ena-support", "true")),
        "monitoring-state": instances(("monitoring-state", "disabled")),
        "architecture": instances(("architecture", "x86_64")),
        # What no instance here has: nothing matches.
        "instance-lifecycle": instances(("instance-lifecycle", "spot")),
        "platform": instances(("platform", "windows")),
        "iam-instance-profile.arn": instances(("iam-instance-profile.arn", "*")),
        "block-device-mapping.volume-id": instances(("block-device-mapping.volume-id", "*")),
    }


@scenario("statusFilters")
def _():
    def status(*filters):
        r = ec2.describe_instance_status(IncludeAllInstances=True, Filters=[{"Name": n, "Values": [v]} for n, v in filters])
        return named(s["InstanceId"] for s in r["InstanceStatuses"])

    shown = ec2.describe_instance_status(InstanceIds=[web])["InstanceStatuses"][0]
    return {
        "zoneIdShown": shown.get("AvailabilityZoneId"),
        "availability-zone-id": status(("availability-zone-id", shown.get("AvailabilityZoneId", "none"))),
        "attached-ebs-status.status": status(("attached-ebs-status.status", "ok")),
        "instance-status.reachability": status(("instance-status.reachability", "passed")),
        "system-status.status": status(("system-status.status", "not-applicable")),
        "operator.managed": status(("operator.managed", "false")),
        "event.code": status(("event.code", "*")),
    }


@scenario("interfaceFilters")
def _():
    def enis(name, value):
        r = ec2.describe_network_interfaces(Filters=[{"Name": name, "Values": [value]}, {"Name": "vpc-id", "Values": [vpc]}])
        return named(n["NetworkInterfaceId"] for n in r["NetworkInterfaces"])

    shown = ec2.describe_network_interfaces(NetworkInterfaceIds=[extra["NetworkInterfaceId"]])["NetworkInterfaces"][0]
    return {
        "zoneIdShown": shown.get("AvailabilityZoneId"),
        "availability-zone-id": enis("availability-zone-id", shown.get("AvailabilityZoneId", "none")),
        "addresses.private-ip-address of a secondary address": enis("addresses.private-ip-address", secondary),
        "addresses.primary=false": enis("addresses.primary", "false"),
    }


@scenario("runRefusals")
def _():
    other_vpc = ec2.create_vpc(CidrBlock="10.92.0.0/16")["Vpc"]["VpcId"]
    other_sg = ec2.create_security_group(GroupName="elsewhere", Description="elsewhere", VpcId=other_vpc)["GroupId"]
    default_vpc = ec2.describe_vpcs(Filters=[{"Name": "is-default", "Values": ["true"]}])["Vpcs"][0]["VpcId"]
    default_subnets = ec2.describe_subnets(Filters=[{"Name": "vpc-id", "Values": [default_vpc]}, {"Name": "availability-zone", "Values": ["eu-west-1a"]}])
    by_name = ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, SecurityGroups=["default"], Placement={"AvailabilityZone": "eu-west-1a"})["Instances"][0]
    ec2.terminate_instances(InstanceIds=[by_name["InstanceId"]])
    return {
        "otherVpcGroup": error_of(lambda: ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, SubnetId=subnet_a, SecurityGroupIds=[other_sg])),
        "otherVpcGroupDefaultSubnet": error_of(lambda: ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, SecurityGroupIds=[sg], Placement={"AvailabilityZone": "eu-west-1a"})),
        "groupNamesWithSubnet": error_of(lambda: ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, SubnetId=subnet_a, SecurityGroups=["web"])),
        "names": {"otherSg": other_sg, "sg": sg, "subnet": subnet_a, "defaultSubnet": default_subnets["Subnets"][0]["SubnetId"]},
        "groupNamesInDefaultVpc": [g["GroupName"] for g in by_name["SecurityGroups"]],
    }


@scenario("modifyRefusals")
def _():
    eni = ec2.create_network_interface(SubnetId=subnet_a, Description="before")["NetworkInterface"]["NetworkInterfaceId"]
    refusals = {
        "interfaceNone": error_of(lambda: ec2.modify_network_interface_attribute(NetworkInterfaceId=eni)),
        "interfaceTwo": error_of(lambda: ec2.modify_network_interface_attribute(NetworkInterfaceId=eni, Description={"Value": "after"}, SourceDestCheck={"Value": False})),
        "instanceNone": error_of(lambda: ec2.modify_instance_attribute(InstanceId=web)),
        "instanceTwo": error_of(lambda: ec2.modify_instance_attribute(InstanceId=web, SourceDestCheck={"Value": False}, DisableApiTermination={"Value": True})),
        "instanceAttributeFormAndMember": error_of(lambda: ec2.modify_instance_attribute(InstanceId=web, Attribute="disableApiTermination", Value="true", SourceDestCheck={"Value": False})),
    }
    after = ec2.describe_network_interfaces(NetworkInterfaceIds=[eni])["NetworkInterfaces"][0]
    ec2.modify_network_interface_attribute(NetworkInterfaceId=eni, Description={"Value": "one"})
    ec2.modify_instance_attribute(InstanceId=web, DisableApiStop={"Value": False})
    return {
        **refusals,
        "unchanged": [after["Description"], after["SourceDestCheck"], ec2.describe_instance_attribute(InstanceId=web, Attribute="disableApiTermination")["DisableApiTermination"]["Value"]],
        "oneApplies": ec2.describe_network_interfaces(NetworkInterfaceIds=[eni])["NetworkInterfaces"][0]["Description"],
    }


@scenario("ipv6WithoutBlock")
def _():
    return {
        "subnet": subnet_a,
        "createNetworkInterface": error_of(lambda: ec2.create_network_interface(SubnetId=subnet_a, Ipv6AddressCount=1)),
        "runInstances": error_of(lambda: ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, SubnetId=subnet_a, Ipv6AddressCount=1)),
    }


print(json.dumps(out, indent=1, sort_keys=True, default=str))
