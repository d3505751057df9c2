using System.Collections.Concurrent;
using System.Collections.Immutable;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Tests.Support;

/// <summary>
/// A store the test drives: <see cref="Publish"/> pushes a snapshot to every subscriber, and every
/// command a page sends is recorded instead of applied.
/// </summary>
public sealed class FakeStudio : IStudioStore, IStudioControl
{
    private ImmutableList<Func<StudioState, Task>> _subscribers = [];

    public FakeStudio(StudioState? initial = null) => Current = initial ?? Initial();

    public StudioState Current { get; private set; }

    public ConcurrentQueue<string> Commands { get; } = new();

    public int SubscriberCount => _subscribers.Count;

    /// <summary>When set, every command fails with this refusal.</summary>
    public string? RefuseWith { get; set; }

    public static StudioState Initial(DateTimeOffset? now = null) => new()
    {
        Now = now ?? new DateTimeOffset(2026, 11, 24, 22, 0, 0, TimeSpan.Zero),
        AiCallers = [.. Enumerable.Range(1, 10).Select(i => new AiCallerState(i, null, null, AiCallerStatus.Empty, false))],
    };

    public IDisposable Subscribe(Func<StudioState, Task> onChange, TimeSpan? throttle = null)
    {
        ImmutableInterlocked.Update(ref _subscribers, l => l.Add(onChange));
        return new Unsubscriber(() => ImmutableInterlocked.Update(ref _subscribers, l => l.Remove(onChange)));
    }

    public async Task PublishAsync(StudioState state)
    {
        Current = state with { Version = Current.Version + 1 };
        foreach (var subscriber in _subscribers)
        {
            await subscriber(Current);
        }
    }

    public Task SetOnAirAsync(bool onAir, CancellationToken cancellationToken = default) => Record($"on-air:{onAir}");

    public Task AddHostLineAsync(string text, CancellationToken cancellationToken = default) => Record($"host-line:{text}");

    public Task SetRespondModeAsync(RespondMode mode, CancellationToken cancellationToken = default) => Record($"respond-mode:{mode}");

    public Task SetAutoFollowUpAsync(bool enabled, CancellationToken cancellationToken = default) => Record($"auto-follow-up:{enabled}");

    public Task UpdateCallerDetailsAsync(string lineId, string? name, string? topic, string? notes, CancellationToken cancellationToken = default) =>
        Record($"details:{lineId}:{name ?? "-"}:{topic ?? "-"}:{notes ?? "-"}");

    public Task TakeCallAsync(string lineId, CancellationToken cancellationToken = default) => Record($"take:{lineId}");

    public Task HoldCallAsync(string lineId, CancellationToken cancellationToken = default) => Record($"hold:{lineId}");

    public Task DropCallAsync(string lineId, CancellationToken cancellationToken = default) => Record($"drop:{lineId}");

    public Task HangUpAsync(string lineId, CancellationToken cancellationToken = default) => Record($"hangup:{lineId}");

    public Task SetLockedAsync(string lineId, bool locked, CancellationToken cancellationToken = default) => Record($"lock:{lineId}:{locked}");

    public Task TakeNextAsync(CancellationToken cancellationToken = default) => Record("take-next");

    public Task ScreenCallAsync(string lineId, bool screened, CancellationToken cancellationToken = default) => Record($"screened:{lineId}:{screened}");

    public Task TakeOverScreeningAsync(string lineId, CancellationToken cancellationToken = default) => Record($"take-over:{lineId}");

    public Task SetNextAsync(string lineId, bool next = true, CancellationToken cancellationToken = default) => Record($"next:{lineId}:{next}");

    public Task MoveInQueueAsync(string lineId, int steps, CancellationToken cancellationToken = default) => Record($"move:{lineId}:{steps}");

    /// <summary>The last routing table a page asked to save (also when refused).</summary>
    public RadioStudio.Engine.Audio.Routing.RoutingTable? LastRouting { get; private set; }

    public Task SetRoutingAsync(RadioStudio.Engine.Audio.Routing.RoutingTable routing, CancellationToken cancellationToken = default)
    {
        LastRouting = routing;
        return Record($"routing:{routing.DeviceName}:{routing.HostMic}");
    }

    /// <summary>The last AI provider choices a page asked to save (also when refused).</summary>
    public RadioStudio.Engine.Providers.AiProviderChoices? LastAiProviders { get; private set; }

    public Task SetAiProvidersAsync(RadioStudio.Engine.Providers.AiProviderChoices choices, CancellationToken cancellationToken = default)
    {
        LastAiProviders = choices;
        return Record($"ai-providers:{choices.Llm.Provider}:{choices.SpeechToText.Provider}:{choices.TextToSpeech.Provider}");
    }

    public Task SetBlockAllAsync(bool blocked, CancellationToken cancellationToken = default) => Record($"block-all:{blocked}");

    private Task Record(string command)
    {
        Commands.Enqueue(command);
        return RefuseWith is { } reason ? Task.FromException(new StudioCommandException(reason)) : Task.CompletedTask;
    }

    private sealed class Unsubscriber(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
