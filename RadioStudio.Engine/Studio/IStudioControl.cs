using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Providers;
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

    /// <summary>Host: take a waiting caller to air.</summary>
    Task TakeCallAsync(string lineId, CancellationToken cancellationToken = default);

    /// <summary>Host: put an on-air caller back on hold.</summary>
    Task HoldCallAsync(string lineId, CancellationToken cancellationToken = default);

    /// <summary>Host or screener: drop a waiting caller (ends the call). On-air callers are refused.</summary>
    Task DropCallAsync(string lineId, CancellationToken cancellationToken = default);

    /// <summary>Host: hang up a caller (on air or waiting).</summary>
    Task HangUpAsync(string lineId, CancellationToken cancellationToken = default);

    /// <summary>Host: lock an on-air caller so "next" keeps them.</summary>
    Task SetLockedAsync(string lineId, bool locked, CancellationToken cancellationToken = default);

    /// <summary>Host: thank the unlocked on-air callers off and take the first waiting caller.</summary>
    Task TakeNextAsync(CancellationToken cancellationToken = default);

    /// <summary>The human screener takes a caller's screening over from the AI screener, which stops at once.</summary>
    Task TakeOverScreeningAsync(string lineId, CancellationToken cancellationToken = default);

    /// <summary>Screener: mark a waiting caller screened (or not).</summary>
    Task ScreenCallAsync(string lineId, bool screened, CancellationToken cancellationToken = default);

    /// <summary>Screener or host: this caller goes next (or, with <paramref name="next"/> false, no longer).</summary>
    Task SetNextAsync(string lineId, bool next = true, CancellationToken cancellationToken = default);

    /// <summary>Screener: move a waiting caller up (negative) or down (positive) the queue.</summary>
    Task MoveInQueueAsync(string lineId, int steps, CancellationToken cancellationToken = default);

    /// <summary>Host: refuse all new callers with the busy message, or open the lines again.</summary>
    Task SetBlockAllAsync(bool blocked, CancellationToken cancellationToken = default);

    /// <summary>Saves a new routing of sources to device channels; callers already on air keep their channel.</summary>
    /// <exception cref="StudioCommandException">The table is invalid (the message names every problem).</exception>
    Task SetRoutingAsync(RoutingTable routing, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves the host's AI provider choices (no secrets) so they override appsettings.json after a restart. Applying
    /// them to the running providers is <see cref="IAiProviderSettings.ApplyAsync"/>'s job, which calls this.
    /// </summary>
    Task SetAiProvidersAsync(AiProviderChoices choices, CancellationToken cancellationToken = default);

    /// <summary>The screener's edit of a caller's name, topic or notes: null leaves a field as it is, empty clears it.</summary>
    Task UpdateCallerDetailsAsync(string lineId, string? name, string? topic, string? notes, CancellationToken cancellationToken = default);
}
