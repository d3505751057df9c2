namespace RadioStudio.Engine.Show.Turns;

/// <summary>
/// The host's controls for AI callers. State (who is on the line, listening/thinking/speaking, the last turn's
/// latency) is pushed through the studio store; these calls return as soon as the intent is accepted.
/// </summary>
public interface IAiDirector
{
    /// <summary>Puts the AI caller in board slot <paramref name="slot"/> (1–10) on the line, ending any other AI call.</summary>
    Task CallAsync(int slot, CancellationToken cancellationToken = default);

    /// <summary>Ends the AI call: anything in flight is cancelled and never airs.</summary>
    Task HangUpAsync(CancellationToken cancellationToken = default);

    /// <summary>A typed host line: into the transcript and the AI caller's conversation.</summary>
    Task HostLineAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Manual mode's "Let them respond": the AI caller replies now.</summary>
    Task LetThemRespondAsync(CancellationToken cancellationToken = default);

    /// <summary>The host holds (true) or releases (false) push-to-talk; releasing ends the host's turn.</summary>
    void PushToTalk(bool held);
}
