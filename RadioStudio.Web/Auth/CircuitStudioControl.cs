using Microsoft.AspNetCore.Components.Authorization;
using RadioStudio.Engine.Audio.Routing;
using RadioStudio.Engine.Providers;
using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Web.Auth;

/// <summary>
/// The studio's commands as one circuit may send them: the server checks the signed-in role of the circuit on
/// every command, so a screener's tablet that calls a host command (by any means, not only a hidden button) is
/// refused with a message. The screener may edit, order, mark screened and drop waiting callers; the co-host
/// sends nothing. Without configured users (a local studio) everything passes.
/// </summary>
public sealed class CircuitStudioControl(IStudioControl inner, StudioUsers users, IServiceProvider services) : IStudioControl
{
    /// <inheritdoc />
    public async Task SetOnAirAsync(bool onAir, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.SetOnAirAsync(onAir, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AddHostLineAsync(string text, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.AddHostLineAsync(text, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetRespondModeAsync(RespondMode mode, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.SetRespondModeAsync(mode, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetAutoFollowUpAsync(bool enabled, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.SetAutoFollowUpAsync(enabled, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task TakeCallAsync(string lineId, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.TakeCallAsync(lineId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task HoldCallAsync(string lineId, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.HoldCallAsync(lineId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task DropCallAsync(string lineId, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: false).ConfigureAwait(false);
        await inner.DropCallAsync(lineId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task HangUpAsync(string lineId, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.HangUpAsync(lineId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetLockedAsync(string lineId, bool locked, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.SetLockedAsync(lineId, locked, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task TakeNextAsync(CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.TakeNextAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ScreenCallAsync(string lineId, bool screened, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: false).ConfigureAwait(false);
        await inner.ScreenCallAsync(lineId, screened, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task TakeOverScreeningAsync(string lineId, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: false).ConfigureAwait(false);
        await inner.TakeOverScreeningAsync(lineId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetNextAsync(string lineId, bool next = true, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: false).ConfigureAwait(false);
        await inner.SetNextAsync(lineId, next, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task MoveInQueueAsync(string lineId, int steps, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: false).ConfigureAwait(false);
        await inner.MoveInQueueAsync(lineId, steps, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetBlockAllAsync(bool blocked, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.SetBlockAllAsync(blocked, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetRoutingAsync(RoutingTable routing, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.SetRoutingAsync(routing, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetAiProvidersAsync(AiProviderChoices choices, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: true).ConfigureAwait(false);
        await inner.SetAiProvidersAsync(choices, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task UpdateCallerDetailsAsync(string lineId, string? name, string? topic, string? notes, CancellationToken cancellationToken = default)
    {
        await DemandAsync(host: false).ConfigureAwait(false);
        await inner.UpdateCallerDetailsAsync(lineId, name, topic, notes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Refuses unless the circuit's user is the host, or (for a queue action, <paramref name="host"/> false) the screener.
    /// Other rooms' page-facing controls call this too.
    /// </summary>
    public async Task DemandAsync(bool host)
    {
        if (!users.Enabled)
        {
            return;
        }

        var auth = services.GetRequiredService<AuthenticationStateProvider>();
        var role = StudioUsers.RoleOf((await auth.GetAuthenticationStateAsync().ConfigureAwait(false)).User);
        if (role == StudioRole.Host || (!host && role == StudioRole.Screener))
        {
            return;
        }

        throw new StudioCommandException(role is null
            ? "You are signed out. Sign in again."
            : host ? "Only the host can do that." : "Only the host or the screener can do that.");
    }
}
