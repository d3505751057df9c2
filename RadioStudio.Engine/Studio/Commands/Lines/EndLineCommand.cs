using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>Why a call ended, as the studio records it.</summary>
internal enum LineEnd
{
    /// <summary>The host or screener dropped a waiting caller.</summary>
    Dropped,

    /// <summary>The host hung up an on-air caller.</summary>
    HungUp,

    /// <summary>The caller hung up (stream stop, socket close or status callback).</summary>
    CallerLeft,

    /// <summary>The call never connected its media stream in time.</summary>
    NeverConnected,

    /// <summary>The show ended or the host moved on to the next caller.</summary>
    ShowMovedOn,
}

/// <summary>
/// Removes a call from the studio. Host and screener drops only take waiting callers (an on-air caller is the
/// host's to hang up); the phone system watches the state and tears down the real call.
/// </summary>
internal sealed class EndLineCommand(string lineId, LineEnd reason) : StudioCommand
{
    public override async ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken)
    {
        var line = state.Lines.Find(l => l.Id == lineId);
        if (line is null)
        {
            return reason is LineEnd.CallerLeft or LineEnd.NeverConnected
                ? state
                : throw new StudioCommandException("That caller is no longer on the line.");
        }

        if (reason == LineEnd.Dropped && line.IsOnAir)
        {
            throw new StudioCommandException($"{line.DisplayName} is on air: hang up from the on-air panel.");
        }

        var now = context.Time.GetUtcNow();
        var text = Describe(reason);
        await context.Repository.EndCallAsync(line.Id, now, text, cancellationToken).ConfigureAwait(false);
        StudioEngineLog.CallEnded(context.Logger, line.DisplayName, text, now - line.Arrived);
        var ended = state with { Lines = state.Lines.Remove(line), Now = now };
        return await CallTranscriptLines.EndedAsync(ended, line, reason, context, cancellationToken).ConfigureAwait(false);
    }

    public static string Describe(LineEnd reason) => reason switch
    {
        LineEnd.Dropped => "dropped",
        LineEnd.HungUp => "hung up by the host",
        LineEnd.CallerLeft => "caller hung up",
        LineEnd.NeverConnected => "never connected",
        _ => "show moved on",
    };
}
