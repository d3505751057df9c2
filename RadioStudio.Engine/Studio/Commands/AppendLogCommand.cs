using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands;

/// <summary>Adds a batch of log lines to the event log, keeping only the newest ones.</summary>
internal sealed class AppendLogCommand(IReadOnlyList<StudioLogEntry> entries) : StudioCommand
{
    public override ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var log = state.EventLog.AddRange(entries);
        var excess = log.Count - context.Options.EventLogCapacity;
        if (excess > 0)
        {
            log = log.RemoveRange(0, excess);
        }

        return ValueTask.FromResult(state with { EventLog = log });
    }
}
