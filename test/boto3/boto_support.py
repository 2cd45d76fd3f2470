"""What every boto3 script of the suite shares: the endpoint from argv, a client per account with
no retries (a refusal must show as it is), an error recorder, and scenarios recorded into one
JSON document for the vitest side to assert on."""

import sys
import traceback

import boto3
import botocore.config
import botocore.exceptions


def endpoint_from_argv(script):
    url = sys.argv[1] if len(sys.argv) > 1 else None
    if not url:
        sys.stderr.write(f"usage: {script} <endpoint-url>\n")
        sys.exit(2)
    return url


def client_factory(url, read_timeout=15, parameter_validation=True):
    """Clients per account; parameter_validation=False sends what botocore would refuse, to see the server refuse it."""
    config = botocore.config.Config(
        retries={"total_max_attempts": 1, "mode": "standard"}, connect_timeout=5, read_timeout=read_timeout, parameter_validation=parameter_validation
    )

    def client(account, region="us-east-1"):
        return boto3.client("ec2", endpoint_url=url, region_name=region, aws_access_key_id=account, aws_secret_access_key="not-checked", config=config)

    return client


def error_of(call):
    """The error a call raised (code, message, HTTP status), or noError."""
    try:
        call()
    except botocore.exceptions.ClientError as e:
        err = e.response.get("Error", {})
        return {"code": err.get("Code"), "message": err.get("Message"), "http": e.response["ResponseMetadata"]["HTTPStatusCode"]}
    return {"noError": True}


def scenario_recorder(out):
    """A decorator that runs a scenario at once and records its result, or its traceback, under its name."""

    def scenario(name):
        def wrap(fn):
            try:
                out[name] = fn()
            except Exception:  # noqa: BLE001 - recorded for the test to show
                out[name] = {"error": traceback.format_exc()}
            return fn

        return wrap

    return scenario
