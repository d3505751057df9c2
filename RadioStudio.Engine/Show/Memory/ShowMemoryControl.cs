using RadioStudio.Engine.Callers;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Engine.Show.Memory;

/// <summary>The pages' entry to show memory: follow-ups, regulars and caller flags.</summary>
public sealed class ShowMemoryControl(FollowUps followUps, Regulars regulars, CallerDirectoryService callers) : IShowMemoryControl
{
    /// <inheritdoc />
    public Task FollowUpNowAsync(CancellationToken cancellationToken = default) => followUps.FollowUpNowAsync(cancellationToken);

    /// <inheritdoc />
    public Task PutOnFollowUpAsync(CancellationToken cancellationToken = default) => followUps.PutOnAsync(cancellationToken);

    /// <inheritdoc />
    public Task SkipFollowUpAsync(CancellationToken cancellationToken = default) => followUps.SkipAsync();

    /// <inheritdoc />
    public bool CanMakeRegular(string recordId) => regulars.CanPromote(recordId);

    /// <inheritdoc />
    public async Task MakeRegularAsync(string recordId, CancellationToken cancellationToken = default)
    {
        if (await regulars.PromoteAsync(recordId, cancellationToken).ConfigureAwait(false) is null)
        {
            throw new StudioCommandException("That caller's persona is gone (the studio restarted): only calls from this session can be made regulars.");
        }
    }

    /// <inheritdoc />
    public Task SetCallerFlagsAsync(string number, bool vip, bool blocked, CancellationToken cancellationToken = default) =>
        callers.SetFlagsAsync(number, vip, blocked, cancellationToken);
}
