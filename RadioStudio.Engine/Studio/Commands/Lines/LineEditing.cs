using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>Shared steps of the phone-line commands: find a line, swap in its new version, persist the move.</summary>
internal static class LineEditing
{
    public static PhoneLineState Find(StudioState state, string lineId) =>
        state.Lines.Find(l => l.Id == lineId) ?? throw new StudioCommandException("That caller is no longer on the line.");

    public static async ValueTask<StudioState> MoveAsync(
        StudioState state, PhoneLineState from, PhoneLineState to, CommandContext context, string? detail, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        await context.Repository.RecordCallEventAsync(to, now, to.Status.ToString(), detail, cancellationToken).ConfigureAwait(false);
        return state with { Lines = state.Lines.Replace(from, to), Now = now };
    }

    /// <summary>Lowest output channel not used by another on-air caller.</summary>
    public static int FreeChannel(StudioState state, int first)
    {
        var used = state.Lines.Where(l => l.Channel is not null).Select(l => l.Channel!.Value).ToHashSet();
        var channel = first;
        while (used.Contains(channel))
        {
            channel++;
        }

        return channel;
    }

    public static PhoneLineState OffAir(PhoneLineState line) =>
        line with { Status = line.QueueStatus, Channel = null, OnAirSince = null };
}
