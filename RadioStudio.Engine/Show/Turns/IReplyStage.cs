using RadioStudio.Engine.Audio;
using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Show.Turns;

/// <summary>
/// What an AI reply touches in the studio while it runs: the board, the AI bus and the transcript. On air these are
/// the real ones (<see cref="OnAirReplyStage"/>); the turn warm-up gives a private one, so it runs the very same code
/// off the air.
/// </summary>
internal interface IReplyStage
{
    /// <summary>Show time now (transcript times).</summary>
    TimeSpan ShowTime();

    /// <summary>The calls so far tonight, for the prompt.</summary>
    IReadOnlyList<EarlierCall> EarlierCalls();

    /// <summary>Shows the call's phase on the board (while it is still the call on the line).</summary>
    Task SetPhaseAsync(ActiveAiCall call, AiPhase phase);

    /// <summary>Writes a line of the call, as heard, to the transcript.</summary>
    Task AddLineAsync(ActiveAiCall call, string text, TimeSpan start, TimeSpan end);

    /// <summary>Says under the board what went wrong.</summary>
    Task ReportProblemAsync(string problem, CancellationToken cancellationToken = default);

    /// <summary>Puts the voice on the AI bus; finishes when it has played out or was stopped.</summary>
    Task<bool> Play(IAudioSource voice);

    /// <summary>Stops the AI bus at once.</summary>
    void StopVoice();

    /// <summary>Fire-and-forget work: a failure is logged, never unobserved.</summary>
    void Background(Task task);
}
