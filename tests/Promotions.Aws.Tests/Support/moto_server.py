"""moto_server for the AWS tests: moto's own server app with the changes that keep it usable for them.

1. TransactWriteItems: moto backs up a table by deep-copying the whole table once per item of a transaction, so a
   transaction of 100 codes against a table of 10,000 copies a million items. This undo log saves the items the
   transaction touches (and the length of each table's stream) and puts them back when moto cancels it, which is
   what the copy is for; nothing else of the table is touched by a transaction.
2. Condition expressions are parsed once: moto parses each one three times per item of a transaction, which is most of
   its time in a bulk insert; the parse depends only on the expression, its names and its values.
3. Requests are served one at a time: moto's check-then-write of a conditional write is not atomic across its
   threads, and the tests race hundreds of conditional writes. (moto is a second check of the design, not a
   concurrency oracle: the conditions are what make DynamoDB atomic.)
4. Event source mappings are kept but not run: moto's Lambda cannot run the functions of a deployed stack (their
   code is a placeholder), yet a mapping it created would still take every new stream record and receive every
   queued message to invoke them, leaving nothing for the tests, which read the stream and the queues as Lambda
   does and deliver to the services themselves (tests/Promotions.Aws.Tests/Support/Lambda).
5. IAM as AWS evaluates it, once enforcement is switched on (POST /moto-api/reset-auth with 0; until then nothing is
   checked, as before). moto checks every DynamoDB and KMS call against the resource "*", which a statement naming a
   table or key never matches, checks a transaction or a batch as an action of its own, treats every condition of
   an identity policy as met, cannot read the inline policies of a role its CloudFormation created, and fails on a
   presigned S3 request. Here each call is checked as IAM does: a DynamoDB call on its table's ARN (an index's for a
   query of one), a transaction as each item's own action (PutItem, UpdateItem, DeleteItem, ConditionCheckItem,
   GetItem) on its table, a batch on each of its tables, a stream call on the stream's ARN, a KMS call on its key's
   ARN, an SQS batch as its single action (SendMessage, DeleteMessage, ChangeMessageVisibility) on the queue, a
   presigned S3 URL against the session that signed it (its signature is not verified). Conditions are evaluated
   for the keys these calls give: dynamodb:LeadingKeys (the partition key of the item, of each item of a
   transaction or batch; a query gives none), kms:EncryptionContext:<key> and kms:MacAlgorithm, with StringEquals
   and StringLike and their ForAllValues/ForAnyValue forms; a statement with any other condition allows nothing.
   docs/deploy.md says what is still not checked.
6. KMS keys created by CloudFormation get the template's KeySpec and KeyUsage: moto's CloudFormation makes every key
   a symmetric encryption key, so the stack's HMAC key (LookupKey) would refuse GenerateMac.
7. CloudFront resources of a template are created: moto's CloudFormation knows none of them (a GetAtt of the
   distribution's domain would fail the stack), though its CloudFront API keeps distributions and origin access
   controls. A distribution and an origin access control go to that API, so a test reads them back as deployed; a
   response headers policy, which moto's CloudFront lacks, gets an id only (the test reads it from the template).
8. SendMessageBatch keeps each entry's MessageSystemAttributes (the AWSTraceHeader of the X-Ray trace), as SQS and
   moto's own SendMessage do; moto's batch drops them.

Usage: python3 moto_server.py HOST PORT
"""

import copy
from fnmatch import fnmatchcase
import functools
import json
import os
import sys
import threading

import moto.awslambda.models as awslambda
import moto.cloudfront.models as cloudfront_models
import moto.dynamodbstreams.responses as dynamodbstreams_responses
import moto.kms.models as kms_models
import moto.s3.responses as s3_responses
import moto.kms.responses as kms_responses
import moto.sqs.responses as sqs_responses
import moto.dynamodb.comparisons as comparisons
import moto.dynamodb.models as dynamodb
import moto.dynamodb.responses as responses
from moto.dynamodb.models.dynamo_type import DynamoType
from moto import settings
from moto.core.authorization import ActionAuthenticatorMixin
from moto.core.common_models import CloudFormationModel
from moto.moto_api._internal import mock_random
from moto.dynamodb import dynamodb_backends
from moto.iam.access_control import IAMPolicy, IAMRequest, S3IAMRequest
from moto.dynamodb.models.table import Table
from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
from moto.sqs.models import SQSBackend, sqs_backends
from urllib.parse import parse_qs, urlparse
from werkzeug.serving import run_simple

