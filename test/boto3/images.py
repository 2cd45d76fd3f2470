#!/usr/bin/env python3
"""Drives DescribeImages and the retired ClassicLink calls with boto3; prints one JSON document.

Usage: python3 test/boto3/images.py <endpoint-url>

test/boto3/images.test.ts asserts the facts: what botocore's DescribeImages paginator collects,
whether the `image_available` waiter is satisfied, what ClientError an unknown or malformed id
raises, the call amazon.aws.ec2_ami_info makes (owners turned into owner-alias / owner-id filters,
empty Owners and ExecutableUsers lists), and the exact error Ansible's ec2_vpc_net reads as "no
ClassicLink". Each scenario runs on its own; an unexpected exception is recorded under its name.
"""

import json

from boto_support import client_factory, endpoint_from_argv, error_of, scenario_recorder

URL = endpoint_from_argv("images.py")


client = client_factory(URL, read_timeout=15)


ec2 = client("555555555555")
out = {}


scenario = scenario_recorder(out)


@scenario("paginator")
def _():
    pages = list(ec2.get_paginator("describe_images").paginate(IncludeDeprecated=True, PaginationConfig={"PageSize": 6}))
    ids = [i["ImageId"] for p in pages for i in p["Images"]]
    return {"pages": len(pages), "ids": ids, "creationDateType": type(pages[0]["Images"][0]["CreationDate"]).__name__}


@scenario("waiter")
def _():
    newest = ec2.describe_images(Owners=["099720109477"], Filters=[{"Name": "name", "Values": ["ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-*"]}])
    image = max(newest["Images"], key=lambda i: i["CreationDate"])
    ec2.get_waiter("image_available").wait(ImageIds=[image["ImageId"]], WaiterConfig={"Delay": 1, "MaxAttempts": 2})
    return {"waited": image["Name"], "state": image["State"], "ebs": image["BlockDeviceMappings"][0]["Ebs"]}


@scenario("ansibleAmiInfo")
def _():
    # amazon.aws.ec2_ami_info: owners=["amazon"] becomes an owner-alias filter, Owners stays empty,
    # ImageIds and ExecutableUsers are empty lists; it then sorts by creation_date.
    r = ec2.describe_images(
        ImageIds=[],
        Filters=[{"Name": "owner-alias", "Values": ["amazon"]}, {"Name": "name", "Values": ["al2023-ami-2023.*-arm64"]}],
        Owners=[],
        ExecutableUsers=[],
    )
    images = sorted(r["Images"], key=lambda i: i.get("CreationDate", ""))
    by_id = ec2.describe_images(
        ImageIds=[],
        Filters=[{"Name": "owner-id", "Values": ["136693071363"]}, {"Name": "architecture", "Values": ["x86_64"]}],
        Owners=[],
        ExecutableUsers=[],
    )
    return {"names": [i["Name"] for i in images], "debianX86": sorted(i["Name"] for i in by_id["Images"])}


@scenario("errors")
def _():
    return {
        "unknown": error_of(lambda: ec2.describe_images(ImageIds=["ami-0123456789abcdef0"])),
        "malformed": error_of(lambda: ec2.describe_images(ImageIds=["ami-nothex"])),
        "badFilter": error_of(lambda: ec2.describe_images(Filters=[{"Name": "image_name", "Values": ["x"]}])),
        "dryRun": error_of(lambda: ec2.describe_images(DryRun=True)),
    }


@scenario("classicLink")
def _():
    vpc = ec2.create_vpc(CidrBlock="10.77.0.0/16")["Vpc"]["VpcId"]
    return {
        "describe": error_of(lambda: ec2.describe_vpc_classic_link(VpcIds=[vpc])),
        "dnsSupport": error_of(lambda: ec2.describe_vpc_classic_link_dns_support(VpcIds=[vpc])),
        "enable": error_of(lambda: ec2.enable_vpc_classic_link(VpcId=vpc)),
    }


print(json.dumps(out, indent=1, sort_keys=True))
