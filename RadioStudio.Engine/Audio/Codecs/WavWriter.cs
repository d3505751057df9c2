using System.Buffers.Binary;

namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>
/// Streams interleaved float audio into a WAV file. <see cref="WavSampleFormat.Float32"/> is written as
/// format tag 3 with a <c>fact</c> chunk rather than WAVE_FORMAT_EXTENSIBLE: that is what sox and
/// ffmpeg write for mono/stereo float and what every editor, DAW and older reader accepts, while some
/// simple readers reject EXTENSIBLE. Sizes in the header are patched on <see cref="Flush"/> and
/// <see cref="Dispose"/>, so a flushed file stays valid if the process later dies; on a stream that
/// cannot seek they are written as 0xFFFFFFFF ("read to end"). Past 4 GiB a plain writer also writes
/// 0xFFFFFFFF; one created with <c>reserveRf64</c> (for multi-hour recordings) starts with a 28-byte
/// <c>JUNK</c> chunk after the RIFF header and, once the RIFF size no longer fits 32 bits, rewrites the
/// header on flush as RF64 (EBU Tech 3306): <c>RF64</c>, a <c>ds64</c> chunk in the JUNK's place with the
/// 64-bit sizes, and 0xFFFFFFFF in the 32-bit RIFF, data and fact fields. Below 4 GiB such a file is an
/// ordinary WAV (readers skip JUNK). The reservation is opt-in so existing 44/58-byte headers are unchanged.
/// </summary>
public sealed class WavWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly int _sampleRate;
    private readonly int _channels;
    private readonly WavSampleFormat _format;
    private readonly int _bytesPerSample;
    private readonly long _headerStart;
    private readonly bool _reserveRf64;
    private readonly long _maxRiffSize;
    private readonly byte[] _buffer = new byte[16384];
    private long _dataBytes;
    private bool _disposed;

    /// <summary>Starts a WAV at the current position of <paramref name="stream"/> and writes its header.</summary>
    /// <param name="stream">Where the WAV goes.</param>
    /// <param name="sampleRate">Frames per second.</param>
    /// <param name="channels">Interleaved channels (1–1024).</param>
    /// <param name="format">Sample encoding.</param>
    /// <param name="leaveOpen">Leave <paramref name="stream"/> open on dispose.</param>
    /// <param name="reserveRf64">Reserve a JUNK chunk so the file can become RF64 past 4 GiB.</param>
    /// <exception cref="ArgumentException">The stream cannot be written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate, channel count or format is out of range.</exception>
    public WavWriter(Stream stream, int sampleRate, int channels, WavSampleFormat format, bool leaveOpen = false, bool reserveRf64 = false)
        : this(stream, sampleRate, channels, format, leaveOpen, reserveRf64, WavHeader.MaxRiffSize)
    {
    }

    /// <summary>As the public constructor, with the largest RIFF size written before switching to RF64 (tests use a few KB).</summary>
    internal WavWriter(Stream stream, int sampleRate, int channels, WavSampleFormat format, bool leaveOpen, bool reserveRf64, long maxRiffSize)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 1024);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown WAV sample format.");
        }

        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        _sampleRate = sampleRate;
        _channels = channels;
        _format = format;
        _bytesPerSample = WavHeader.BytesPerSample(format);
        _reserveRf64 = reserveRf64;
        _maxRiffSize = maxRiffSize;
        _headerStart = stream.CanSeek ? stream.Position : 0;
        var headerLength = WavHeader.Write(_buffer, sampleRate, channels, format, dataBytes: stream.CanSeek ? 0 : -1, reserveRf64, maxRiffSize);
        _stream.Write(_buffer, 0, headerLength);
    }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>; others may read it while it is written.</summary>
    /// <param name="path">The file.</param>
    /// <param name="sampleRate">Frames per second.</param>
    /// <param name="channels">Interleaved channels (1–1024).</param>
    /// <param name="format">Sample encoding.</param>
    /// <param name="reserveRf64">Reserve a JUNK chunk so the file can become RF64 past 4 GiB.</param>
    public WavWriter(string path, int sampleRate, int channels, WavSampleFormat format, bool reserveRf64 = false)
        : this(path, sampleRate, channels, format, reserveRf64, WavHeader.MaxRiffSize)
    {
    }

    /// <summary>As the public path constructor, with the RF64 threshold of the internal stream constructor.</summary>
    internal WavWriter(string path, int sampleRate, int channels, WavSampleFormat format, bool reserveRf64, long maxRiffSize)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), sampleRate, channels, format, leaveOpen: false, reserveRf64, maxRiffSize)
    {
    }

    /// <summary>True once the header has been (re)written as RF64.</summary>
    public bool IsRf64 { get; private set; }

    /// <summary>Frames (samples per channel) written so far.</summary>
    public long FramesWritten => _dataBytes / (_bytesPerSample * _channels);

    /// <summary>Appends interleaved samples; the length must be a whole number of frames. Does not allocate.</summary>
    /// <exception cref="ArgumentException">The length is not a multiple of the channel count.</exception>
    public void Write(ReadOnlySpan<float> interleaved)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (interleaved.Length % _channels != 0)
        {
            throw new ArgumentException($"{interleaved.Length} samples is not a whole number of {_channels}-channel frames.", nameof(interleaved));
        }

        var perPass = _buffer.Length / _bytesPerSample;
        while (!interleaved.IsEmpty)
        {
            var chunk = interleaved[..Math.Min(perPass, interleaved.Length)];
            var bytes = _buffer.AsSpan(0, chunk.Length * _bytesPerSample);
            if (_format == WavSampleFormat.Pcm16)
            {
                Pcm16.FromFloat(chunk, bytes);
            }
            else if (_format == WavSampleFormat.Pcm24)
            {
                for (var i = 0; i < chunk.Length; i++)
                {
                    // Rounded, clipped at full scale: −1 → −8388608, just under +1 → 8388607.
                    var value = (int)Math.Clamp(MathF.Round(chunk[i] * 8388608f), -8388608f, 8388607f);
                    bytes[i * 3] = (byte)value;
                    bytes[(i * 3) + 1] = (byte)(value >> 8);
                    bytes[(i * 3) + 2] = (byte)(value >> 16);
                }
            }
            else
            {
                for (var i = 0; i < chunk.Length; i++)
                {
                    BinaryPrimitives.WriteSingleLittleEndian(bytes[(i * 4)..], chunk[i]);
                }
            }

            _stream.Write(bytes);
            _dataBytes += bytes.Length;
            interleaved = interleaved[chunk.Length..];
        }
    }

    /// <summary>
    /// Appends <paramref name="frames"/> frames of digital silence (all-zero bytes in both formats). On a
    /// seekable stream positioned at its end, long runs extend the stream instead of writing zeros. Does not allocate.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frames"/> is negative.</exception>
    public void WriteSilence(long frames)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(frames);
        var bytes = frames * _bytesPerSample * _channels;
        if (bytes >= _buffer.Length && _stream.CanSeek && _stream.Position == _stream.Length)
        {
            _stream.SetLength(_stream.Length + bytes);
            _stream.Position = _stream.Length;
            _dataBytes += bytes;
            return;
        }

        Array.Clear(_buffer);
        while (bytes > 0)
        {
            var chunk = (int)Math.Min(_buffer.Length, bytes);
            _stream.Write(_buffer, 0, chunk);
            _dataBytes += chunk;
            bytes -= chunk;
        }
    }

    /// <summary>Patches the header sizes to cover everything written so far and flushes the stream.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_stream.CanSeek)
        {
            var end = _stream.Position;
            Span<byte> header = stackalloc byte[WavHeader.MaxLength];
            var length = WavHeader.Write(header, _sampleRate, _channels, _format, _dataBytes, _reserveRf64, _maxRiffSize);
            IsRf64 = header[..4].SequenceEqual("RF64"u8);
            _stream.Position = _headerStart;
            _stream.Write(header[..length]);
            _stream.Position = end;
        }

        _stream.Flush();
    }

    /// <summary>Finalises the header and, unless told to leave it open, closes the stream.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            Flush();
        }
        finally
        {
            _disposed = true;
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }
}