_transact = dynamodb.DynamoDBBackend.transact_write_items


class _KeepTables:
    """Stands in for the copy module during a transaction: tables are not copied; everything else is."""

    @staticmethod
    def deepcopy(value, memo=None):
        return value if isinstance(value, Table) else copy.deepcopy(value, memo)


def _key(table, op_type, op):
    attrs = op.get("Item") if op_type == "Put" else op.get("Key")
    if not attrs or table.hash_key_attr not in attrs:
        return None
    hash_key = DynamoType(attrs[table.hash_key_attr])
    if table.range_key_attr is None:
        return hash_key, None
    if table.range_key_attr not in attrs:
        return None
    return hash_key, DynamoType(attrs[table.range_key_attr])


def _restore(table, hash_key, range_key, item):
    if range_key is None:
        if item is None:
            table.items.pop(hash_key, None)
        else:
            table.items[hash_key] = item
    elif item is None:
        table.items.get(hash_key, {}).pop(range_key, None)
    else:
        table.items[hash_key][range_key] = item


def transact_write_items(self, transact_items):
    saved = {}
    streams = {}
    for entry in transact_items:
        op_type, op = next(iter(entry.items()))
        table = self.tables.get(op.get("TableName"))
        key = _key(table, op_type, op) if table is not None else None
        if key is None:
            continue
        saved.setdefault((table.name, key), copy.deepcopy(table.get_item(*key)))
        if table.stream_shard is not None:
            streams.setdefault(table.name, len(table.stream_shard.items))

    dynamodb.copy = _KeepTables
    try:
        return _transact(self, transact_items)
    except Exception:
        for (name, (hash_key, range_key)), item in saved.items():
            _restore(self.tables[name], hash_key, range_key, item)
        for name, length in streams.items():
            del self.tables[name].stream_shard.items[length:]
        raise
    finally:
        dynamodb.copy = copy


dynamodb.DynamoDBBackend.transact_write_items = transact_write_items

_create_parser = comparisons.create_condition_expression_parser


def _dump(value):
    return None if value is None else json.dumps(value, sort_keys=True)


@functools.lru_cache(maxsize=4096)
def _parsed(expression, names, values):
    parser = _create_parser(expression, None if names is None else json.loads(names), None if values is None else json.loads(values))
    tree = parser.parse()
    return tree, tuple(parser.expr_attr_names_found), tuple(parser.expr_attr_values_found)


class _CachedParser:
    """A condition parser whose parse is remembered; it reports the names and values it found, as moto's does."""

    def __init__(self, expression, names, values):
        self._key = (expression, _dump(names), _dump(values))
        self.expr_attr_names_found = []
        self.expr_attr_values_found = []

    def parse(self):
        tree, names, values = _parsed(*self._key)
        self.expr_attr_names_found = list(names)
        self.expr_attr_values_found = list(values)
        return tree


def create_condition_expression_parser(expression, names, values):
    return _CachedParser(expression, names, values)


comparisons.create_condition_expression_parser = create_condition_expression_parser
responses.create_condition_expression_parser = create_condition_expression_parser

_create_event_source_mapping = awslambda.LambdaBackend.create_event_source_mapping


def create_event_source_mapping(self, spec):
    mapping = _create_event_source_mapping(self, spec)
    for queue in sqs_backends[self.account_id][self.region_name].queues.values():
        queue.lambda_event_source_mappings.pop(mapping.function_arn, None)
    for table in dynamodb_backends[self.account_id][self.region_name].tables.values():
        table.lambda_event_source_mappings.pop(mapping.function_arn, None)
    return mapping


awslambda.LambdaBackend.create_event_source_mapping = create_event_source_mapping



def _authorize(handler, checks):
    """moto's own check (core/authorization.py), run for each (action, resource, condition keys) that checks(handler) says the call needs."""
    if ActionAuthenticatorMixin.request_count < settings.INITIAL_NO_AUTH_ACTION_COUNT:
        ActionAuthenticatorMixin.request_count += 1
        return
    parsed = urlparse(handler.uri)
    path = parsed.path + ("?" + parsed.query if parsed.query else "")
    for action, resource, context in checks(handler):
        request = IAMRequest(account_id=handler.current_account, method=handler.method, path=path, data=handler.data,
                             body=handler.raw_body, headers=handler.headers, action=action)
        request.check_signature()
        _check_permitted(request, resource, context)


