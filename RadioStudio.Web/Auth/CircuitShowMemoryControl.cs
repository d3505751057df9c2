using RadioStudio.Engine.Show.Memory;

namespace RadioStudio.Web.Auth;

/// <summary>
/// Show memory's page commands as one circuit may send them: follow-ups and regulars are the host's; flagging a
/// number (VIP, blocked) is also the screener's. Checked on the server, like <see cref="CircuitStudioControl"/>.
/// </summary>
public sealed class CircuitShowMemoryControl(IShowMemoryControl inner, CircuitStudioControl circuit) : IShowMemoryControl
{
    /// <inheritdoc />
    public async Task FollowUpNowAsync(CancellationToken cancellationToken = default)
    {
        await circuit.DemandAsync(host: true).ConfigureAwait(false);
        await inner.FollowUpNowAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task PutOnFollowUpAsync(CancellationToken cancellationToken = default)
    {
        await circuit.DemandAsync(host: true).ConfigureAwait(false);
        await inner.PutOnFollowUpAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SkipFollowUpAsync(CancellationToken cancellationToken = default)
    {
        await circuit.DemandAsync(host: true).ConfigureAwait(false);
        await inner.SkipFollowUpAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public bool CanMakeRegular(string recordId) => inner.CanMakeRegular(recordId);

    /// <inheritdoc />
    public async Task MakeRegularAsync(string recordId, CancellationToken cancellationToken = default)
    {
        await circuit.DemandAsync(host: true).ConfigureAwait(false);
        await inner.MakeRegularAsync(recordId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task SetCallerFlagsAsync(string number, bool vip, bool blocked, CancellationToken cancellationToken = default)
    {
        await circuit.DemandAsync(host: false).ConfigureAwait(false);
        await inner.SetCallerFlagsAsync(number, vip, blocked, cancellationToken).ConfigureAwait(false);
    }
}
