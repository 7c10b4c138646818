using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Auth;

namespace Promotions.Aws.Tests.Support.Lambda;

/// <summary>
/// The three DynamoDB Streams calls an event source needs (DescribeStream, GetShardIterator, GetRecords), over
/// the service's JSON protocol, signed with SigV4 by AWSSDK.Core's signer: the SDK's v4 DynamoDB package has no
/// streams client and its streams package is not served here. Records come back as the service's JSON, which
/// is what Lambda puts in a stream event.
/// </summary>
public sealed class DynamoDbStreamsClient(HttpClient http, Uri endpoint, string region, AWSCredentials credentials)
{
    /// <summary>The shards of a stream, in the order the service lists them (parents before children).</summary>
    public async Task<IReadOnlyList<string>> ShardsAsync(string streamArn, CancellationToken ct)
    {
        var shards = new List<string>();
        string? after = null;
        do
        {
            var request = new JsonObject { ["StreamArn"] = streamArn };
            if (after is not null)
            {
                request["ExclusiveStartShardId"] = after;
            }

            var description = (await CallAsync("DescribeStream", request, ct)).GetProperty("StreamDescription");
            shards.AddRange(description.GetProperty("Shards").EnumerateArray().Select(s => s.GetProperty("ShardId").GetString()!));
            after = description.TryGetProperty("LastEvaluatedShardId", out var last) ? last.GetString() : null;
        }
        while (after is not null);

        return shards;
    }

    /// <summary>An iterator of <c>TRIM_HORIZON</c>, <c>LATEST</c>, or <c>AT_</c>/<c>AFTER_SEQUENCE_NUMBER</c> a record.</summary>
    public async Task<string?> IteratorAsync(string streamArn, string shardId, string type, string? sequenceNumber, CancellationToken ct)
    {
        var request = new JsonObject { ["StreamArn"] = streamArn, ["ShardId"] = shardId, ["ShardIteratorType"] = type };
        if (sequenceNumber is not null)
        {
            request["SequenceNumber"] = sequenceNumber;
        }

        var response = await CallAsync("GetShardIterator", request, ct);
        return response.TryGetProperty("ShardIterator", out var iterator) ? iterator.GetString() : null;
    }

    /// <summary>Up to <paramref name="limit"/> records from an iterator, and the next iterator (null once a closed shard is read).</summary>
    public async Task<(IReadOnlyList<JsonObject> Records, string? Next)> RecordsAsync(string iterator, int limit, CancellationToken ct)
    {
        var response = await CallAsync("GetRecords", new JsonObject { ["ShardIterator"] = iterator, ["Limit"] = limit }, ct);
        var records = response.GetProperty("Records").EnumerateArray().Select(r => JsonNode.Parse(r.GetRawText())!.AsObject()).ToList();
        var next = response.TryGetProperty("NextShardIterator", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
        return (records, next);
    }

    private async Task<JsonElement> CallAsync(string operation, JsonObject body, CancellationToken ct)
    {
        var payload = body.ToJsonString();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(payload, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-amz-json-1.0");
        await SignAsync(request, "DynamoDBStreams_20120810." + operation, payload);
        using var response = await http.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"DynamoDB Streams {operation} answered {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task SignAsync(HttpRequestMessage request, string target, string payload)
    {
        var keys = await credentials.GetCredentialsAsync();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var amzDate = now.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var host = endpoint.IsDefaultPort ? endpoint.Host : $"{endpoint.Host}:{endpoint.Port}";
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["content-type"] = "application/x-amz-json-1.0",
            ["host"] = host,
            ["x-amz-date"] = amzDate,
            ["x-amz-target"] = target,
        };
        if (keys.UseToken)
        {
            headers["x-amz-security-token"] = keys.Token;
        }

        var signedHeaders = string.Join(';', headers.Keys);
        var canonical = string.Join('\n',
            "POST", endpoint.AbsolutePath, "", string.Concat(headers.Select(h => $"{h.Key}:{h.Value}\n")), signedHeaders,
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload))));
        var signature = AWS4Signer.ComputeSignature(keys, region, now, "dynamodb", signedHeaders, canonical);

        request.Headers.TryAddWithoutValidation("X-Amz-Date", amzDate);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", target);
        if (keys.UseToken)
        {
            request.Headers.TryAddWithoutValidation("X-Amz-Security-Token", keys.Token);
        }

        request.Headers.TryAddWithoutValidation("Authorization", signature.ForAuthorizationHeader);
    }
}
