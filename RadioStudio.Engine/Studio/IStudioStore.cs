using RadioStudio.Engine.State;

namespace RadioStudio.Engine.Studio;

/// <summary>Read side of the studio: the current snapshot and a push subscription to every change.</summary>
public interface IStudioStore
{
    /// <summary>The latest published snapshot.</summary>
    StudioState Current { get; }

    /// <summary>
    /// Receives the current snapshot at once and then every later one, latest-wins, at most once per
    /// <paramref name="throttle"/> (the configured push interval when null). Callbacks never run on the
    /// engine loop; an exception thrown by one is logged and never reaches the engine or other subscribers.
    /// Dispose the result to stop.
    /// </summary>
    IDisposable Subscribe(Func<StudioState, Task> onChange, TimeSpan? throttle = null);
}
