namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// A socket in the graph for one source at a time (the AI voice, an ad break, a mic): <see cref="Play"/>
/// swaps the source in atomically, so the change lands at the next block boundary; silence when empty.
/// When a finite source ends, the slot empties itself and the task from <see cref="Play"/> completes with
/// true; a source replaced or stopped completes with false.
/// </summary>
public sealed class SourceSlot : IAudioSource
{
    private Playing? _playing;

    /// <inheritdoc />
    public AudioFormat Format => AudioFormat.Studio;

    /// <summary>True while a source is in the slot.</summary>
    public bool IsPlaying => Volatile.Read(ref _playing) is not null;

    /// <summary>Plays <paramref name="source"/> from the next block, replacing whatever was playing.</summary>
    /// <returns>Completes with true when the source ends by itself, false when it is replaced or stopped.</returns>
    public Task<bool> Play(IAudioSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Format != AudioFormat.Studio)
        {
            throw new ArgumentException($"The graph runs at {AudioFormat.Studio}; the source is {source.Format}.", nameof(source));
        }

        var playing = new Playing(source);
        Interlocked.Exchange(ref _playing, playing)?.Done.TrySetResult(false);
        return playing.Done.Task;
    }

    /// <summary>Empties the slot from the next block.</summary>
    public void Stop() => Interlocked.Exchange(ref _playing, null)?.Done.TrySetResult(false);

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        var playing = Volatile.Read(ref _playing);
        if (playing is null)
        {
            buffer.Clear();
            return buffer.Length;
        }

        var read = playing.Source.Read(buffer);
        if (read < buffer.Length)
        {
            buffer[read..].Clear();
            if (Interlocked.CompareExchange(ref _playing, null, playing) == playing)
            {
                // Continuations run on the thread pool, never on the audio thread.
                playing.Done.TrySetResult(true);
            }
        }

        return buffer.Length;
    }

    private sealed class Playing(IAudioSource source)
    {
        public IAudioSource Source { get; } = source;

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
