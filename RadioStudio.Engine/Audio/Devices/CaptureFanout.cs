using RadioStudio.Engine.Audio.Nodes;

namespace RadioStudio.Engine.Audio.Devices;

/// <summary>
/// One live 48 kHz mono signal (the host mic), many independent readers: the program mix, speech-to-text,
/// the stems. The producer (<see cref="DeviceCapture"/>, or the browser microphone) pushes into a shared
/// preallocated ring of <see cref="Capacity"/> samples (about 1.4 s); each <see cref="Subscribe"/> returns a
/// reader with its own position. Lock-free: one producer thread at a time, any number of readers, each
/// reader used by one thread. Nothing a reader does slows the producer or another reader.
/// </summary>
public sealed class CaptureFanout
{
    /// <summary>Ring size in samples (2^16, about 1.37 s at 48 kHz).</summary>
    public const int Capacity = 1 << 16;

    /// <summary>A reader further behind than this (about 0.68 s) skips to the newest audio.</summary>
    public const int SkipThreshold = Capacity / 2;

    // The producer publishes at most this much at a time, so a reader within SkipThreshold can never see
    // samples overwritten under it while it copies.
    private const int PublishChunk = 4096;
    private const int Mask = Capacity - 1;

    private readonly float[] _ring = RealtimeMemory.Array<float>(Capacity);
    private readonly Dictionary<int, RateConverter> _converters = [];
    private long _written;

    /// <summary>Creates the fanout; converters for <paramref name="inputRates"/> (Hz) are built now, others on first use.</summary>
    public CaptureFanout(params int[] inputRates)
    {
        ArgumentNullException.ThrowIfNull(inputRates);
        foreach (var rate in inputRates)
        {
            ConverterFor(rate);
        }
    }

    /// <summary>Samples pushed so far (48 kHz).</summary>
    public long Written => Volatile.Read(ref _written);

    /// <summary>Producer: appends 48 kHz mono samples. Allocation-free.</summary>
    public void Push(ReadOnlySpan<float> samples48k)
    {
        while (!samples48k.IsEmpty)
        {
            var count = Math.Min(samples48k.Length, PublishChunk);
            var written = _written;
            var start = (int)(written & Mask);
            var first = Math.Min(count, Capacity - start);
            samples48k[..first].CopyTo(_ring.AsSpan(start));
            samples48k[first..count].CopyTo(_ring);
            Volatile.Write(ref _written, written + count);
            samples48k = samples48k[count..];
        }
    }

    /// <summary>
    /// Producer: appends mono samples at <paramref name="sampleRate"/> (44100, 16000, 8000…), converted to
    /// 48 kHz by a <see cref="PolyphaseResampler"/> kept per rate (its filter state carries across pushes).
    /// Allocation-free once the rate's converter exists (see the constructor).
    /// </summary>
    public void Push(ReadOnlySpan<float> samples, int sampleRate)
    {
        if (sampleRate == AudioClock.SampleRate)
        {
            Push(samples);
            return;
        }

        var converter = ConverterFor(sampleRate);
        while (!samples.IsEmpty)
        {
            var count = Math.Min(samples.Length, RateConverter.InputChunk);
            var produced = converter.Resampler.Process(samples[..count], converter.Output);
            Push(converter.Output.AsSpan(0, produced));
            samples = samples[count..];
        }
    }

    /// <summary>
    /// A new independent reader starting at the newest audio. It plays silence until
    /// <paramref name="prefillSamples"/> more than a read's worth is waiting (a cushion against the producer's
    /// jitter), and rebuilds that cushion after an underrun.
    /// </summary>
    public IAudioSource Subscribe(int prefillSamples = 960)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(prefillSamples);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(prefillSamples, SkipThreshold / 2);
        return new Reader(this, prefillSamples);
    }

    private RateConverter ConverterFor(int sampleRate)
    {
        if (!_converters.TryGetValue(sampleRate, out var converter))
        {
            converter = new RateConverter(new PolyphaseResampler(sampleRate, AudioClock.SampleRate));
            _converters[sampleRate] = converter;
        }

        return converter;
    }

    private sealed class RateConverter(PolyphaseResampler resampler)
    {
        public const int InputChunk = 2048;

        public PolyphaseResampler Resampler { get; } = resampler;

        public float[] Output { get; } = RealtimeMemory.Array<float>(resampler.MaxOutputFor(InputChunk) + 1);
    }

    /// <summary>One consumer's view of the ring.</summary>
    private sealed class Reader(CaptureFanout owner, int prefill) : IAudioSource, ICaptureReader
    {
        private long _position = owner.Written;
        private bool _priming = true;

        public AudioFormat Format => AudioFormat.Studio;

        public long Underruns { get; private set; }

        public long Skips { get; private set; }

        public int Read(Span<float> buffer)
        {
            var written = Volatile.Read(ref owner._written);
            if (written - _position > SkipThreshold)
            {
                // Fell behind (a stalled consumer): jump to the newest audio rather than play stale sound.
                _position = written - Math.Min(buffer.Length + prefill, written);
                Skips++;
            }

            var available = written - _position;
            if (_priming)
            {
                if (available < buffer.Length + prefill)
                {
                    buffer.Clear();
                    return buffer.Length;
                }

                _priming = false;
            }

            var count = (int)Math.Min(available, buffer.Length);
            var start = (int)(_position & Mask);
            var first = Math.Min(count, Capacity - start);
            owner._ring.AsSpan(start, first).CopyTo(buffer);
            owner._ring.AsSpan(0, count - first).CopyTo(buffer[first..]);
            if (Volatile.Read(ref owner._written) + PublishChunk - _position > Capacity)
            {
                // The producer lapped us while copying (only after a very long stall): discard the copy.
                count = 0;
                _position = Volatile.Read(ref owner._written);
                Skips++;
            }

            _position += count;
            if (count < buffer.Length)
            {
                buffer[count..].Clear();
                Underruns++;
                _priming = true;
            }

            return buffer.Length;
        }
    }
}
