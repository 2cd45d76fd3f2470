"""boto3 against a vpcpeer server in strict mode.

Reads {"url", "key": {id, secret}, "unknown": {id, secret}, "role": arn} as JSON from argv[1] and
prints one JSON object of facts: what worked, and for what was refused the error code, message and
HTTP status botocore parsed. Clock skew and expired presigned URLs are made by moving botocore's
own notion of "now" (botocore.auth.get_current_datetime), not the machine's clock.
"""
import datetime
import json
import sys
import urllib.error
import urllib.request

import boto3
import botocore.auth
from botocore.config import Config
from botocore.exceptions import ClientError

cfg = json.loads(sys.argv[1])
URL = cfg["url"]
CONFIG = Config(retries={"max_attempts": 1, "mode": "standard"})
real_now = botocore.auth.get_current_datetime


def client(service, key, secret, token=None):
    return boto3.client(
        service,
        endpoint_url=URL,
        region_name="us-east-1",
        aws_access_key_id=key,
        aws_secret_access_key=secret,
        aws_session_token=token,
        config=CONFIG,
    )


def attempt(fn):
    try:
        result = fn()
        return {"ok": True, "result": result}
    except ClientError as e:
        return {
            "ok": False,
            "code": e.response["Error"]["Code"],
            "message": e.response["Error"]["Message"],
            "http": e.response["ResponseMetadata"]["HTTPStatusCode"],
        }


def skewed(minutes):
    botocore.auth.get_current_datetime = lambda: real_now() + datetime.timedelta(minutes=minutes)


def fetch(url):
    try:
        with urllib.request.urlopen(url) as r:
            return {"http": r.status, "body": r.read().decode()}
    except urllib.error.HTTPError as e:
        return {"http": e.code, "body": e.read().decode()}


key, secret = cfg["key"]["id"], cfg["key"]["secret"]
ec2 = client("ec2", key, secret)
sts = client("sts", key, secret)
out = {}

out["createVpc"] = attempt(lambda: ec2.create_vpc(CidrBlock="10.42.0.0/16")["Vpc"]["OwnerId"])
out["describeVpcs"] = attempt(lambda: sorted(v["CidrBlock"] for v in ec2.describe_vpcs()["Vpcs"]))
out["identity"] = attempt(lambda: sts.get_caller_identity()["Arn"])
out["wrongSecretEc2"] = attempt(lambda: client("ec2", key, secret[:-1] + ("A" if secret[-1] != "A" else "B")).describe_vpcs())
out["wrongSecretSts"] = attempt(lambda: client("sts", key, secret[:-1] + ("A" if secret[-1] != "A" else "B")).get_caller_identity())
out["unknownEc2"] = attempt(lambda: client("ec2", cfg["unknown"]["id"], cfg["unknown"]["secret"]).describe_vpcs())
out["unknownSts"] = attempt(lambda: client("sts", cfg["unknown"]["id"], cfg["unknown"]["secret"]).get_caller_identity())

# Clock skew: 20 minutes is refused, 10 minutes is within AWS's 15.
skewed(-20)
out["skewPastEc2"] = attempt(lambda: ec2.describe_vpcs())
out["skewPastSts"] = attempt(lambda: sts.get_caller_identity())
skewed(20)
out["skewFutureEc2"] = attempt(lambda: ec2.describe_vpcs())
skewed(-10)
out["skewTenMinutes"] = attempt(lambda: len(ec2.describe_vpcs()["Vpcs"]))
botocore.auth.get_current_datetime = real_now

# Presigned URLs (botocore signs EC2 presigned URLs with the operation's method unless told GET).
out["presigned"] = fetch(ec2.generate_presigned_url("describe_vpcs", Params={}, ExpiresIn=300, HttpMethod="GET"))
out["presignedSts"] = fetch(sts.generate_presigned_url("get_caller_identity", Params={}, ExpiresIn=300, HttpMethod="GET"))
skewed(-3)  # signed three minutes ago, valid for one: expired now
out["presignedExpired"] = fetch(ec2.generate_presigned_url("describe_vpcs", Params={}, ExpiresIn=60, HttpMethod="GET"))
botocore.auth.get_current_datetime = real_now
tampered = ec2.generate_presigned_url("describe_vpcs", Params={}, ExpiresIn=300, HttpMethod="GET").replace("Action=DescribeVpcs", "Action=DescribeSubnets")
out["presignedTampered"] = fetch(tampered)

# A session from AssumeRole, as Terraform's assume_role does it.
creds = sts.assume_role(RoleArn=cfg["role"], RoleSessionName="boto3-session")["Credentials"]
session_ec2 = client("ec2", creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
session_sts = client("sts", creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
out["sessionDescribe"] = attempt(lambda: sorted(v["CidrBlock"] for v in session_ec2.describe_vpcs()["Vpcs"]))
out["sessionIdentity"] = attempt(lambda: session_sts.get_caller_identity()["Arn"])
token = creds["SessionToken"]
bad_token = token[:-5] + ("AAAAA" if not token.endswith("AAAAA") else "BBBBB")
out["tamperedTokenEc2"] = attempt(lambda: client("ec2", creds["AccessKeyId"], creds["SecretAccessKey"], bad_token).describe_vpcs())
out["tamperedTokenSts"] = attempt(lambda: client("sts", creds["AccessKeyId"], creds["SecretAccessKey"], bad_token).get_caller_identity())
out["noTokenEc2"] = attempt(lambda: client("ec2", creds["AccessKeyId"], creds["SecretAccessKey"]).describe_vpcs())

print(json.dumps(out))