def _check_permitted(request, resource, context):
    """moto's check_action_permitted, with the statements' conditions evaluated against the call's condition keys."""
    permitted = False
    for policy in request._access_key.collect_policies():
        document = IAMPolicy(policy)._policy_json
        statements = document["Statement"] if isinstance(document["Statement"], list) else [document["Statement"]]
        for statement in statements:
            if not (_element_matches(statement, "Action", request._action) and _element_matches(statement, "Resource", resource)
                    and _conditions_hold(statement.get("Condition"), context)):
                continue
            if statement["Effect"] == "Deny":
                request._raise_access_denied()
            permitted = True
    if not permitted:
        request._raise_access_denied()


def _element_matches(statement, element, value):
    if element not in statement and "Not" + element in statement:
        return not _element_matches({element: statement["Not" + element]}, element, value)
    patterns = statement.get(element, [])
    patterns = patterns if isinstance(patterns, list) else [patterns]
    if element == "Action":  # actions are case-insensitive
        return any(fnmatchcase(value.lower(), p.lower()) for p in patterns)
    return any(fnmatchcase(value, p) for p in patterns)


_OPERATORS = {"StringEquals": lambda actual, expected: actual == expected, "StringLike": fnmatchcase}


def _conditions_hold(conditions, context):
    for operator, entries in (conditions or {}).items():
        qualifier, _, name = operator.rpartition(":")
        match = _OPERATORS.get(name)
        if match is None or qualifier not in ("", "ForAllValues", "ForAnyValue"):
            return False
        for key, expected in entries.items():
            expected = expected if isinstance(expected, list) else [expected]
            actual = context.get(key)
            matches = [any(match(a, e) for e in expected) for a in (actual or [])]
            if qualifier == "ForAllValues":
                holds = all(matches)
            elif qualifier == "ForAnyValue":
                holds = any(matches)
            else:
                holds = actual is not None and len(actual) == 1 and matches[0]
            if not holds:
                return False
    return True


def _body(handler):
    return json.loads(handler.raw_body or b"{}")


def _table_arn(handler, name):
    return name if name.startswith("arn:") else f"arn:aws:dynamodb:{handler.region}:{handler.current_account}:table/{name}"


_ITEM_ACTIONS = {"Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem", "ConditionCheck": "ConditionCheckItem", "Get": "GetItem"}


def _leading_keys(handler, table_name, attributes):
    """dynamodb:LeadingKeys of an item's key or the item itself: its partition key's value."""
    try:
        table = dynamodb_backends[handler.current_account][handler.region].get_table(table_name.split("/")[-1])
    except Exception:  # an unknown table: moto answers ResourceNotFound after the check
        return {}
    value = (attributes or {}).get(table.hash_key_attr)
    return {} if value is None else {"dynamodb:LeadingKeys": [next(iter(value.values()))]}


def _dynamodb_checks(handler):
    action, body = handler._get_action(), _body(handler)
    if action in ("TransactWriteItems", "TransactGetItems"):
        return [(_ITEM_ACTIONS[kind], _table_arn(handler, op["TableName"]), _leading_keys(handler, op["TableName"], op.get("Key") or op.get("Item")))
                for entry in body.get("TransactItems", []) for kind, op in entry.items()]
    if action in ("BatchGetItem", "BatchWriteItem"):
        checks = []
        for name, requests in body.get("RequestItems", {}).items():
            items = requests.get("Keys", []) if action == "BatchGetItem" else [
                r.get("PutRequest", {}).get("Item") or r.get("DeleteRequest", {}).get("Key") for r in requests]
            keys = [v for item in items for v in _leading_keys(handler, name, item).get("dynamodb:LeadingKeys", [])]
            checks.append((action, _table_arn(handler, name), {"dynamodb:LeadingKeys": keys}))
        return checks
    if "TableName" in body:
        table = _table_arn(handler, body["TableName"])
        resource = f"{table}/index/{body['IndexName']}" if "IndexName" in body else table
        return [(action, resource, _leading_keys(handler, body["TableName"], body.get("Key") or body.get("Item")))]
    return [(action, "*", {})]


