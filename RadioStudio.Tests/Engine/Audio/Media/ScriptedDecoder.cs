using RadioStudio.Engine.Audio.Media;

namespace RadioStudio.Tests.Engine.Audio.Media;

/// <summary>A decoder the test feeds by hand, to make underruns and endings happen exactly when wanted.</summary>
internal sealed class ScriptedDecoder : ITrackDecoder
{
    private readonly Queue<float> _samples = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _finished;

    public bool Finished => _finished;

    public Task Completion => _completion.Task;

    public int Available
    {
        get
        {
            lock (_samples)
            {
                return _samples.Count;
            }
        }
    }

    public bool Disposed { get; private set; }

    public void Push(params float[] samples)
    {
        lock (_samples)
        {
            foreach (var sample in samples)
            {
                _samples.Enqueue(sample);
            }
        }
    }

    public void Finish()
    {
        _finished = true;
        _completion.TrySetResult();
    }

    public void Fail(string message)
    {
        _finished = true;
        _completion.TrySetException(new MediaDecodeException(message));
    }

    public int Read(Span<float> buffer)
    {
        lock (_samples)
        {
            var count = Math.Min(buffer.Length, _samples.Count);
            for (var i = 0; i < count; i++)
            {
                buffer[i] = _samples.Dequeue();
            }

            return count;
        }
    }

    public void Dispose() => Disposed = true;
}
