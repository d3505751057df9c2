using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio;

/// <summary>
/// A change to the studio, applied by the engine loop one at a time. <see cref="ApplyAsync"/> returns the
/// new snapshot (or the same instance for "no change") after persisting whatever must survive a crash.
/// </summary>
internal abstract class StudioCommand
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Completion => _done.Task;

    public abstract ValueTask<StudioState> ApplyAsync(StudioState state, CommandContext context, CancellationToken cancellationToken);

    public void Complete() => _done.TrySetResult();

    public void Fail(Exception error) => _done.TrySetException(error);
}
