using System.Collections.Immutable;

namespace RadioStudio.Engine.Audio.Nodes;

/// <summary>
/// Sums any number of inputs of one format. <see cref="Add"/> and <see cref="Remove"/> may run on any thread:
/// they publish a new immutable array that the next <see cref="Read"/> picks up, so the audio thread never
/// waits on a lock. A live source: it always fills the buffer, and an input that has ended simply adds silence.
/// </summary>
public sealed class MixerSource : IAudioSource
{
    /// <summary>Default largest block: 20 ms at 48 kHz mono.</summary>
    public const int DefaultMaxBlockSamples = 960;

    // One scratch buffer serves every input in turn: inputs are read and summed one after another.
    private readonly float[] _scratch;
    private ImmutableArray<IAudioSource> _inputs = [];

    /// <summary>Creates an empty mixer.</summary>
    /// <param name="format">Format of the mix; every input must have exactly this format.</param>
    /// <param name="maxBlockSamples">Size of the scratch buffer; longer reads are processed in chunks of this size.</param>
    public MixerSource(AudioFormat format, int maxBlockSamples = DefaultMaxBlockSamples)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBlockSamples);
        Format = format;
        MaxBlockSamples = maxBlockSamples;
        _scratch = RealtimeMemory.Array<float>(maxBlockSamples);
    }

    /// <inheritdoc />
    public AudioFormat Format { get; }

    /// <summary>Largest block read from an input in one call.</summary>
    public int MaxBlockSamples { get; }

    /// <summary>The inputs as of now (a snapshot).</summary>
    public ImmutableArray<IAudioSource> Inputs => _inputs;

    /// <summary>Adds an input; it is heard from the next <see cref="Read"/> on.</summary>
    /// <exception cref="ArgumentException">The input's format differs from <see cref="Format"/>.</exception>
    public void Add(IAudioSource input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Format != Format)
        {
            throw new ArgumentException($"Input format {input.Format} differs from the mixer's {Format}.", nameof(input));
        }

        ImmutableInterlocked.Update(ref _inputs, static (a, i) => a.Add(i), input);
    }

    /// <summary>Removes an input (no effect when absent); a <see cref="Read"/> already under way may still include it.</summary>
    public void Remove(IAudioSource input) =>
        ImmutableInterlocked.Update(ref _inputs, static (a, i) => a.Remove(i), input);

    /// <inheritdoc />
    public int Read(Span<float> buffer)
    {
        buffer.Clear();
        var inputs = _inputs;
        for (var offset = 0; offset < buffer.Length; offset += _scratch.Length)
        {
            var chunk = buffer.Slice(offset, Math.Min(_scratch.Length, buffer.Length - offset));
            foreach (var input in inputs)
            {
                var scratch = _scratch.AsSpan(0, chunk.Length);
                var read = input.Read(scratch);
                for (var i = 0; i < read; i++)
                {
                    chunk[i] += scratch[i];
                }
            }
        }

        return buffer.Length;
    }
}
