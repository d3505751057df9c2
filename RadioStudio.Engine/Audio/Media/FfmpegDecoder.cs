using System.Buffers.Binary;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace RadioStudio.Engine.Audio.Media;

/// <summary>
/// Streams any file ffmpeg can read (MP3, FLAC, OGG, M4A, WAV, …) as 48 kHz mono float32:
/// <c>ffmpeg -nostdin -v error -i file:&lt;path&gt; -map 0:a:0 -f f32le -ac 1 -ar 48000 pipe:1</c>, started with
/// <see cref="ProcessStartInfo.ArgumentList"/> (no shell, no quoting). A background task reads ffmpeg's stdout
/// into a preallocated single-producer/single-consumer ring (<see cref="DefaultRingSamples"/>, 2 s); when the
/// ring is full the task stops reading, the pipe fills and ffmpeg blocks, so a two-hour file never costs more
/// memory than the ring. The audio thread calls <see cref="Read"/>, which only copies out of the ring.
/// A missing ffmpeg, a missing or unreadable file, or an ffmpeg error never throws at the audio thread: it sets
/// <see cref="State"/> to <see cref="DecoderState.Failed"/>, puts ffmpeg's message in <see cref="Error"/>, and
/// faults <see cref="Completion"/> with a <see cref="MediaDecodeException"/>. <see cref="Dispose"/> kills the process.
/// </summary>
public sealed class FfmpegDecoder : ITrackDecoder
{
    /// <summary>The executable used when none is given (found on PATH).</summary>
    public const string DefaultExecutable = "ffmpeg";

    /// <summary>Default ring size: 2 s at 48 kHz.</summary>
    public const int DefaultRingSamples = 2 * AudioClock.SampleRate;

    private const int ChunkBytes = 16384;
    private const int MaxErrorChars = 2000;

    // How long the reader waits before looking again at a full ring; a 2 s ring makes 10 ms irrelevant.
    private static readonly TimeSpan FullRingPoll = TimeSpan.FromMilliseconds(10);

    private readonly SampleRing _ring;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _processLock = new();
    private Process? _process;
    private volatile int _state = (int)DecoderState.Starting;
    private volatile string? _error;
    private volatile bool _finished;
    private volatile bool _waitingForSpace;
    private bool _disposed;

