using Promotions.Domain.Lifecycle;

namespace Promotions.Domain.Tests.Lifecycle;

public sealed class LifecycleMachineTests
{
    [Theory]
    [InlineData(LifecycleStatus.Draft, LifecycleAction.Schedule, LifecycleStatus.Scheduled)]
    [InlineData(LifecycleStatus.Draft, LifecycleAction.Activate, LifecycleStatus.Active)]
    [InlineData(LifecycleStatus.Scheduled, LifecycleAction.Activate, LifecycleStatus.Active)]
    [InlineData(LifecycleStatus.Active, LifecycleAction.Pause, LifecycleStatus.Paused)]
    [InlineData(LifecycleStatus.Paused, LifecycleAction.Activate, LifecycleStatus.Active)]
    [InlineData(LifecycleStatus.Active, LifecycleAction.End, LifecycleStatus.Ended)]
    [InlineData(LifecycleStatus.Ended, LifecycleAction.Archive, LifecycleStatus.Archived)]
    [InlineData(LifecycleStatus.Draft, LifecycleAction.Archive, LifecycleStatus.Archived)]
    public void Apply_WhenLegal_MovesToNextStatus(LifecycleStatus from, LifecycleAction action, LifecycleStatus expected)
    {
        var result = LifecycleMachine.Apply(from, action);

        Assert.True(result.IsSuccess);
        Assert.Equal(expected, result.Value);
    }

    [Theory]
    [InlineData(LifecycleStatus.Draft, LifecycleAction.Pause)]
    [InlineData(LifecycleStatus.Ended, LifecycleAction.Activate)]
    [InlineData(LifecycleStatus.Archived, LifecycleAction.Activate)]
    [InlineData(LifecycleStatus.Active, LifecycleAction.Schedule)]
    [InlineData(LifecycleStatus.Active, LifecycleAction.Activate)]
    [InlineData(LifecycleStatus.Paused, LifecycleAction.Pause)]
    public void Apply_WhenIllegal_ReturnsTypedError(LifecycleStatus from, LifecycleAction action)
    {
        var result = LifecycleMachine.Apply(from, action);

        Assert.False(result.IsSuccess);
        var error = Assert.Single(result.Errors);
        Assert.Equal(LifecycleMachine.IllegalTransitionCode, error.Code);
        Assert.Equal("$.action", error.Path);
    }

    [Fact]
    public void Archived_IsTerminal()
    {
        Assert.Empty(LifecycleMachine.AllowedActions(LifecycleStatus.Archived));
        foreach (var action in Enum.GetValues<LifecycleAction>())
        {
            Assert.False(LifecycleMachine.Apply(LifecycleStatus.Archived, action).IsSuccess);
        }
    }

    [Fact]
    public void EveryStatusButArchived_CanReachArchived()
    {
        foreach (var start in Enum.GetValues<LifecycleStatus>())
        {
            var seen = new HashSet<LifecycleStatus> { start };
            var frontier = new Queue<LifecycleStatus>([start]);
            while (frontier.TryDequeue(out var s))
            {
                foreach (var a in LifecycleMachine.AllowedActions(s))
                {
                    var next = LifecycleMachine.Apply(s, a).Value;
                    if (seen.Add(next))
                    {
                        frontier.Enqueue(next);
                    }
                }
            }

            Assert.Contains(LifecycleStatus.Archived, seen);
        }
    }
}
