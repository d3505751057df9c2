using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio;

/// <summary>
/// Write side of the studio: every UI intent is a command queued to the engine. Each task completes
/// once the command has been applied and persisted, and faults with <see cref="StudioCommandException"/>
/// when the studio refuses it (the message is fit to show to the user).
/// </summary>
public interface IStudioControl
{
    /// <summary>ON AIR starts a new show; OFF AIR ends the live show.</summary>
    Task SetOnAirAsync(bool onAir, CancellationToken cancellationToken = default);

    /// <summary>Adds a typed host line to the live show's transcript.</summary>
    Task AddHostLineAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Chooses when AI callers speak.</summary>
    Task SetRespondModeAsync(RespondMode mode, CancellationToken cancellationToken = default);

    /// <summary>Turns automatic AI follow-ups after phone calls on or off.</summary>
    Task SetAutoFollowUpAsync(bool enabled, CancellationToken cancellationToken = default);

    /// <summary>The screener's edit of a caller's name, topic or notes: null leaves a field as it is, empty clears it.</summary>
    Task UpdateCallerDetailsAsync(string lineId, string? name, string? topic, string? notes, CancellationToken cancellationToken = default);
}
