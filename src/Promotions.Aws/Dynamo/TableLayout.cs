using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Dynamo;

/// <summary>
/// The key schema of the two tables (docs/dynamodb.md). template.yaml declares the same tables for AWS; tests
/// and local tooling create them from here. The main table overloads <c>pk</c>/<c>sk</c> and two general
/// indexes (<c>gsi1</c>, <c>gsi2</c>) across item types, and has a third (<c>gsi3</c>) for the schedule's due steps; items that are not in an index leave its keys out
/// (sparse indexes), and <c>ttl</c> (epoch seconds) lets DynamoDB delete what has expired.
/// </summary>
public static class TableLayout
{
    public const string Pk = "pk";
    public const string Sk = "sk";
    public const string Gsi1 = "gsi1";
    public const string Gsi1Pk = "gsi1pk";
    public const string Gsi1Sk = "gsi1sk";
    public const string Gsi2 = "gsi2";
    public const string Gsi2Pk = "gsi2pk";
    public const string Gsi2Sk = "gsi2sk";
    public const string Gsi3 = "gsi3";
    public const string Gsi3Pk = "gsi3pk";
    public const string Gsi3Sk = "gsi3sk";
    public const string Ttl = "ttl";

    /// <summary>The catalog, ledger and outbox table: streams new and old images (the outbox relay reads them).</summary>
    public static CreateTableRequest MainTable(string name) => new()
    {
        TableName = name,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new(Pk, KeyType.HASH), new(Sk, KeyType.RANGE)],
        AttributeDefinitions =
        [
            new(Pk, ScalarAttributeType.S), new(Sk, ScalarAttributeType.S),
            new(Gsi1Pk, ScalarAttributeType.S), new(Gsi1Sk, ScalarAttributeType.S),
            new(Gsi2Pk, ScalarAttributeType.S), new(Gsi2Sk, ScalarAttributeType.S),
            new(Gsi3Pk, ScalarAttributeType.S), new(Gsi3Sk, ScalarAttributeType.S),
        ],
        GlobalSecondaryIndexes = [Index(Gsi1, Gsi1Pk, Gsi1Sk), Index(Gsi2, Gsi2Pk, Gsi2Sk), Index(Gsi3, Gsi3Pk, Gsi3Sk)],
        StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_AND_OLD_IMAGES },
    };

    /// <summary>The analytics table: aggregates and the ids of processed events.</summary>
    public static CreateTableRequest AnalyticsTable(string name) => new()
    {
        TableName = name,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = [new(Pk, KeyType.HASH), new(Sk, KeyType.RANGE)],
        AttributeDefinitions = [new(Pk, ScalarAttributeType.S), new(Sk, ScalarAttributeType.S)],
    };

    private static GlobalSecondaryIndex Index(string name, string pk, string sk) => new()
    {
        IndexName = name,
        KeySchema = [new(pk, KeyType.HASH), new(sk, KeyType.RANGE)],
        Projection = new Projection { ProjectionType = ProjectionType.ALL },
    };
}
