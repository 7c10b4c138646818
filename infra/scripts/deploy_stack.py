#!/usr/bin/env python3
"""Deploys template.yaml to an AWS endpoint the way `sam deploy` does, without the SAM CLI.

It applies the SAM transform locally with aws-sam-translator (as CloudFormation does on AWS; moto's
CloudFormation does not apply it), points every function's code at a package uploaded to an artifacts
bucket, creates the stack and waits for it, then prints one JSON object on stdout: the stack's outputs and
each function's environment variables as CloudFormation configured them.

  python3 infra/scripts/deploy_stack.py --endpoint http://127.0.0.1:5000 --stack-name promotions-test

The package is the one given by --package (a zip) or, by default, a placeholder: moto creates Lambda
functions but cannot run them, so the stack test runs each service in-process with its function's
environment instead.
"""
import argparse
import io
import json
import os
import sys
import time
import zipfile

import boto3
from cfnlint.decode import cfn_yaml
from samtranslator.translator.transform import transform


class NoManagedPolicies:
    """template.yaml names no managed policy by name (only inline statements), so there is nothing to look up."""

    def load(self):
        return {}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", help="AWS endpoint (moto, LocalStack); omit for the real account")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--stack-name", required=True)
    parser.add_argument("--template", default="template.yaml")
    parser.add_argument("--package", help="zip of the function code (default: a placeholder)")
    parser.add_argument("--parameter", action="append", default=[], help="Key=Value, repeatable")
    parser.add_argument("--timeout", type=int, default=300)
    args = parser.parse_args()

    session = boto3.session.Session(region_name=args.region)
    client = lambda name: session.client(name, endpoint_url=args.endpoint)
    s3, cloudformation, lambda_ = client("s3"), client("cloudformation"), client("lambda")

    bucket = f"{args.stack_name}-artifacts".lower()
    if args.region == "us-east-1":
        s3.create_bucket(Bucket=bucket)
    else:
        s3.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": args.region})
    key = "functions.zip"
    s3.put_object(Bucket=bucket, Key=key, Body=package_bytes(args.package))

    with open(args.template, encoding="utf-8") as f:
        template = cfn_yaml.loads(f.read())
    template = json.loads(json.dumps(template))  # plain dicts, as the translator expects
    point_code_at(template, bucket, key)
    inline_definitions(template, os.path.dirname(os.path.abspath(args.template)))
    parameters = dict(p.split("=", 1) for p in args.parameter)
    os.environ["AWS_DEFAULT_REGION"] = args.region  # the translator resolves AWS::Region and ARNs from it
    translated = transform(template, parameters, NoManagedPolicies())
    substitute_definitions(translated)

    cloudformation.create_stack(
        StackName=args.stack_name,
        TemplateBody=json.dumps(translated),
        Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()],
        Capabilities=["CAPABILITY_IAM", "CAPABILITY_NAMED_IAM", "CAPABILITY_AUTO_EXPAND"],
    )
    stack = wait(cloudformation, args.stack_name, args.timeout)
    outputs = {o["OutputKey"]: o["OutputValue"] for o in stack.get("Outputs", [])}
    # An emulator may list resources it only keeps as placeholders without a logical id or type.
    resources = [r for r in cloudformation.describe_stack_resources(StackName=args.stack_name)["StackResources"]
                 if "LogicalResourceId" in r and "ResourceType" in r]
    functions = {}
    for resource in resources:
        if resource["ResourceType"] == "AWS::Lambda::Function":
            configuration = lambda_.get_function_configuration(FunctionName=resource["PhysicalResourceId"])
            functions[resource["LogicalResourceId"]] = configuration.get("Environment", {}).get("Variables", {})
    json.dump({
        "stackName": args.stack_name,
        "outputs": outputs,
        "functions": functions,
        "template": translated,
        "resources": {r["LogicalResourceId"]: {"type": r["ResourceType"], "id": r.get("PhysicalResourceId")} for r in resources},
    }, sys.stdout)


def point_code_at(template, bucket, key):
    globals_ = template.get("Globals", {}).get("Function", {})
    globals_.pop("CodeUri", None)
    for resource in template["Resources"].values():
        if resource.get("Type") == "AWS::Serverless::Function":
            resource.setdefault("Properties", {})["CodeUri"] = {"Bucket": bucket, "Key": key}
            resource.pop("Metadata", None)


def inline_definitions(template, root):
    """A state machine's DefinitionUri names a file of the repository, which `sam package` uploads; here its JSON is
    inlined as the state machine's Definition, which the translator turns into the same DefinitionString."""
    for resource in template["Resources"].values():
        properties = resource.get("Properties", {})
        if resource.get("Type") == "AWS::Serverless::StateMachine" and isinstance(properties.get("DefinitionUri"), str):
            with open(os.path.join(root, properties.pop("DefinitionUri")), encoding="utf-8") as f:
                properties["Definition"] = json.load(f)


def substitute_definitions(translated):
    """Applies a state machine's DefinitionSubstitutions as Fn::Sub over its DefinitionString, which is what
    CloudFormation does with them; moto's CloudFormation reads DefinitionString only and would leave ${...} in place."""
    for resource in translated["Resources"].values():
        properties = resource.get("Properties", {})
        if resource.get("Type") != "AWS::StepFunctions::StateMachine" or "DefinitionSubstitutions" not in properties:
            continue
        definition = properties["DefinitionString"]
        if isinstance(definition, dict) and "Fn::Join" in definition:
            separator, parts = definition["Fn::Join"]
            if not all(isinstance(p, str) for p in parts):
                continue
            definition = separator.join(parts)
        if isinstance(definition, str):
            properties["DefinitionString"] = {"Fn::Sub": [definition, properties.pop("DefinitionSubstitutions")]}


def package_bytes(path):
    if path:
        with open(path, "rb") as f:
            return f.read()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("run.sh", "#!/bin/sh\necho 'placeholder package: build with sam build' >&2\nexit 1\n")
    return buffer.getvalue()


def wait(cloudformation, name, timeout):
    deadline = time.time() + timeout
    while True:
        stack = cloudformation.describe_stacks(StackName=name)["Stacks"][0]
        status = stack["StackStatus"]
        if status == "CREATE_COMPLETE":
            return stack
        if status.endswith("_FAILED") or status.startswith("ROLLBACK") or status.startswith("DELETE"):
            events = cloudformation.describe_stack_events(StackName=name)["StackEvents"]
            failures = [f'{e["LogicalResourceId"]}: {e.get("ResourceStatusReason")}' for e in events if "FAILED" in e["ResourceStatus"]]
            raise SystemExit(f"stack {name} ended {status}: " + "; ".join(failures))
        if time.time() > deadline:
            raise SystemExit(f"stack {name} still {status} after {timeout} s")
        time.sleep(0.5)


if __name__ == "__main__":
    main()
