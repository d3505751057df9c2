namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// Closes a lost stream on a background thread. Closing can take very long: PortAudio 19.6's JACK host
/// stops a stream by asking JACK's process callback to acknowledge, waiting on a condition with a
/// 10-minute timeout (WaitCondition in pa_jack.c); after the JACK server died nothing ever acknowledges,
/// so Pa_AbortStream returns only after those 10 minutes. The owner keeps its status Lost, its writes
/// instant and its Dispose prompt meanwhile, and retries opening only once the close has finished (the
/// PortAudio session can only re-scan devices after every stream is closed and it is terminated).
/// </summary>
internal static class StreamReaper
{
    /// <summary>Starts closing <paramref name="stream"/>; the returned event is set when it is closed.</summary>
    public static ManualResetEventSlim CloseInBackground(PortAudioStream stream)
    {
        var closed = new ManualResetEventSlim(false);
        var thread = new Thread(() =>
        {
            try
            {
                stream.Dispose();
            }
            finally
            {
                closed.Set();
            }
        })
        {
            IsBackground = true,
            Name = "RadioStudio stream close",
        };
        thread.Start();
        return closed;
    }

    /// <summary>
    /// Waits for <paramref name="closed"/> unless <paramref name="stop"/> is set first; true when closed.
    /// Calls <paramref name="stillWaiting"/> once if the close takes longer than a second.
    /// </summary>
    public static bool WaitClosed(ManualResetEventSlim closed, ManualResetEventSlim stop, Action stillWaiting)
    {
        if (WaitHandle.WaitAny([closed.WaitHandle, stop.WaitHandle], TimeSpan.FromSeconds(1)) == WaitHandle.WaitTimeout)
        {
            stillWaiting();
            return WaitHandle.WaitAny([closed.WaitHandle, stop.WaitHandle]) == 0;
        }

        return closed.IsSet;
    }
}
