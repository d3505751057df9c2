using System.Collections.Immutable;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>Applies a change to the show-memory parts of the state (history, follow-up, known callers).</summary>
internal sealed class UpdateMemoryStateCommand(Func<StudioState, StudioState> update) : StudioCommand
{
    public override ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(update(state));

    /// <summary>
    /// Replaces the show-so-far list when it belongs to the show on the state (a late answer for an old show is
    /// dropped). A record the state already holds in a newer form (summary written, made a regular meanwhile) wins
    /// over the loaded one, and records added since the load stay.
    /// </summary>
    public static UpdateMemoryStateCommand SetHistory(string showId, ImmutableList<CallRecord> records) =>
        new(s =>
        {
            if (s.Show?.Id != showId)
            {
                return s;
            }

            var current = s.ShowHistory.Where(r => r.ShowId == showId).ToDictionary(r => r.Id, StringComparer.Ordinal);
            var merged = records
                .Select(r => current.TryGetValue(r.Id, out var held) && (!held.SummaryPending || held.RegularId is not null) ? held : r)
                .Concat(current.Values.Where(r => !records.Any(x => x.Id == r.Id)))
                .OrderBy(r => r.StartOffset).ThenBy(r => r.Ended);
            return s with { ShowHistory = [.. merged] };
        });
}
