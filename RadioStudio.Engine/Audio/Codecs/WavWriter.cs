using System.Buffers.Binary;

namespace RadioStudio.Engine.Audio.Codecs;

/// <summary>
/// Streams interleaved float audio into a WAV file. <see cref="WavSampleFormat.Float32"/> is written as
/// format tag 3 with a <c>fact</c> chunk rather than WAVE_FORMAT_EXTENSIBLE: that is what sox and
/// ffmpeg write for mono/stereo float and what every editor, DAW and older reader accepts, while some
/// simple readers reject EXTENSIBLE. Sizes in the header are patched on <see cref="Flush"/> and
/// <see cref="Dispose"/>, so a flushed file stays valid if the process later dies; on a stream that
/// cannot seek they are written as 0xFFFFFFFF ("read to end"), as are sizes past 4 GiB.
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
    private readonly byte[] _buffer = new byte[16384];
    private long _dataBytes;
    private bool _disposed;

    /// <summary>Starts a WAV at the current position of <paramref name="stream"/> and writes its header.</summary>
    /// <exception cref="ArgumentException">The stream cannot be written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A rate, channel count or format is out of range.</exception>
    public WavWriter(Stream stream, int sampleRate, int channels, WavSampleFormat format, bool leaveOpen = false)
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
        _bytesPerSample = format == WavSampleFormat.Pcm16 ? 2 : 4;
        _headerStart = stream.CanSeek ? stream.Position : 0;
        var headerLength = WavHeader.Write(_buffer, sampleRate, channels, format, dataBytes: stream.CanSeek ? 0 : -1);
        _stream.Write(_buffer, 0, headerLength);
    }

    /// <summary>Creates (or replaces) the file at <paramref name="path"/>; others may read it while it is written.</summary>
    public WavWriter(string path, int sampleRate, int channels, WavSampleFormat format)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read), sampleRate, channels, format)
    {
    }

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

    /// <summary>Patches the header sizes to cover everything written so far and flushes the stream.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_stream.CanSeek)
        {
            var end = _stream.Position;
            Span<byte> header = stackalloc byte[WavHeader.MaxLength];
            var length = WavHeader.Write(header, _sampleRate, _channels, _format, _dataBytes);
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
