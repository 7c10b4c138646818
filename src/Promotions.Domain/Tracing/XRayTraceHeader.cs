using System.Diagnostics;

namespace Promotions.Domain.Tracing;

/// <summary>
/// The AWS X-Ray trace header (<c>X-Amzn-Trace-Id</c>, Lambda's <c>_X_AMZN_TRACE_ID</c>, SQS's <c>AWSTraceHeader</c>):
/// <c>Root=1-{8 hex epoch seconds}-{24 hex};Parent={16 hex};Sampled={0|1}</c>, read into and written from a W3C trace
/// context. An X-Ray trace id is a W3C trace id with a version and two dashes, so the mapping loses nothing. Only
/// System.Diagnostics types: this sits below every service and adapter.
/// </summary>
public static class XRayTraceHeader
{
    /// <summary>The HTTP header name.</summary>
    public const string HeaderName = "X-Amzn-Trace-Id";

    /// <summary>The SQS system attribute that carries the header.</summary>
    public const string SqsAttribute = "AWSTraceHeader";

    /// <summary>The SQS message attribute (and outbox member) that carries the W3C <c>traceparent</c>.</summary>
    public const string TraceParentAttribute = "traceparent";

    private const int MaxLength = 256;

    /// <summary>
    /// Reads a header; false for anything malformed (no <c>Root</c>, no <c>Parent</c>, a wrong length, a character that is
    /// not lower- or upper-case hex, an all-zero id), so a bad header only means a new trace. <c>Sampled=1</c> marks
    /// the context recorded; <c>0</c>, <c>?</c> or nothing leaves it unrecorded, as X-Ray's own SDKs read it.
    /// </summary>
    public static bool TryParse(string? header, out ActivityContext context)
    {
        context = default;
        if (string.IsNullOrEmpty(header) || header.Length > MaxLength)
        {
            return false;
        }

        ReadOnlySpan<char> root = default, parent = default;
        var sampled = false;
        foreach (var range in header.AsSpan().Split(';'))
        {
            var part = header.AsSpan(range).Trim();
            var equals = part.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            if (key.Equals("Root", StringComparison.OrdinalIgnoreCase))
            {
                root = value;
            }
            else if (key.Equals("Parent", StringComparison.OrdinalIgnoreCase))
            {
                parent = value;
            }
            else if (key.Equals("Sampled", StringComparison.OrdinalIgnoreCase))
            {
                sampled = value.SequenceEqual("1");
            }
        }

        // Root is "1-" + 8 hex + "-" + 24 hex.
        if (root.Length != 35 || root[0] != '1' || root[1] != '-' || root[10] != '-' || parent.Length != 16)
        {
            return false;
        }

        Span<char> traceId = stackalloc char[32];
        root[2..10].ToLowerInvariant(traceId[..8]);
        root[11..].ToLowerInvariant(traceId[8..]);
        Span<char> spanId = stackalloc char[16];
        parent.ToLowerInvariant(spanId);
        if (!IsNonZeroHex(traceId) || !IsNonZeroHex(spanId))
        {
            return false;
        }

        context = new ActivityContext(
            ActivityTraceId.CreateFromString(traceId), ActivitySpanId.CreateFromString(spanId),
            sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None, isRemote: true);
        return true;
    }

    /// <summary>The header of <paramref name="context"/>: its trace id as an X-Ray root, its span as the parent.</summary>
    public static string Format(ActivityContext context)
    {
        var traceId = context.TraceId.ToHexString();
        var sampled = (context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? '1' : '0';
        return $"Root=1-{traceId[..8]}-{traceId[8..]};Parent={context.SpanId.ToHexString()};Sampled={sampled}";
    }

    /// <summary>The W3C <c>traceparent</c> of <paramref name="context"/> (version 00).</summary>
    public static string TraceParent(ActivityContext context) =>
        $"00-{context.TraceId.ToHexString()}-{context.SpanId.ToHexString()}-{((context.TraceFlags & ActivityTraceFlags.Recorded) != 0 ? "01" : "00")}";

    /// <summary>The <c>traceparent</c> of the current activity, or null when there is none (nothing to carry).</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } activity ? TraceParent(activity.Context) : null;

    private static bool IsNonZeroHex(ReadOnlySpan<char> id)
    {
        var nonZero = false;
        foreach (var c in id)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }

            nonZero |= c != '0';
        }

        return nonZero;
    }
}
