using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio.Commands.Lines;

/// <summary>
/// The transcript's own lines for phone calls: who joined the air, who left and who ended the call, so the
/// co-host and any export can follow the show without the on-air panel.
/// </summary>
internal static class CallTranscriptLines
{
    /// <summary>The speaker of studio lines.</summary>
    public const string Speaker = "Studio";

    /// <summary>"Name is on the air."</summary>
    public static ValueTask<StudioState> JoinedAsync(StudioState state, PhoneLineState line, CommandContext context, CancellationToken cancellationToken) =>
        AddAsync(state, $"{line.DisplayName} is on the air.", context, cancellationToken);

    /// <summary>Who ended an on-air call, and how.</summary>
    public static ValueTask<StudioState> EndedAsync(StudioState state, PhoneLineState line, LineEnd reason, CommandContext context, CancellationToken cancellationToken)
    {
        if (!line.IsOnAir)
        {
            return ValueTask.FromResult(state);
        }

        var text = reason switch
        {
            LineEnd.CallerLeft => $"{line.DisplayName} hung up.",
            LineEnd.HungUp => $"{context.Options.HostName} ended the call with {line.DisplayName}.",
            _ => $"{line.DisplayName}'s call ended as the show moved on.",
        };
        return AddAsync(state, text, context, cancellationToken);
    }

    private static async ValueTask<StudioState> AddAsync(StudioState state, string text, CommandContext context, CancellationToken cancellationToken)
    {
        if (!state.OnAir || state.Show is not { IsLive: true })
        {
            return state;
        }

        return await new AddTranscriptEntryCommand(Speaker, PartyKind.System, text).ApplyAsync(state, context, cancellationToken).ConfigureAwait(false);
    }
}
