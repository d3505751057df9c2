using Microsoft.Extensions.Time.Testing;
using RadioStudio.Engine.Screening;
using RadioStudio.Engine.State;

namespace RadioStudio.Tests.Engine.Screening;

public sealed class ScreeningProviderGateTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EnterAsync_MoreCallersThanSlots_ExtraWaitsForARelease()
    {
        using var gate = new ScreeningProviderGate(2, new FakeTimeProvider());
        var first = await gate.EnterAsync(CancellationToken.None);
        using var second = await gate.EnterAsync(CancellationToken.None);

        var third = gate.EnterAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);
        Assert.Equal(2, gate.InUse);

        first.Dispose();
        first.Dispose(); // a double release gives back one slot only
        using var entered = await third.WaitAsync(Generous);
        Assert.Equal(2, gate.InUse);
    }

    [Fact]
    public async Task EnterAsync_OnAirTurnThinking_WaitsUntilItIsDone()
    {
        using var gate = new ScreeningProviderGate(4, new FakeTimeProvider());
        gate.OnState(Phase(AiPhase.Thinking));

        var waiting = gate.EnterAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);

        gate.OnState(Phase(AiPhase.Speaking));
        using var entered = await waiting.WaitAsync(Generous);
        Assert.Equal(1, gate.InUse);
    }

    [Fact]
    public async Task EnterAsync_OnAirTurnThinksTooLong_GoesAheadAfterThePriorityWait()
    {
        var time = new FakeTimeProvider();
        using var gate = new ScreeningProviderGate(4, time) { PriorityWait = TimeSpan.FromSeconds(3) };
        gate.OnState(Phase(AiPhase.Thinking));

        var waiting = gate.EnterAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.False(waiting.IsCompleted);

        time.Advance(TimeSpan.FromSeconds(1));
        using var entered = await waiting.WaitAsync(Generous);
    }

    private static StudioState Phase(AiPhase phase) => new() { Ai = AiStatus.Initial with { Phase = phase } };
}