    /// <summary>Starts decoding <paramref name="path"/> in the background; returns at once.</summary>
    /// <param name="path">The file to decode.</param>
    /// <param name="ffmpegPath">The ffmpeg executable; null for <see cref="DefaultExecutable"/> on PATH.</param>
    /// <param name="ringSamples">Ring size in samples (how far decoding may run ahead of playback).</param>
    public FfmpegDecoder(string path, string? ffmpegPath = null, int ringSamples = DefaultRingSamples)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(ringSamples, 960);
        Path = path;
        FfmpegPath = ffmpegPath ?? DefaultExecutable;
        _ring = new SampleRing(ringSamples);
        Completion = Task.Run(() => PumpAsync(_stop.Token));
    }

    /// <summary>The file being decoded.</summary>
    public string Path { get; }

    /// <summary>The ffmpeg executable.</summary>
    public string FfmpegPath { get; }

    /// <summary>Where decoding is; safe from any thread.</summary>
    public DecoderState State => (DecoderState)_state;

    /// <summary>Why decoding failed (ffmpeg's own message where it gave one); null unless <see cref="State"/> is Failed.</summary>
    public string? Error => _error;

    /// <summary>Completes when decoding ends (the file ended or <see cref="Dispose"/> stopped it); faults with <see cref="MediaDecodeException"/> on failure.</summary>
    public Task Completion { get; }

    /// <summary>True once no more samples will arrive in the ring.</summary>
    public bool Finished => _finished;

    /// <summary>True once <see cref="Finished"/> and everything decoded has been read.</summary>
    public bool IsDrained => _finished && _ring.Count == 0;

    /// <summary>Size of the ring in samples.</summary>
    public int RingCapacity => _ring.Capacity;

    /// <summary>Samples decoded and not yet read (never more than <see cref="RingCapacity"/>).</summary>
    public int Buffered => _ring.Count;

    /// <inheritdoc cref="Buffered" />
    int ITrackDecoder.Available => _ring.Count;

    /// <summary>Samples decoded so far.</summary>
    public long SamplesDecoded => _ring.TotalWritten;

    /// <summary>Samples read so far.</summary>
    public long SamplesRead => _ring.TotalRead;

    /// <summary>True while the reader task waits for the consumer to free space (back-pressure).</summary>
    internal bool WaitingForSpace => _waitingForSpace;

    /// <summary>Audio thread: copies up to <paramref name="buffer"/>.Length decoded samples; never blocks or allocates.</summary>
    public int Read(Span<float> buffer) => _ring.Read(buffer);

    /// <summary>
    /// Decodes a whole (short) file into memory, for sound effects. Runs ffmpeg with the same arguments as the
    /// streaming decoder.
    /// </summary>
    /// <exception cref="MediaDecodeException">ffmpeg is missing, the file is unreadable, or it is longer than <paramref name="maxLength"/>.</exception>
    public static async Task<float[]> DecodeAllAsync(string path, TimeSpan maxLength, string? ffmpegPath = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var maxBytes = (long)(maxLength.TotalSeconds * AudioClock.SampleRate) * sizeof(float);
        using var process = StartProcess(ffmpegPath ?? DefaultExecutable, path);
        try
        {
            var stderr = ReadBoundedAsync(process.StandardError, cancellationToken);
            using var bytes = new MemoryStream();
            var chunk = new byte[ChunkBytes];
            int read;
            while ((read = await process.StandardOutput.BaseStream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                bytes.Write(chunk, 0, read);
                if (bytes.Length > maxBytes)
                {
                    throw new MediaDecodeException($"'{path}' is longer than {maxLength.TotalSeconds:0.#} s.");
                }
            }

            await process.WaitForExitAsync(cancellationToken);
            var error = await stderr;
            if (process.ExitCode != 0)
            {
                throw Failure(path, process.ExitCode, error);
            }

            var samples = new float[bytes.Length / sizeof(float)];
            ToFloats(bytes.GetBuffer().AsSpan(0, samples.Length * sizeof(float)), samples);
            return samples;
        }
        finally
        {
            Kill(process);
        }
    }

    /// <summary>Stops decoding and kills ffmpeg; what is already in the ring can still be read. Safe to call twice.</summary>
    public void Dispose()
    {
        lock (_processLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stop.Cancel();
            if (_process is { } process)
            {
                Kill(process);
            }
        }
    }

    internal static ProcessStartInfo CreateStartInfo(string ffmpegPath, string path)
    {
        var info = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            CreateNoWindow = true,
        };

        // "file:" keeps a name such as "concat:x.mp3" or "http:…" from being taken for a protocol.
        string[] arguments =
        [
            "-nostdin", "-hide_banner", "-v", "error",
            "-i", "file:" + System.IO.Path.GetFullPath(path),
            "-map", "0:a:0", "-vn", "-sn", "-dn",
            "-f", "f32le", "-ac", "1", "-ar", AudioClock.SampleRate.ToString(CultureInfo.InvariantCulture),
            "pipe:1",
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    private static Process StartProcess(string ffmpegPath, string path)
    {
        if (!File.Exists(path))
        {
            throw new MediaDecodeException($"File not found: '{path}'.");
        }

        try
        {
            return Process.Start(CreateStartInfo(ffmpegPath, path))
                ?? throw new MediaDecodeException($"ffmpeg ('{ffmpegPath}') did not start.");
        }
        catch (Win32Exception e)
        {
            throw new MediaDecodeException($"ffmpeg was not found or could not run ('{ffmpegPath}'): install ffmpeg or set its path. {e.Message}", e);
        }
    }

    private static MediaDecodeException Failure(string path, int exitCode, string error) =>
        new($"ffmpeg could not decode '{path}' (exit code {exitCode}){(error.Length > 0 ? ": " + error : ".")}");

    private static async Task<string> ReadBoundedAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        // Keep draining after the cap, or a chatty ffmpeg would block on a full stderr pipe.
        var text = new StringBuilder();
        var buffer = new char[1024];
        int read;
        while ((read = await reader.ReadAsync(buffer, cancellationToken)) > 0)
        {
            text.Append(buffer, 0, Math.Min(read, MaxErrorChars - text.Length));
        }

        return text.ToString().Trim();
    }

    private static void ToFloats(ReadOnlySpan<byte> bytes, Span<float> destination)
    {
        if (BitConverter.IsLittleEndian)
        {
            MemoryMarshal.Cast<byte, float>(bytes).CopyTo(destination);
            return;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(i * sizeof(float))..]);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited (or never started) in between: nothing to kill.
        }
        catch (Win32Exception)
        {
            // Exiting while we asked: nothing to kill.
        }
    }

    private async Task PumpAsync(CancellationToken cancellationToken)
    {
        Process? process = null;
        try
        {
            process = StartProcess(FfmpegPath, Path);
            lock (_processLock)
            {
                _process = process;
                if (_disposed)
                {
                    Kill(process);
                }
            }

            var stderr = ReadBoundedAsync(process.StandardError, CancellationToken.None);
            await PumpSamplesAsync(process.StandardOutput.BaseStream, cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            var error = await stderr;
            cancellationToken.ThrowIfCancellationRequested();
            if (process.ExitCode != 0)
            {
                throw Failure(Path, process.ExitCode, error);
            }

            _state = (int)DecoderState.Completed;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            // Killed on purpose: the pipe may end early or the read may be cancelled; neither is an error.
            _state = (int)DecoderState.Stopped;
        }
        catch (MediaDecodeException e)
        {
            Fail(e.Message);
            throw;
        }
        catch (Exception e)
        {
            // Anything else (a pipe error, access denied starting the process, …) is a decode failure too.
            Fail($"Decoding '{Path}' failed: {e.Message}");
            throw new MediaDecodeException(_error!, e);
        }
        finally
        {
            _finished = true;
            lock (_processLock)
            {
                _process = null;
            }

            if (process is not null)
            {
                Kill(process);
                process.Dispose();
            }
        }
    }

    private void Fail(string message)
    {
        _error = message;
        _state = (int)DecoderState.Failed;
    }

    private async Task PumpSamplesAsync(Stream stdout, CancellationToken cancellationToken)
    {
        var bytes = new byte[ChunkBytes];
        var samples = new float[ChunkBytes / sizeof(float)];
        var pending = 0;
        int read;
        while ((read = await stdout.ReadAsync(bytes.AsMemory(pending), cancellationToken)) > 0)
        {
            pending += read;
            var count = pending / sizeof(float);
            ToFloats(bytes.AsSpan(0, count * sizeof(float)), samples.AsSpan(0, count));

            // A read can end inside a float: carry its bytes to the front of the next read.
            bytes.AsSpan(count * sizeof(float), pending - (count * sizeof(float))).CopyTo(bytes);
            pending -= count * sizeof(float);
            if (count > 0 && _state == (int)DecoderState.Starting)
            {
                _state = (int)DecoderState.Running;
            }

            for (var offset = _ring.Write(samples.AsSpan(0, count)); offset < count; offset += _ring.Write(samples.AsSpan(offset, count - offset)))
            {
                _waitingForSpace = true;
                await Task.Delay(FullRingPoll, cancellationToken);
                _waitingForSpace = false;
            }
        }
    }
}
