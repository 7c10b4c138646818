using Promotions.Contracts.Analytics;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Domain.Tests.Analytics;

public sealed class EventEnvelopeTests
{
    [Fact]
    public void Read_WhenEnvelopeIsAWrittenEvent_ReturnsTheSameEvent()
    {
        var redeemed = AnalyticsEvents.Redeemed("evt_1", "red_1", "prm_1", "cmp_1", 0, 10m, 100m, segments: "seg_a");

        var read = EventEnvelope.Read(EventEnvelope.Write(redeemed));

        var roundTrip = Assert.IsType<RedemptionRecorded>(read!.Event);
        Assert.Equal(redeemed.EventId, roundTrip.EventId);
        Assert.Equal(redeemed.SegmentIds, roundTrip.SegmentIds);
        Assert.Equal(redeemed.Discount, roundTrip.Discount);
    }

    [Theory]
    [InlineData("""{"type":"offers_served","version":1,"eventId":"evt_9"}""")]
    [InlineData("""{"type":"redemption_recorded","version":7,"eventId":"evt_9"}""")]
    public void Read_WhenTypeOrVersionIsUnknown_IdentifiesButDoesNotRead(string json)
    {
        var read = EventEnvelope.Read(json);

        Assert.NotNull(read);
        Assert.True(read.IsIdentified);
        Assert.False(read.IsReadable);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"type":"redemption_recorded","version":1}""")]
    [InlineData("""{"type":"redemption_recorded","version":1,"eventId":"evt_1","discount":"lots"}""")]
    public void Read_WhenNotAnEnvelope_ReturnsNull(string json)
    {
        Assert.Null(EventEnvelope.Read(json));
    }
}
