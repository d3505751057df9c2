using System.Collections.Immutable;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>Applies a change to the show-memory parts of the state (history, follow-up, known callers).</summary>
internal sealed class UpdateMemoryStateCommand(Func<StudioState, StudioState> update) : StudioCommand
{
    public override ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(update(state));

    /// <summary>Replaces the show-so-far list when it belongs to the show on the state (a late answer for an old show is dropped).</summary>
    public static UpdateMemoryStateCommand SetHistory(string showId, ImmutableList<CallRecord> records) =>
        new(s => s.Show?.Id == showId ? s with { ShowHistory = records } : s);
}
