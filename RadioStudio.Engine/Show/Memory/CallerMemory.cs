using System.Collections.Concurrent;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>
/// What the AI director asks of show memory: the earlier calls for prompts, the follow-up a slot was picked for,
/// and the hand-over when an AI call ends (its record, and maybe a promotion to regular).
/// </summary>
public sealed class CallerMemory(StudioEngine engine, CallRecorder recorder, Regulars regulars)
{
    private readonly ConcurrentDictionary<int, EarlierCall> _followUps = new();

    /// <summary>The show so far, for EARLIER IN THE SHOW.</summary>
    public IReadOnlyList<EarlierCall> EarlierCalls() => ShowHistory.EarlierCalls(engine.Current);

    /// <summary>The next call from <paramref name="slot"/> follows up <paramref name="call"/>.</summary>
    public void SetFollowUp(int slot, EarlierCall call) => _followUps[slot] = call;

    /// <summary>The follow-up the slot was picked for (once), as the call's reaction.</summary>
    public CallReaction? TakeFollowUp(int slot, string callerName) =>
        _followUps.TryRemove(slot, out var call) && !string.Equals(call.Name, callerName, StringComparison.OrdinalIgnoreCase)
            ? new CallReaction(call) { IsFollowUp = true }
            : null;

    /// <summary>The regulars seated on a new show's board and the names of all active regulars.</summary>
    public Task<(IReadOnlyList<Persona> OnBoard, IReadOnlyList<string> Names)> RegularsForNewShowAsync(CancellationToken cancellationToken = default) =>
        regulars.ForNewShowAsync(cancellationToken);

    /// <summary>An AI call ended: store its record (summary in the background), maybe promote the caller.</summary>
    public async Task AiCallEndedAsync(Persona persona, TimeSpan startedAt, string reason, int exchanges)
    {
        ArgumentNullException.ThrowIfNull(persona);
        var record = await recorder.RecordAiCallAsync(persona.Name, startedAt, reason, persona.RegularId).ConfigureAwait(false);
        if (record is not null)
        {
            await regulars.CallEndedAsync(persona, record, exchanges).ConfigureAwait(false);
        }
    }
}
