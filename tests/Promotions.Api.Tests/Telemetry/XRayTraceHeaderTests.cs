using System.Diagnostics;
using Promotions.Domain.Tracing;

namespace Promotions.Api.Tests.Telemetry;

public sealed class XRayTraceHeaderTests
{
    private const string Sampled = "Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1";

    [Fact]
    public void TryParse_WhenTheHeaderIsWellFormed_ReadsTheTraceParentAndSampling()
    {
        Assert.True(XRayTraceHeader.TryParse(Sampled, out var context));

        Assert.Equal("5759e988bd862e3fe1be46a994272793", context.TraceId.ToHexString());
        Assert.Equal("53995c3f42cd8ad8", context.SpanId.ToHexString());
        Assert.Equal(ActivityTraceFlags.Recorded, context.TraceFlags);
        Assert.True(context.IsRemote);
    }

    [Theory]
    [InlineData(Sampled)]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=0")]
    public void Format_OfAParsedHeader_GivesTheSameHeader(string header)
    {
        Assert.True(XRayTraceHeader.TryParse(header, out var context));

        Assert.Equal(header, XRayTraceHeader.Format(context));
    }

    [Fact]
    public void TryParse_WhenKeysAreReorderedSpacedUpperCaseOrExtra_ReadsTheSameContext()
    {
        Assert.True(XRayTraceHeader.TryParse(Sampled, out var expected));

        Assert.True(XRayTraceHeader.TryParse(" Sampled=1 ; parent=53995C3F42CD8AD8;Lineage=a87bd80c:1|68fd508a:5 ;ROOT=1-5759E988-BD862E3FE1BE46A994272793", out var context));

        Assert.Equal(expected, context);
    }

    [Theory]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8", ActivityTraceFlags.None)]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=?", ActivityTraceFlags.None)]
    public void TryParse_WhenSamplingIsNotDecided_LeavesTheContextUnrecorded(string header, ActivityTraceFlags flags)
    {
        Assert.True(XRayTraceHeader.TryParse(header, out var context));

        Assert.Equal(flags, context.TraceFlags);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("Root=1-5e66d96f-7491f09xmpl79d18acf3d050")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad;Sampled=1")]
    [InlineData("Root=2-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")]
    [InlineData("Root=1-5759e988xbd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a99427279z;Parent=53995c3f42cd8ad8;Sampled=1")]
    [InlineData("Root=1-00000000-000000000000000000000000;Parent=53995c3f42cd8ad8;Sampled=1")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=0000000000000000;Sampled=1")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1;Padding=" +
        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData(";;==;Root=;Parent=")]
    public void TryParse_WhenTheHeaderIsMalformed_ReadsNothing(string? header)
    {
        Assert.False(XRayTraceHeader.TryParse(header, out var context));
        Assert.Equal(default, context);
    }

    [Fact]
    public void TraceParent_OfAParsedHeader_IsTheW3CFormOfTheSameContext()
    {
        Assert.True(XRayTraceHeader.TryParse(Sampled, out var context));

        var traceParent = XRayTraceHeader.TraceParent(context);

        Assert.Equal("00-5759e988bd862e3fe1be46a994272793-53995c3f42cd8ad8-01", traceParent);
        Assert.True(ActivityContext.TryParse(traceParent, null, out var w3c));
        Assert.Equal((context.TraceId, context.SpanId, context.TraceFlags), (w3c.TraceId, w3c.SpanId, w3c.TraceFlags));
    }
}