def _stream_checks(handler):
    action, body = handler._get_action(), _body(handler)
    if "StreamArn" in body:
        return [(action, body["StreamArn"], {})]
    if "ShardIterator" in body:
        # moto's iterators are "<stream ARN>|1|<id>".
        return [(action, body["ShardIterator"].split("|")[0], {})]
    return [(action, "*", {})]


def _kms_checks(handler):
    action, body = handler._get_action(), _body(handler)
    context = {f"kms:EncryptionContext:{k}": [v] for k, v in (body.get("EncryptionContext") or {}).items()}
    if "MacAlgorithm" in body:
        context["kms:MacAlgorithm"] = [body["MacAlgorithm"]]
    if "KeyId" not in body:
        return [(action, "*", context)]
    try:
        return [(action, handler.kms_backend.describe_key(body["KeyId"]).arn, context)]
    except Exception:  # an unknown key: moto answers NotFound after the check, as AWS answers AccessDenied or NotFound
        return [(action, "*", context)]


_SQS_BATCHES = {"SendMessageBatch": "SendMessage", "DeleteMessageBatch": "DeleteMessage",
                "ChangeMessageVisibilityBatch": "ChangeMessageVisibility"}

_iam_policy_init = IAMPolicy.__init__


def _iam_policy(self, policy):
    _iam_policy_init(self, json.dumps(policy) if isinstance(policy, dict) and "Statement" in policy else policy)


IAMPolicy.__init__ = _iam_policy
responses.DynamoHandler._authenticate_and_authorize_normal_action = lambda self, resource="*": _authorize(self, _dynamodb_checks)
dynamodbstreams_responses.DynamoDBStreamsHandler._authenticate_and_authorize_normal_action = \
    lambda self, resource="*": _authorize(self, _stream_checks)
kms_responses.KmsResponse._authenticate_and_authorize_normal_action = lambda self, resource="*": _authorize(self, _kms_checks)
sqs_responses.SQSResponse._authenticate_and_authorize_normal_action = \
    lambda self, resource="*": _authorize(self, lambda h: [(_SQS_BATCHES.get(h._get_action(), h._get_action()), resource, {})])


_s3_authorize = s3_responses.S3Response._authenticate_and_authorize_s3_action


def _s3_authorize_presigned(self, bucket_name=None, key_name=None):
    parsed = urlparse(self.uri)
    query = parse_qs(parsed.query)
    enforcing = ActionAuthenticatorMixin.request_count >= settings.INITIAL_NO_AUTH_ACTION_COUNT
    if not enforcing or "Authorization" in self.headers or "X-Amz-Credential" not in query:
        return _s3_authorize(self, bucket_name=bucket_name, key_name=key_name)
    headers = {"Authorization": f"AWS4-HMAC-SHA256 Credential={query['X-Amz-Credential'][0]}, SignedHeaders=host, Signature=-"}
    if "X-Amz-Security-Token" in query:
        headers["X-Amz-Security-Token"] = query["X-Amz-Security-Token"][0]
    resource = f"{bucket_name or '*'}/{key_name}" if key_name else (bucket_name or "*")
    request = S3IAMRequest(account_id=self.current_account, method=self.method, path=parsed.path, data=self.data,
                           body=self.raw_body, headers=headers, action=self._get_action())
    _check_permitted(request, f"arn:aws:s3:::{resource}", {})


s3_responses.S3Response._authenticate_and_authorize_s3_action = _s3_authorize_presigned


