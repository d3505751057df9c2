namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// One pass over samples that are (or will be) in memory: a WAV decoded by <see cref="Codecs.WavReader"/> and
/// resampled on a background task. Until the load finishes <see cref="Read"/> returns nothing, as a slow
/// decoder would; several passes (loops) can share one load.
/// </summary>
internal sealed class MemoryDecoder : ITrackDecoder
{
    private float[]? _samples;
    private volatile bool _finished;
    private int _position;

    public MemoryDecoder(Task<float[]> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        Completion = AttachAsync(load);
    }

    public bool Finished => _finished;

    public Task Completion { get; }

    public int Available => _finished && _samples is { } samples ? samples.Length - _position : 0;

    public int Read(Span<float> buffer)
    {
        if (!_finished || _samples is not { } samples)
        {
            return 0;
        }

        var count = Math.Min(buffer.Length, samples.Length - _position);
        samples.AsSpan(_position, count).CopyTo(buffer);
        _position += count;
        return count;
    }

    public void Dispose()
    {
    }

    private async Task AttachAsync(Task<float[]> load)
    {
        try
        {
            _samples = await load;
        }
        catch (Exception e) when (e is not MediaDecodeException)
        {
            throw new MediaDecodeException(e.Message, e);
        }
        finally
        {
            _finished = true;
        }
    }
}
