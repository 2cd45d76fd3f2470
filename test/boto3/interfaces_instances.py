#!/usr/bin/env python3
"""Drives a vpcpeer server with boto3 through network interfaces and instances; prints one JSON
document of what botocore parsed, raised, waited for and paginated. test/boto3/instances.test.ts
asserts it. Usage: python3 test/boto3/interfaces_instances.py <endpoint-url>
"""

import json
import sys

import boto3
import botocore.config
import botocore.exceptions

URL = sys.argv[1]
CONFIG = botocore.config.Config(retries={"total_max_attempts": 1, "mode": "standard"}, connect_timeout=5, read_timeout=15)
AMI = "ami-0123456789abcdef0"


def client(account):
    return boto3.client("ec2", endpoint_url=URL, region_name="eu-west-1", aws_access_key_id=account, aws_secret_access_key="x", config=CONFIG)


def failure(call):
    try:
        call()
    except botocore.exceptions.ClientError as e:
        err = e.response["Error"]
        return {"code": err.get("Code"), "message": err.get("Message"), "http": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return {"noError": True}


def fast(waiter_name, ec2, **kwargs):
    ec2.get_waiter(waiter_name).wait(WaiterConfig={"Delay": 1, "MaxAttempts": 3}, **kwargs)
    return "ok"


ec2 = client("333333333333")
other = client("444444444444")
out = {}

vpc = ec2.create_vpc(CidrBlock="10.90.0.0/16")["Vpc"]["VpcId"]
subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.90.1.0/24", AvailabilityZone="eu-west-1a")["Subnet"]["SubnetId"]
sg = ec2.create_security_group(GroupName="b3", Description="b3", VpcId=vpc)["GroupId"]

# Network interfaces: create, waiter, describe with filters, paginator, attributes, addresses, delete.
eni = ec2.create_network_interface(
    SubnetId=subnet, Description="boto", Groups=[sg], SecondaryPrivateIpAddressCount=1,
    TagSpecifications=[{"ResourceType": "network-interface", "Tags": [{"Key": "Name", "Value": "b3"}]}],
)["NetworkInterface"]
eni_id = eni["NetworkInterfaceId"]
out["eniCreate"] = {k: eni.get(k) for k in ("Status", "PrivateIpAddress", "PrivateDnsName", "InterfaceType", "SourceDestCheck", "RequesterManaged", "OwnerId", "Description")}
out["eniCreate"]["addresses"] = [[p["PrivateIpAddress"], p["Primary"]] for p in eni["PrivateIpAddresses"]]
out["eniCreate"]["groups"] = eni["Groups"]
out["eniWaiter"] = fast("network_interface_available", ec2, NetworkInterfaceIds=[eni_id])
for i in range(6):
    ec2.create_network_interface(SubnetId=subnet)
pages = list(ec2.get_paginator("describe_network_interfaces").paginate(Filters=[{"Name": "subnet-id", "Values": [subnet]}], PaginationConfig={"PageSize": 5}))
out["eniPages"] = [len(p["NetworkInterfaces"]) for p in pages]
out["eniByGroup"] = [n["NetworkInterfaceId"] == eni_id for n in ec2.describe_network_interfaces(Filters=[{"Name": "group-id", "Values": [sg]}])["NetworkInterfaces"]]
out["eniByTag"] = [n["NetworkInterfaceId"] == eni_id for n in ec2.describe_network_interfaces(Filters=[{"Name": "tag:Name", "Values": ["b3"]}])["NetworkInterfaces"]]
ec2.modify_network_interface_attribute(NetworkInterfaceId=eni_id, SourceDestCheck={"Value": False})
ec2.modify_network_interface_attribute(NetworkInterfaceId=eni_id, Description={"Value": "changed"})
out["eniAttr"] = {
    "sourceDestCheck": ec2.describe_network_interface_attribute(NetworkInterfaceId=eni_id, Attribute="sourceDestCheck")["SourceDestCheck"],
    "description": ec2.describe_network_interface_attribute(NetworkInterfaceId=eni_id, Attribute="description")["Description"],
    "groupSet": ec2.describe_network_interface_attribute(NetworkInterfaceId=eni_id, Attribute="groupSet")["Groups"],
}
assigned = ec2.assign_private_ip_addresses(NetworkInterfaceId=eni_id, PrivateIpAddresses=["10.90.1.200"])
out["eniAssigned"] = [a["PrivateIpAddress"] for a in assigned["AssignedPrivateIpAddresses"]]
ec2.unassign_private_ip_addresses(NetworkInterfaceId=eni_id, PrivateIpAddresses=["10.90.1.200"])
out["eniAfterUnassign"] = len(ec2.describe_network_interfaces(NetworkInterfaceIds=[eni_id])["NetworkInterfaces"][0]["PrivateIpAddresses"])
out["eniErrors"] = {
    "inUseAddress": failure(lambda: ec2.create_network_interface(SubnetId=subnet, PrivateIpAddress=eni["PrivateIpAddress"])),
    "reserved": failure(lambda: ec2.create_network_interface(SubnetId=subnet, PrivateIpAddress="10.90.1.2")),
    "unknown": failure(lambda: ec2.describe_network_interfaces(NetworkInterfaceIds=["eni-0123456789abcdef0"])),
    "malformed": failure(lambda: ec2.delete_network_interface(NetworkInterfaceId="eni-x")),
    "dryRun": failure(lambda: ec2.create_network_interface(SubnetId=subnet, DryRun=True)),
    "otherAccount": failure(lambda: other.delete_network_interface(NetworkInterfaceId=eni_id)),
    "subnetInUse": failure(lambda: ec2.delete_subnet(SubnetId=subnet)),
    "groupInUse": failure(lambda: ec2.delete_security_group(GroupId=sg)),
}
ec2.delete_network_interface(NetworkInterfaceId=eni_id)
out["eniDeleted"] = failure(lambda: ec2.describe_network_interfaces(NetworkInterfaceIds=[eni_id]))

# Instances: run, waiters, filters, stop/start/terminate, errors.
run = ec2.run_instances(ImageId=AMI, InstanceType="t3.micro", MinCount=2, MaxCount=2, SubnetId=subnet, SecurityGroupIds=[sg],
                        TagSpecifications=[{"ResourceType": "instance", "Tags": [{"Key": "app", "Value": "b3"}]}])
ids = [i["InstanceId"] for i in run["Instances"]]
out["run"] = {"reservation": run["ReservationId"], "states": [i["State"] for i in run["Instances"]], "count": len(ids)}
out["runningWaiter"] = fast("instance_running", ec2, InstanceIds=ids)
r = ec2.describe_instances(InstanceIds=ids)["Reservations"]
inst = r[0]["Instances"][0]
out["described"] = {
    "reservations": len(r), "instances": len(r[0]["Instances"]), "state": inst["State"], "subnet": inst["SubnetId"] == subnet,
    "privateDnsName": inst["PrivateDnsName"], "groups": inst["SecurityGroups"], "launchTimeType": type(inst["LaunchTime"]).__name__,
    "eniStatus": inst["NetworkInterfaces"][0]["Status"], "deviceIndex": inst["NetworkInterfaces"][0]["Attachment"]["DeviceIndex"],
}
out["filters"] = {
    "running": len(ec2.describe_instances(Filters=[{"Name": "instance-state-name", "Values": ["running"]}, {"Name": "vpc-id", "Values": [vpc]}])["Reservations"][0]["Instances"]),
    "byTag": sorted(i["InstanceId"] for res in ec2.describe_instances(Filters=[{"Name": "tag:app", "Values": ["b3"]}])["Reservations"] for i in res["Instances"]) == sorted(ids),
    "byGroup": sum(len(res["Instances"]) for res in ec2.describe_instances(Filters=[{"Name": "instance.group-id", "Values": [sg]}])["Reservations"]),
}
pages = list(ec2.get_paginator("describe_instances").paginate(PaginationConfig={"PageSize": 5}))
out["instancePages"] = sum(len(res["Instances"]) for p in pages for res in p["Reservations"])
stop = ec2.stop_instances(InstanceIds=[ids[0]])["StoppingInstances"][0]
out["stop"] = {"current": stop["CurrentState"], "previous": stop["PreviousState"]}
out["stoppedWaiter"] = fast("instance_stopped", ec2, InstanceIds=[ids[0]])
start = ec2.start_instances(InstanceIds=[ids[0]])["StartingInstances"][0]
out["start"] = {"current": start["CurrentState"], "previous": start["PreviousState"]}
status = ec2.describe_instance_status(InstanceIds=ids)["InstanceStatuses"]
out["status"] = [s["InstanceStatus"]["Status"] for s in status]
out["instanceErrors"] = {
    "unknown": failure(lambda: ec2.describe_instances(InstanceIds=["i-0123456789abcdef0"])),
    "malformed": failure(lambda: ec2.terminate_instances(InstanceIds=["i-nope"])),
    "badAmi": failure(lambda: ec2.run_instances(ImageId="ami-bad", MinCount=1, MaxCount=1, SubnetId=subnet)),
    "dryRun": failure(lambda: ec2.run_instances(ImageId=AMI, MinCount=1, MaxCount=1, SubnetId=subnet, DryRun=True)),
    "otherAccount": failure(lambda: other.stop_instances(InstanceIds=ids)),
}
term = ec2.terminate_instances(InstanceIds=ids)["TerminatingInstances"]
out["terminate"] = [t["CurrentState"]["Name"] for t in term]
out["terminatedWaiter"] = fast("instance_terminated", ec2, InstanceIds=ids)
out["startTerminated"] = failure(lambda: ec2.start_instances(InstanceIds=ids))
out["interfacesLeft"] = len(ec2.describe_network_interfaces(Filters=[{"Name": "subnet-id", "Values": [subnet]}])["NetworkInterfaces"])

print(json.dumps(out, default=str))
