using RadioStudio.Engine.State;
using RadioStudio.Engine.Studio;

namespace RadioStudio.Tests.Support;

/// <summary>Waits on pushed state instead of sleeping.</summary>
public static class StoreWaits
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Completes with the first pushed (or current) snapshot that matches.</summary>
    public static async Task<StudioState> WaitForAsync(this IStudioStore store, Func<StudioState, bool> predicate, TimeSpan? timeout = null)
    {
        var found = new TaskCompletionSource<StudioState>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = store.Subscribe(state =>
        {
            if (predicate(state))
            {
                found.TrySetResult(state);
            }

            return Task.CompletedTask;
        }, TimeSpan.Zero);
        if (predicate(store.Current))
        {
            return store.Current;
        }

        return await found.Task.WaitAsync(timeout ?? DefaultTimeout);
    }
}