def _key_from_cloudformation(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    properties = cloudformation_json["Properties"]
    key = kms_models.kms_backends[account_id][region_name].create_key(
        policy=properties["KeyPolicy"],
        key_usage=properties.get("KeyUsage", "ENCRYPT_DECRYPT"),
        key_spec=properties.get("KeySpec", "SYMMETRIC_DEFAULT"),
        description=properties.get("Description"),
        tags=properties.get("Tags", []),
    )
    key.key_rotation_status = properties.get("EnableKeyRotation", False)
    key.enabled = properties.get("Enabled", True)
    return key


kms_models.Key.create_from_cloudformation_json = classmethod(_key_from_cloudformation)


def _cloudfront(account_id):
    return cloudfront_models.cloudfront_backends[account_id]["aws"]


class _StackCloudFront:
    """A CloudFront resource of a stack: the thing moto's CloudFront API holds (or only an id), and its attributes."""

    def __init__(self, resource_id, attributes):
        self.physical_resource_id = resource_id
        self._attributes = attributes

    @staticmethod
    def cloudformation_name_type():
        return ""

    @classmethod
    def has_cfn_attr(cls, attr):
        return True

    def get_cfn_attribute(self, attribute_name):
        return self._attributes[attribute_name]

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
        return original_resource

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        pass

    def is_created(self):
        return True


def _stack_kind(resource_type, create):
    """
    The CloudFormation kind of `resource_type`, whose resources `create(properties, account_id, stack_ids)` makes as
    (physical id, attributes). Each kind derives from CloudFormationModel itself: moto finds the kinds among that
    class's direct subclasses, and files its models by the second part of their module's name.
    """

    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        return cls(*create(cloudformation_json["Properties"], account_id, kwargs))

    return type("_Stack" + resource_type.split("::")[-1], (_StackCloudFront, CloudFormationModel), {
        "__module__": "moto.cloudfront.stack",
        "cloudformation_type": staticmethod(lambda: resource_type),
        "create_from_cloudformation_json": classmethod(create_from_cloudformation_json),
    })


def _create_distribution(properties, account_id, stack_ids):
    config = properties["DistributionConfig"]
    behavior = dict(config["DefaultCacheBehavior"])
    behavior["AllowedMethods"] = {
        "Items": behavior.get("AllowedMethods", ["GET", "HEAD"]),
        "CachedMethods": {"Items": behavior.get("CachedMethods", ["GET", "HEAD"])},
    }
    errors = config.get("CustomErrorResponses", [])
    distribution, _, _ = _cloudfront(account_id).create_distribution({
        "CallerReference": f"{stack_ids.get('StackId')}/{stack_ids.get('LogicalId')}",
        "Comment": config.get("Comment", ""),
        "Enabled": config.get("Enabled", True),
        "DefaultRootObject": config.get("DefaultRootObject", ""),
        "PriceClass": config.get("PriceClass", "PriceClass_All"),
        "HttpVersion": config.get("HttpVersion", "http2"),
        "Origins": {"Items": [dict(o) for o in config["Origins"]]},
        "DefaultCacheBehavior": behavior,
        "CustomErrorResponses": {"Quantity": len(errors), "Items": errors} if errors else {"Quantity": 0},
        "ViewerCertificate": config.get("ViewerCertificate", {}),
    }, tags=[])
    return distribution.distribution_id, {"DomainName": distribution.domain_name, "Id": distribution.distribution_id}


def _create_origin_access_control(properties, account_id, stack_ids):
    control = _cloudfront(account_id).create_origin_access_control(properties["OriginAccessControlConfig"])
    return control.id, {"Id": control.id}


def _create_policy_id(properties, account_id, stack_ids):
    policy_id = str(mock_random.uuid4())
    return policy_id, {"Id": policy_id}


# Held here: moto knows the kinds only through CloudFormationModel.__subclasses__(), which does not keep them alive.
_STACK_KINDS = [
    _stack_kind("AWS::CloudFront::Distribution", _create_distribution),
    _stack_kind("AWS::CloudFront::OriginAccessControl", _create_origin_access_control),
    _stack_kind("AWS::CloudFront::ResponseHeadersPolicy", _create_policy_id),
]


_send_message_batch = SQSBackend.send_message_batch


def send_message_batch(self, queue_name, entries):
    messages, failed = _send_message_batch(self, queue_name, entries)
    system = {entry["Id"]: entry.get("MessageSystemAttributes") for entry in entries.values()}
    for message in messages:
        if system.get(message.user_id):
            message.system_attributes = system[message.user_id]
    return messages, failed


SQSBackend.send_message_batch = send_message_batch

_app = DomainDispatcherApplication(create_backend_app)
_lock = threading.Lock()


def serialized(environ, start_response):
    with _lock:
        return list(_app(environ, start_response))


if __name__ == "__main__":
    # Step Functions executions call SQS and DynamoDB back through this server at localhost:MOTO_PORT (5000 by
    # default), as `moto_server -p` sets it.
    os.environ["MOTO_PORT"] = sys.argv[2]
    run_simple(sys.argv[1], int(sys.argv[2]), serialized, threaded=True)
